package io.brickcheck.rules;

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
            || c == '\u200b'
            || c == '\ufeff') {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
  }

  /** True for any character that has no place in a host or a path: whitespace, controls, BOM. */
  static boolean isBlankOrControl(char c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || Character.isISOControl(c)
        || c == '\u200b'
        || c == '\ufeff';
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
}
