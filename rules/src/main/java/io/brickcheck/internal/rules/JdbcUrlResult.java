package io.brickcheck.internal.rules;

import io.brickcheck.rules.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link JdbcUrlParser#parse}: the split URL when it can be used, and the problems
 * of the URL itself.
 *
 * @param url the split URL, or null when it has no host or no {@code httpPath}, or is not a
 *     databricks-jdbc URL
 * @param problems the problems found, in the order of the URL
 */
public record JdbcUrlResult(JdbcUrl url, List<Problem> problems) {
  /**
   * Copies the list, so the record stays immutable.
   *
   * @param url the split URL, or null
   * @param problems the problems found
   */
  public JdbcUrlResult {
    problems = List.copyOf(problems);
  }

  /**
   * The split URL.
   *
   * @return the URL, or empty when it cannot be used
   */
  public Optional<JdbcUrl> urlIfUsable() {
    return Optional.ofNullable(url);
  }
}
