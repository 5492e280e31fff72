package io.brickcheck;

import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.TerminalText;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a profile breaks a rule at run time: the same rules and codes the annotation
 * processor applies at compile time. The message is the problems' messages, one per line, each
 * starting with {@code [DatabricksProfile/<Code>]}; it never contains a secret.
 */
public final class DatabricksProfileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Not serialised: Problem is not Serializable, and the message already carries the text. */
  private final transient List<Problem> problems;

  /**
   * @param problems the problems that make the profile unusable; at least one
   * @throws IllegalArgumentException if {@code problems} is empty
   */
  public DatabricksProfileException(List<Problem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a DatabricksProfileException needs at least one problem");
    }
    // One line per problem: a message never holds a raw line break or escape (TerminalText).
    return problems.stream().map(p -> TerminalText.line(p.message())).collect(Collectors.joining("\n"));
  }

  /** {@return every problem found, in the rule engine's order (host first, then each compute's)} */
  public List<Problem> problems() {
    return problems == null ? List.of() : problems;
  }
}
