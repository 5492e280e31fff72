package io.brickcheck.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a profile, as data: what (code, severity, text), about which value
 * (subject, compute) and, for file and URL sources, where it was written. The {@code
 * [DatabricksProfile/<Code>]} tag and the location are added by {@link #message()}, the one
 * renderer every reporter prints (javac, the exception, the CLI, the logs); javac and the CLI's
 * JSON and SARIF reports take the place from the fields, never from the text.
 *
 * @param code the stable code
 * @param severity error or warning (a warning becomes an error in strict mode), or a note
 * @param subject the part of the profile at fault
 * @param computeIndex the compute's position in the profile (the profile report's computes: 0
 *     is {@code default}, then the named computes in declaration order), or {@link #NO_INDEX} when
 *     the problem is about no compute or the source did not say which one
 * @param compute the compute's name, or {@code null} when the problem is about the host or the
 *     profile as a whole; names may repeat (a duplicate is itself a problem), the index does not
 * @param text {@code <what is wrong>. <what is expected>. <the fix>.}, without tag or location,
 *     with the offending value quoted and its control characters escaped; never a secret
 * @param location where the value was written, for a file, variable or URL source; null for an
 *     annotation or a flag, whose place the reporter knows
 * @param suggestion the corrected value of the {@code subject} (the host, the compute's http path,
 *     the compute's name) that the text proposes, or null when it proposes none. The engine offers
 *     only a value that clears this code when checked again (CodeCatalogueTest feeds each one back)
 */
public record Problem(
    Code code,
    Severity severity,
    Subject subject,
    int computeIndex,
    String compute,
    String text,
    Location location,
    String suggestion) {

  /** The {@link #computeIndex()} of a problem that names no compute by position. */
  public static final int NO_INDEX = -1;

  /**
   * Checks that code, severity, subject and text are present and that the text has no tag of its
   * own (the tag is rendered once, by {@link #message()}).
   *
   * @param code the stable code
   * @param severity error, warning or note
   * @param subject the part of the profile at fault
   * @param computeIndex the compute's position in the profile, or {@link #NO_INDEX}
   * @param compute the compute's name, or null
   * @param text the message without tag or location
   * @param location where the value was written, or null
   * @param suggestion the corrected value the text proposes, or null
   */
  public Problem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    if (text.startsWith("[" + Code.FAMILY + "/")) {
      throw new IllegalArgumentException("text carries a tag; message() adds it: " + code);
    }
    if (computeIndex < NO_INDEX) {
      throw new IllegalArgumentException("computeIndex " + computeIndex);
    }
  }

  /**
   * A problem with the code's default severity about no compute by position; a final full stop is
   * added to {@code text} unless it ends with one.
   *
   * @param code the problem's code
   * @param subject which value the problem is about
   * @param compute the compute's name, or null for a problem of the host or profile
   * @param text the message without tag
   * @return the problem
   */
  public static Problem of(Code code, Subject subject, String compute, String text) {
    return of(code, code.defaultSeverity(), subject, compute, text);
  }

  /**
   * {@link #of(Code, Subject, String, String)} with another severity than the code's default.
   *
   * @param code the problem's code
   * @param severity error, warning or note
   * @param subject which value the problem is about
   * @param compute the compute's name, or null
   * @param text the message without tag
   * @return the problem
   */
  public static Problem of(Code code, Severity severity, Subject subject, String compute, String text) {
    String sentence = text.endsWith(".") ? text : text + ".";
    return new Problem(code, severity, subject, NO_INDEX, compute, sentence, null, null);
  }

  /**
   * The message as users read it: {@code [DatabricksProfile/<Code>] <location>: <text>}, the
   * location only for a file, variable or URL source. The only place the tag is written.
   *
   * @return the rendered message
   */
  public String message() {
    return code.tag() + " " + (location == null ? "" : location.prefix()) + text;
  }

  /**
   * The same problem proposing {@code value} for its subject.
   *
   * @param value the corrected host, http path or compute name; null for none
   * @return this problem with the suggestion
   */
  public Problem withSuggestion(String value) {
    return new Problem(code, severity, subject, computeIndex, compute, text, location, value);
  }

  /**
   * The same problem at the place its value was written (a profile source adding where).
   *
   * @param where the place, or null to keep this problem's own
   * @return this problem with the location; everything else kept
   */
  public Problem at(Location where) {
    return where == null ? this : new Problem(code, severity, subject, computeIndex, compute, text, where, suggestion);
  }

  /**
   * The value the message proposes for the subject.
   *
   * @return the suggestion, or empty
   */
  public Optional<String> suggestionIfAny() {
    return Optional.ofNullable(suggestion);
  }

  /**
   * The place the value was written, for file, variable and URL sources.
   *
   * @return the location, or empty
   */
  public Optional<Location> locationIfAny() {
    return Optional.ofNullable(location);
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
   * The same problem, about the compute at {@code index}.
   *
   * @param index the compute's position in the profile (0 is {@code default}), or {@link #NO_INDEX}
   * @param computeName that compute's name, {@code default} included
   * @return this problem about that compute
   */
  public Problem forCompute(int index, String computeName) {
    return new Problem(code, severity, subject, index, computeName, text, location, suggestion);
  }

  /**
   * The same problem as an error, for strict mode; a note stays a note (it is advice, not a fault).
   *
   * @return this problem with severity error, or this note
   */
  public Problem asError() {
    return severity != Severity.WARNING
        ? this
        : new Problem(code, Severity.ERROR, subject, computeIndex, compute, text, location, suggestion);
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
    return severity + (compute == null ? "" : " (compute " + compute + ")") + " " + message();
  }
}
