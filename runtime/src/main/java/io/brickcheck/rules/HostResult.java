package io.brickcheck.rules;

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

  public HostResult {
    problems = List.copyOf(problems);
  }

  public Optional<Host> hostIfValid() {
    return Optional.ofNullable(host);
  }

  /**
   * The input fit to show: any user information before {@code @} (which may hold a token) is
   * replaced with {@code ***}.
   */
  public String safeInput() {
    return input == null ? null : HostParser.redactUserInfo(input);
  }

  @Override
  public String toString() {
    return "HostResult[input=" + safeInput() + ", host=" + host + ", problems=" + problems + "]";
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
