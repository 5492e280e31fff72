package io.brickcheck.internal.cfg;

import io.brickcheck.rules.Problem;
import java.util.List;

/**
 * A parsed {@code .databrickscfg}: its sections with the position of every value, or the problems
 * that make the whole file unusable (then there are no sections). Secret values are not in it.
 *
 * @param file the file's name as messages show it
 * @param sections every section in file order (a repeated header appears twice)
 * @param problems why the file cannot be used; empty when it can
 */
public record DatabricksCfgFile(String file, List<CfgSection> sections, List<Problem> problems) {

  /**
   * Copies the lists, so the record stays immutable.
   *
   * @param file the file's name as messages show it
   * @param sections every section in file order
   * @param problems why the file cannot be used
   */
  public DatabricksCfgFile {
    sections = List.copyOf(sections);
    problems = List.copyOf(problems);
  }

  /**
   * Whether the file could be read and parsed.
   *
   * @return true when {@link #problems()} is empty
   */
  public boolean isReadable() {
    return problems.isEmpty();
  }

  /**
   * The names of the sections, each once, in file order.
   *
   * @return the profile names
   */
  public List<String> profileNames() {
    return sections.stream().map(CfgSection::name).distinct().toList();
  }

  /**
   * Every section of that name (more than one when the header is repeated).
   *
   * @param name a profile name, compared case-sensitively as the SDKs do
   * @return the sections, in file order
   */
  public List<CfgSection> sections(String name) {
    return sections.stream().filter(s -> s.name().equals(name)).toList();
  }
}
