package io.brickcheck.internal.dbt;

import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileSpec;
import java.util.List;
import java.util.Optional;

/**
 * A selected dbt output rendered with an environment: the {@link ProfileSpec} for the rule engine,
 * or the problems that prevented it (an unset variable, a profile or target that was not found).
 *
 * @param spec the spec, or null when {@code problems} is not empty
 * @param problems why there is no spec
 */
public record DbtSpecResult(ProfileSpec spec, List<Problem> problems) {
  /**
   * Copies the list, so the record stays immutable.
   *
   * @param spec the spec, or null when {@code problems} is not empty
   * @param problems why there is no spec
   */
  public DbtSpecResult {
    problems = List.copyOf(problems);
  }

  /**
   * The profile built from the output.
   *
   * @return the spec, or empty when the output has problems
   */
  public Optional<ProfileSpec> specIfAny() {
    return Optional.ofNullable(spec);
  }

  /**
   * Whether a spec was built.
   *
   * @return true when {@link #specIfAny()} is present
   */
  public boolean isOk() {
    return spec != null;
  }
}
