package io.brickcheck;

/** Dotted version comparison for the driver and SDK checks ({@code 3.3.1}, {@code 0.141.0}). */
final class Versions {
  private Versions() {}

  /** True when {@code version} is at least {@code minimum}; non-numeric parts end the comparison. */
  static boolean atLeast(String version, int[] minimum) {
    String[] parts = version.split("[.-]");
    for (int i = 0; i < minimum.length; i++) {
      int part = i < parts.length ? leadingNumber(parts[i]) : 0;
      if (part != minimum[i]) {
        return part > minimum[i];
      }
    }
    return true;
  }

  private static int leadingNumber(String s) {
    int n = 0;
    for (int i = 0; i < s.length() && Character.isDigit(s.charAt(i)) && n < 100_000; i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    return n;
  }
}
