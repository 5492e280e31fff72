package io.brickcheck.rules;

import java.util.Objects;

/**
 * One thing wrong with a profile.
 *
 * @param code the stable code
 * @param severity error or warning (a warning becomes an error in strict mode)
 * @param subject the part of the profile at fault
 * @param compute the compute concerned, or {@code null} when the problem is about the host or the
 *     profile as a whole
 * @param message {@code [DatabricksProfile/<Code>] <what is wrong>. <what is expected>. <the fix>},
 *     with the offending value quoted and its control characters escaped; never a secret
 */
public record Problem(Code code, Severity severity, Subject subject, String compute, String message) {

  /**
   * Checks that code, severity, subject and message are present.
   *
   * @param code the stable code
   * @param severity error or warning (a warning becomes an error in strict mode)
   * @param subject the part of the profile at fault
   * @param compute the compute concerned, or {@code null} when the problem is about the host or the profile as a whole
   * @param message {@code [DatabricksProfile/<Code>] <what is wrong>. <what is expected>. <the fix>}, with the offending value quoted and its control characters escaped; never a secret
   */
  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
  }

  /**
   * A problem with the code's default severity; {@code text} is the message without its tag (a
   * final full stop is added when missing).
   *
   * @param code the problem's code
   * @param subject which value the problem is about
   * @param compute the compute's name, or null for a problem of the host or profile
   * @param text the message after the tag
   * @return the problem
   */
  public static Problem of(Code code, Subject subject, String compute, String text) {
    String sentence = text.endsWith(".") ? text : text + ".";
    return new Problem(code, code.defaultSeverity(), subject, compute, code.tag() + " " + sentence);
  }


  /**
   * Whether this problem is an error.
   *
   * @return true for {@link Severity#ERROR}
   */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /**
   * The same problem, about the given compute.
   *
   * @param computeName a compute name of this profile, {@code default} included
   * @return this problem about another compute
   */
  public Problem forCompute(String computeName) {
    return new Problem(code, severity, subject, computeName, message);
  }

  /**
   * The same problem as an error, for strict mode.
   *
   * @return this problem with severity error
   */
  public Problem asError() {
    return severity == Severity.ERROR
        ? this
        : new Problem(code, Severity.ERROR, subject, compute, message);
  }

  @Override
  public String toString() {
    return severity + (compute == null ? "" : " (compute " + compute + ")") + " " + message;
  }
}
