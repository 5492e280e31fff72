package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;

/**
 * Quoting user values inside messages: escaped, bounded, always on one line. Public so that every
 * profile source (the dbt reader, the processor) quotes exactly as the rule engine does.
 */
public final class Text {
  /** Longer values are cut: a message must stay readable, whatever the input. */
  static final int MAX_QUOTED = 160;

  private Text() {}

  /**
   * {@code value} in double quotes, control characters and quotes escaped, cut if very long.
   *
   * @param value the text to quote, may be null
   * @return the value quoted, control characters escaped, cut when long
   */
  public static String quote(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_QUOTED) + 16).append('"');
    int limit = Math.min(value.length(), MAX_QUOTED);
    for (int i = 0; i < limit; i++) {
      appendEscaped(out, value.charAt(i), true);
    }
    out.append('"');
    if (value.length() > limit) {
      out.append(" (cut, ").append(value.length()).append(" characters in all)");
    }
    return out.toString();
  }

  /**
   * {@code value} unquoted, with control and invisible characters escaped, cut at {@code max}
   * characters (marked by {@code ...}): for reasons and log lines that are not quotations.
   *
   * @param value the text, or null (gives the empty string)
   * @param max the most characters of {@code value} to keep
   * @return one escaped line
   */
  public static String escape(String value, int max) {
    if (value == null) {
      return "";
    }
    int limit = Math.min(value.length(), max);
    StringBuilder out = new StringBuilder(limit + 16);
    for (int i = 0; i < limit; i++) {
      appendEscaped(out, value.charAt(i), false);
    }
    return value.length() > limit ? out.append("...").toString() : out.toString();
  }

  private static void appendEscaped(StringBuilder out, char c, boolean inQuotes) {
    switch (c) {
      case '"' -> out.append(inQuotes ? "\\\"" : "\"");
      case '\\' -> out.append(inQuotes ? "\\\\" : "\\");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (Character.isISOControl(c)
            || Character.isWhitespace(c) && c != ' '
            || Character.isSpaceChar(c) && c != ' '
            || Character.isSurrogate(c)
            || Character.getType(c) == Character.FORMAT) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
  }

  /** True for whitespace and controls, which have no place in a host or a path. */
  static boolean isBlankOrControl(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c);
  }

  /**
   * Index of the first character that hides or reorders text: a format character ({@code
   * Character.FORMAT}: the bidirectional controls U+202A-202E and U+2066-2069, the zero-width
   * U+200B-200F, U+2060, the BOM U+FEFF and the rest of the category), or a surrogate without its
   * pair. Such a value reads as one thing and is another (Trojan Source, CVE-2021-42574).
   *
   * @param s the text
   * @return the index, or -1
   */
  static int firstHidden(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        if (Character.getType(s.codePointAt(i)) == Character.FORMAT) {
          return i;
        }
        i++;
      } else if (Character.isSurrogate(c) || Character.getType(c) == Character.FORMAT) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The problem for a hidden character at {@code index} of {@code value}.
   *
   * @param subject which setting
   * @param compute the compute, or null
   * @param what how the value is named in the message, e.g. {@code host}
   * @param value the value
   * @param index the index {@link #firstHidden} found
   * @return a {@link Code#HiddenCharacter} problem, value escaped, with the value less its hidden characters as the suggestion
   */
  static Problem hidden(Subject subject, String compute, String what, String value, int index) {
    char c = value.charAt(index);
    String kind = Character.isSurrogate(c) ? "an unpaired surrogate" : "an invisible or bidirectional format character";
    StringBuilder clean = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char d = value.charAt(i);
      if (Character.isHighSurrogate(d) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))
          && Character.getType(value.codePointAt(i)) != Character.FORMAT) {
        clean.append(d).append(value.charAt(++i));
      } else if (!Character.isSurrogate(d) && Character.getType(d) != Character.FORMAT) {
        clean.append(d);
      }
    }
    boolean fixable = !clean.toString().isBlank();
    return Problem.of(Code.HiddenCharacter, subject, compute,
            what + " " + quote(value) + " contains " + kind + " (" + String.format("\\u%04x", (int) c)
                + ") at index " + index + ", which makes the value read differently from what it is."
                + " Visible characters only are expected. "
                + (fixable ? "Retype it as " + quote(clean.toString()) : "Retype the value"))
        .withSuggestion(fixable ? clean.toString() : null);
  }

  /** Index of the first whitespace or control character, or -1. */
  static int firstBlankOrControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (isBlankOrControl(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A host as given, with any user information (what comes before the last {@code @} of the
   * authority, which may hold a token) replaced by {@code ***}: the host is quoted in messages and
   * {@code toString()}, a secret never is.
   */
  static String redactUserInfo(String input) {
    int schemeEnd = input.indexOf("://");
    int start = schemeEnd >= 0 ? schemeEnd + 3 : 0;
    int end = start;
    while (end < input.length() && "/?#".indexOf(input.charAt(end)) < 0) {
      end++;
    }
    int at = input.lastIndexOf('@', end - 1);
    if (at < start) {
      return input;
    }
    return input.substring(0, start) + "***" + input.substring(at);
  }
}
