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
 * @param suggestion the corrected value of the {@code subject} (the host, the compute's http path,
 *     the compute's name) that the message proposes, or null when it proposes none. The engine
 *     offers only a value that clears this code when checked again (CodeCatalogueTest feeds each
 *     one back)
 */
public record Problem(
    Code code, Severity severity, Subject subject, String compute, String message, String suggestion) {

  /**
   * Checks that code, severity, subject and message are present.
   *
   * @param code the stable code
   * @param severity error or warning (a warning becomes an error in strict mode)
   * @param subject the part of the profile at fault
   * @param compute the compute concerned, or {@code null} when the problem is about the host or the profile as a whole
   * @param message {@code [DatabricksProfile/<Code>] <what is wrong>. <what is expected>. <the fix>}, with the offending value quoted and its control characters escaped; never a secret
   * @param suggestion the corrected value of the subject the message proposes, or null
   */
  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(message, "message");
  }

  /**
   * A problem that proposes no value.
   *
   * @param code the stable code
   * @param severity error, warning or note
   * @param subject the part of the profile at fault
   * @param compute the compute concerned, or null
   * @param message the whole message, tag first
   */
  public Problem(Code code, Severity severity, Subject subject, String compute, String message) {
    this(code, severity, subject, compute, message, null);
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
   * The same problem proposing {@code value} for its subject.
   *
   * @param value the corrected host, http path or compute name; null for none
   * @return this problem with the suggestion
   */
  public Problem withSuggestion(String value) {
    return new Problem(code, severity, subject, compute, message, value);
  }

  /**
   * The same problem with another message (a profile source adding where the value sits).
   *
   * @param text the whole new message, tag first
   * @return this problem with the message replaced; everything else kept
   */
  public Problem withMessage(String text) {
    return new Problem(code, severity, subject, compute, text, suggestion);
  }

  /**
   * The value the message proposes for the subject.
   *
   * @return the suggestion, or empty
   */
  public java.util.Optional<String> suggestionIfAny() {
    return java.util.Optional.ofNullable(suggestion);
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
    return new Problem(code, severity, subject, computeName, message, suggestion);
  }

  /**
   * The same problem as an error, for strict mode; a note stays a note (it is advice, not a fault).
   *
   * @return this problem with severity error, or this note
   */
  public Problem asError() {
    return severity != Severity.WARNING
        ? this
        : new Problem(code, Severity.ERROR, subject, compute, message, suggestion);
  }

  /**
   * Whether this problem is a note.
   *
   * @return true for {@link Severity#NOTE}
   */
  public boolean isNote() {
    return severity == Severity.NOTE;
  }

  @Override
  public String toString() {
    return severity + (compute == null ? "" : " (compute " + compute + ")") + " " + message;
  }
}
