package io.brickcheck.internal.dbt;

import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileReport;
import java.util.List;
import java.util.Optional;

/**
 * What can be known about a dbt output without the run-time environment (at compile time).
 *
 * @param report the full rule-engine report when every value is literal, else null
 * @param problems every problem found now, each message starting with its file position
 * @param deferred the values that are templates: a generated factory renders them at run time and
 *     applies the same rules, with the same codes, through {@link DbtSelection#check}
 */
public record DbtStaticCheck(ProfileReport report, List<Problem> problems, List<DbtValue> deferred) {
  /**
   * Copies the lists, so the record stays immutable.
   *
   * @param report the full rule-engine report when every value is literal, else null
   * @param problems every problem found now, each message starting with its file position
   * @param deferred the values that are templates: a generated factory renders them at run time and applies the same rules, with the same codes, through {@link DbtSelection#check}
   */
  public DbtStaticCheck {
    problems = List.copyOf(problems);
    deferred = List.copyOf(deferred);
  }

  /**
   * The full report, when every value was literal.
   *
   * @return the report, or empty when some rules are deferred to run time
   */
  public Optional<ProfileReport> reportIfComplete() {
    return Optional.ofNullable(report);
  }

  /**
   * Whether anything checked so far is an error.
   *
   * @return true if any problem is an error
   */
  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  /**
   * True when some value is known only at run time.
   *
   * @return true when some value is known only at run time
   */
  public boolean isDeferred() {
    return !deferred.isEmpty();
  }
}
