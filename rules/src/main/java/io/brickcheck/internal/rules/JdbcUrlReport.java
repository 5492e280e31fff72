package io.brickcheck.internal.rules;

import java.util.Optional;

/**
 * The outcome of {@link JdbcUrlChecker#check}: the split URL and the profile it describes, checked.
 *
 * @param url the split URL, or null when it cannot be used (then {@code report} holds only the
 *     URL's problems, and no compute)
 * @param report the profile the URL describes (host and port from the URL, its {@code httpPath} as
 *     the {@code default} compute, then the named computes), with the URL's problems first
 */
public record JdbcUrlReport(JdbcUrl url, ProfileReport report) {

  /**
   * The split URL.
   *
   * @return the URL, or empty when it cannot be used
   */
  public Optional<JdbcUrl> urlIfUsable() {
    return Optional.ofNullable(url);
  }
}
