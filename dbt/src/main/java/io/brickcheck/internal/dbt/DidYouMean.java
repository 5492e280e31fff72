package io.brickcheck.internal.dbt;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The nearest name by edit distance, for "Did you mean ...?" hints. */
final class DidYouMean {
  /** Longer names are not compared: the distance is quadratic and such names are not typos. */
  static final int MAX_LENGTH = 100;

  private DidYouMean() {}

  /**
   * The candidate closest to {@code wanted}, if it is close: equal ignoring case, or at most a third
   * of the longer name's length away (at least 1, at most 3 edits). Ties go to the first candidate,
   * so the answer follows file order and is deterministic.
   */
  static Optional<String> closest(String wanted, List<String> candidates) {
    if (wanted == null || wanted.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (candidate.length() > MAX_LENGTH || candidate.equals(wanted)) {
        continue;
      }
      int d = candidate.equalsIgnoreCase(wanted)
          ? 0
          : distance(wanted.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      int allowed = Math.max(1, Math.min(3, Math.max(wanted.length(), candidate.length()) / 3));
      if (d <= allowed && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("prdo"/"prod"). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
