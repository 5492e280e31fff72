package io.brickcheck.dbt;

import io.brickcheck.rules.Problem;
import io.brickcheck.rules.ProfileSpec;
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
  public DbtSpecResult {
    problems = List.copyOf(problems);
  }

  public Optional<ProfileSpec> specIfAny() {
    return Optional.ofNullable(spec);
  }

  public boolean isOk() {
    return spec != null;
  }
}
