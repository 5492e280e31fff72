package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import static io.brickcheck.internal.rules.Text.quote;

import java.util.Optional;

/**
 * The one rule on profile names: a Brickcheck profile's {@code name}, and a dbt profile or target
 * name. Such names are echoed in messages, logs, status blocks and the Javadoc of generated
 * factories, so a name may not hold what can hide text or change what follows it: control
 * characters (line breaks, ESC), backslashes (javac reads <code>&#92;u000a</code> as a line break even
 * inside a comment), bidirectional and other invisible format characters ({@code U+202E},
 * {@code U+200D}, {@code U+2066}-{@code U+2069}, {@code Character.getType == FORMAT}), line and
 * paragraph separators, and unpaired surrogates. Everything else, non-ASCII letters included, is
 * allowed. The processor, {@code Profile.build}, {@code Profiles.load} and the {@code check}
 * command line all reach this class through the rule engine or the dbt reader.
 */
public final class ProfileNames {
  private ProfileNames() {}

  /**
   * Index of the first character the rule refuses.
   *
   * @param name a profile or target name, may be null
   * @return the index (of the first unit of a pair), or -1 when the name is acceptable
   */
  public static int firstRefused(String name) {
    if (name == null) {
      return -1;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++; // a pair: a character outside the BMP, judged as letters are (allowed)
        continue;
      }
      if (refused(c)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean refused(char c) {
    int type = Character.getType(c);
    return c == '\\'
        || Character.isISOControl(c)
        || Character.isSurrogate(c) // unpaired: pairs are skipped by the caller
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /**
   * The problem with a name, if any, as an {@link Code#InvalidProfileName} text without the tag:
   * {@code <what> "<name>"<context> holds <the character> at index <i>. ... . Rename it to "<fix>"}.
   * The suggested name passes this rule.
   *
   * @param what what the name is: {@code profile}, {@code target}
   * @param name the name as given
   * @param context words after the quoted name ({@code  of profile "p"}), or ""
   * @return the text, or empty when the name passes
   */
  public static Optional<String> defect(String what, String name, String context) {
    int at = firstRefused(name);
    if (at < 0) {
      return Optional.empty();
    }
    return Optional.of(what + " " + quote(name) + context + " holds " + describe(name.charAt(at)) + " at index "
        + at + ". A name without control, format or backslash characters is expected (it is shown in"
        + " messages, logs and generated code). Rename it to " + quote(suggestion(name)));
  }

  /**
   * An {@link Code#InvalidProfileName} problem about a name that comes from no file (an annotation,
   * a builder, a command-line flag).
   *
   * @param what what the name is ({@code profile})
   * @param name the name as given
   * @return the problem, or empty when the name passes
   */
  public static Optional<Problem> check(String what, String name) {
    Optional<String> text = defect(what, name, "");
    return text.isEmpty()
        ? Optional.empty()
        : Optional.of(Problem.of(Code.InvalidProfileName, Subject.PROFILE, null, text.get()));
  }

  /** {@code a backslash}, {@code the control character U+000A}, {@code the format character U+202E}. */
  private static String describe(char c) {
    String code = String.format("U+%04X", (int) c);
    if (c == '\\') {
      return "a backslash";
    }
    if (Character.isISOControl(c)) {
      return "the control character " + code;
    }
    if (Character.isSurrogate(c)) {
      return "the unpaired surrogate " + code;
    }
    return Character.getType(c) == Character.FORMAT ? "the invisible format character " + code : "the line separator " + code;
  }

  /** The name without the refused characters ({@code prod} when nothing is left). */
  static String suggestion(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
        out.append(c).append(name.charAt(++i));
      } else if (!refused(c)) {
        out.append(c);
      }
    }
    String s = out.toString().strip();
    return s.isEmpty() ? "prod" : s;
  }
}
