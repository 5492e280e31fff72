package io.brickcheck.internal.rules;

/** The one definition of a valid workspace id and of its canonical form. */
final class WorkspaceIds {
  /** Workspace ids are positive 64-bit integers: at most 19 digits. */
  static final int MAX_DIGITS = 19;

  private static final String MAX_VALUE = Long.toString(Long.MAX_VALUE);

  private WorkspaceIds() {}

  /** 1 to 19 ASCII digits, at most {@link Long#MAX_VALUE} (leading zeros allowed). */
  static boolean isValid(String value) {
    if (value.isEmpty() || value.length() > MAX_DIGITS) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    String canonical = canonical(value);
    return canonical.length() < MAX_VALUE.length()
        || canonical.length() == MAX_VALUE.length() && canonical.compareTo(MAX_VALUE) <= 0;
  }

  /** Digits without leading zeros; {@code "0"} stays {@code "0"}. Call on valid ids only. */
  static String canonical(String digits) {
    int i = 0;
    while (i < digits.length() - 1 && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }
}
