package io.brickcheck.internal.dbt;

import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import java.util.ArrayList;
import java.util.List;

/**
 * One selected dbt output ({@code outputs: prod:}) of type {@code databricks}, with the position
 * of every value Brickcheck reads. Secrets are present only as {@link DbtSecret}s, without values.
 *
 * @param file the file's name
 * @param profile the profile's name
 * @param target the target's name
 * @param position where the target's key ({@code prod:}) is written
 * @param host the host
 * @param httpPath the http path of the compute named {@code default}
 * @param computes the {@code compute:} entries, in file order
 * @param secrets the credential keys present, in file order
 */
public record DbtOutput(
    String file,
    String profile,
    String target,
    YamlPosition position,
    DbtValue host,
    DbtValue httpPath,
    List<DbtCompute> computes,
    List<DbtSecret> secrets) {

  /**
   * Copies the lists, so the record stays immutable.
   *
   * @param file the file's name
   * @param profile the profile's name
   * @param target the target's name
   * @param position where the target's key ({@code prod:}) is written
   * @param host the host
   * @param httpPath the http path of the compute named {@code default}
   * @param computes the {@code compute:} entries, in file order
   * @param secrets the credential keys present, in file order
   */
  public DbtOutput {
    computes = List.copyOf(computes);
    secrets = List.copyOf(secrets);
  }

  /**
   * Every value the rule engine judges: host, http_path, then each compute's http_path.
   *
   * @return every value the rule engine judges
   */
  public List<DbtValue> values() {
    List<DbtValue> all = new ArrayList<>();
    all.add(host);
    all.add(httpPath);
    computes.forEach(c -> all.add(c.httpPath()));
    return all;
  }

  /**
   * The values that are env_var templates, known only at run time.
   *
   * @return the values that are env_var templates, known only at run time
   */
  public List<DbtValue> deferred() {
    return values().stream().filter(DbtValue::isTemplate).toList();
  }

  /**
   * Where in the file a rule-engine problem belongs: the host value, a compute's http_path value or
   * name, or the target's key when the problem is about the output as a whole. The compute is
   * found by the problem's index (0 is the target's own http_path, then the {@code compute:}
   * entries in file order), never by its name, which two entries may share.
   *
   * @param problem a problem about one of this output's values, from a check of this output
   * @return where in the file the value sits
   */
  public YamlPosition positionOf(Problem problem) {
    Subject subject = problem.subject();
    int index = problem.computeIndex();
    if (subject == Subject.HOST) {
      return host.position();
    }
    if (index == 0 && subject == Subject.HTTP_PATH) {
      return httpPath.position();
    }
    if (index > 0 && index <= computes.size()) {
      DbtCompute c = computes.get(index - 1);
      return subject == Subject.COMPUTE_NAME ? c.namePosition() : c.httpPath().position();
    }
    return position;
  }
}
