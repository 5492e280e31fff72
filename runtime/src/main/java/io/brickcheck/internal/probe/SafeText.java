package io.brickcheck.internal.probe;

import io.brickcheck.internal.rules.Text;
import java.time.Duration;

/** Text that goes into reasons and log lines: one line, escaped, bounded. */
final class SafeText {
  /** A reason longer than this is cut: it is read by people in one log line. */
  static final int MAX_REASON = 300;

  private SafeText() {}

  /** {@code value} with control and invisible characters escaped, cut at {@code max} chars. */
  static String clean(String value, int max) {
    return Text.escape(value, max);
  }

  /** A reason fit for {@link ProbeResult}: cleaned, bounded, without a trailing period. */
  static String reason(String value) {
    String r = clean(value, MAX_REASON).strip();
    while (r.endsWith(".")) {
      r = r.substring(0, r.length() - 1);
    }
    return r.isEmpty() ? "unknown error" : r;
  }

  /** {@code "2 s"}, {@code "750 ms"}, {@code "1 h"}: compact, for messages. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + " h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + " min";
    }
    if (ms % 1000 == 0 && ms > 0) {
      return ms / 1000 + " s";
    }
    return ms + " ms";
  }

  /** {@code "64 KiB"} or {@code "1000 bytes"}. */
  static String bytes(long n) {
    return n % 1024 == 0 && n > 0 ? n / 1024 + " KiB" : n + " bytes";
  }
}
