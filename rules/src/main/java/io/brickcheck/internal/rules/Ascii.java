package io.brickcheck.internal.rules;

/**
 * ASCII character classes, the ones the rules' scanners share (host labels, ports, http path
 * schemes, compute names). Written out rather than as regular expressions: the rules run on a job's
 * first start, where a compiled pattern and its lambdas cost more than the check (issue 17).
 */
final class Ascii {
  private Ascii() {}

  static boolean isLetter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isLetterOrDigit(char c) {
    return isLetter(c) || isDigit(c);
  }

  /** Whether every character is an ASCII digit (true for ""). */
  static boolean isDigits(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
