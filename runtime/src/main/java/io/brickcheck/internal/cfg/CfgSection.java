package io.brickcheck.internal.cfg;

import io.brickcheck.rules.Problem;
import java.util.List;
import java.util.Optional;

/**
 * One {@code [name]} section of a {@code .databrickscfg} file (a CLI "profile").
 *
 * @param name the name between the brackets, trimmed (compared case-sensitively, as the SDKs do)
 * @param origin where the header is written
 * @param entries the {@code key = value} lines, in file order
 * @param problems what is wrong inside this section (a value the CLI and the Java SDK read
 *     differently, a repeated key, a misspelled key); reported only when the section is selected
 */
public record CfgSection(String name, Origin origin, List<CfgEntry> entries, List<Problem> problems) {

  /**
   * Copies the lists, so the record stays immutable.
   *
   * @param name the section's name
   * @param origin where the header is written
   * @param entries the entries, in file order
   * @param problems what is wrong inside this section
   */
  public CfgSection {
    entries = List.copyOf(entries);
    problems = List.copyOf(problems);
  }

  /**
   * The first entry of a key, compared exactly as the CLI and SDKs compare keys.
   *
   * @param key a key such as {@code host}
   * @return the entry, or empty
   */
  public Optional<CfgEntry> entry(String key) {
    return entries.stream().filter(e -> e.key().equals(key)).findFirst();
  }
}
