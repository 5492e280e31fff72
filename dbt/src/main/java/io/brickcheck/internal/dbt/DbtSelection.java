package io.brickcheck.internal.dbt;

import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of {@link DbtProfilesFile#select}: the selected output, or the problems that
 * prevented the selection (the file is broken, the profile or target is unknown, a value is
 * missing or of the wrong kind). Exactly one of the two is present.
 *
 * @param output the selected output, or null
 * @param problems why nothing was selected; empty when {@code output} is present
 */
public record DbtSelection(DbtOutput output, List<Problem> problems) {
  /**
   * Copies the problems; a selection has an output or problems, never both.
   *
   * @param output the selected output, or null
   * @param problems why nothing was selected; empty when {@code output} is present
   */
  public DbtSelection {
    problems = List.copyOf(problems);
    if ((output == null) == problems.isEmpty()) {
      throw new IllegalArgumentException("a selection has an output or problems, not both");
    }
  }

  static DbtSelection failed(List<Problem> problems) {
    return new DbtSelection(null, problems);
  }

  /**
   * Whether the profile and target were found.
   *
   * @return true when there is an output to check
   */
  public boolean isSelected() {
    return output != null;
  }

  /**
   * The selected output.
   *
   * @return the output, or empty when the selection failed
   */
  public Optional<DbtOutput> outputIfSelected() {
    return Optional.ofNullable(output);
  }

  /**
   * Checks what can be checked without the environment (compile time). Every literal value is
   * judged by the rule engine; a templated http path has its literal query judged; the rest is
   * listed in {@link DbtStaticCheck#deferred()}.
   *
   * @param hostKind what the host is declared to be
   * @return what could be checked now, and what is deferred
   */
  public DbtStaticCheck checkStatically(HostClassification hostKind) {
    return output == null
        ? new DbtStaticCheck(null, problems, List.of())
        : OutputChecks.checkStatically(output, hostKind);
  }

  /**
   * Renders every value from {@code env} into the spec the rule engine checks.
   *
   * @param env the environment variables that templates read
   * @return the profile, or the problems that prevent it
   */
  public DbtSpecResult toSpec(Map<String, String> env) {
    return output == null ? new DbtSpecResult(null, problems) : OutputChecks.toSpec(output, env, HostClassification.UNKNOWN);
  }

  /**
   * Renders with {@code env} and applies every rule (run time, or the {@code check} command line):
   * the report's problems start with the file position of the value each is about. When the values
   * cannot be rendered the report has no host and no computes, only the problems.
   *
   * @param env the environment variables that templates read
   * @param hostKind what the host is declared to be
   * @return every problem, with the same codes as elsewhere
   */
  public ProfileReport check(Map<String, String> env, HostClassification hostKind) {
    return output == null
        ? OutputChecks.problemsOnly(problems)
        : OutputChecks.check(output, env, hostKind);
  }
}
