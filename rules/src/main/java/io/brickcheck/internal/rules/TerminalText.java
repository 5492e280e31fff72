package io.brickcheck.internal.rules;

/**
 * Text printed where a person reads it (the {@code check} report, {@code render()},
 * {@code toString()}, exception messages): one line, and nothing a terminal would obey. Control
 * characters (CR, LF, ESC, C1), bidirectional and other invisible format characters, line and
 * paragraph separators and unpaired surrogates become <code>&#92;uXXXX</code>, so a value can neither forge
 * a line such as "OK: no problems." nor send a terminal escape sequence nor reorder what is shown.
 */
public final class TerminalText {
  private TerminalText() {}

  /**
   * A message or a line already quoted where needed: only the characters above are escaped
   * (backslashes stay as they are, so an escape written by {@link Text#quote} is not doubled).
   *
   * @param text the text, or null (gives {@code null})
   * @return the text on one line, safe to print
   */
  public static String line(String text) {
    return escape(text, false);
  }

  /**
   * A raw value (a name, a path as given): as {@link #line}, and a backslash as <code>&#92;&#92;</code>, so
   * that an escape in the output always means an escaped character.
   *
   * @param value the value, or null (gives {@code null})
   * @return the value on one line, safe to print
   */
  public static String value(String value) {
    return escape(value, true);
  }

  private static String escape(String text, boolean backslashes) {
    if (text == null) {
      return "null";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = null;
      if (c == '\\' && backslashes) {
        replacement = "\\\\";
      } else if (unsafe(text, i)) {
        replacement = String.format("\\u%04x", (int) c);
      }
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        out.append(replacement != null ? replacement : String.valueOf(c));
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean unsafe(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
