package io.brickcheck.internal.rules;

import io.brickcheck.rules.Host;
import io.brickcheck.rules.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link HostParser#parse}: the host when it is valid, and every problem found.
 *
 * @param input the value as given
 * @param host the parsed host, or null when the value is invalid
 * @param problems the problems found, in a stable order
 */
public record HostResult(String input, Host host, List<Problem> problems) {

  /**
   * Copies the list, so the record stays immutable.
   *
   * @param input the value as given
   * @param host the parsed host, or null when the value is invalid
   * @param problems the problems found, in a stable order
   */
  public HostResult {
    problems = List.copyOf(problems);
  }

  /**
   * The parsed host.
   *
   * @return the host, or empty when there is an error
   */
  public Optional<Host> hostIfValid() {
    return Optional.ofNullable(host);
  }

  /**
   * The input fit to show: any user information before {@code @} (which may hold a token) is
   * replaced with {@code ***}.
   *
   * @return the input fit to show
   */
  public String safeInput() {
    return input == null ? null : Text.redactUserInfo(input);
  }

  @Override
  public String toString() {
    return "HostResult[input=" + safeInput() + ", host=" + host + ", problems=" + problems + "]";
  }

  /**
   * Whether any problem is an error.
   *
   * @return true if the host is unusable
   */
  public boolean hasErrors() {
    return ProblemLists.anyError(problems);
  }
}
