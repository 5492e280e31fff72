package io.brickcheck.internal.probe;

import io.brickcheck.rules.Host;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * One probe of one host: up to {@code maxAttempts} requests inside the budget. Runs on a probe
 * worker thread; {@link #expire} (the budget watchdog, or close) may end it from another thread.
 * Whichever finishes first hands the one result to the finisher; the other is ignored.
 *
 * <p>The budget runs from the probe's start (a probe queued behind busy workers spends it
 * waiting) but stands still while the worker makes the HTTP client and the request: in a cold JVM
 * that loads OkHttp and Kotlin's standard library, 100 ms or more on a busy machine, which is the
 * JVM's cost, not the host's, and made the first ASYNC probe fail with {@code ProbeFailed}.
 */
final class ProbeRun implements Runnable {
  private final Host host;
  private final String url;
  /** Resolved on the probe thread, so that an ASYNC caller's thread never loads OkHttp. */
  private final Supplier<OkHttpClient> client;
  private final ProbeSettings settings;
  private final Clock clock;
  private final long startNanos;
  /** Moved later by the time spent making the client; read by the watchdog's thread. */
  private volatile long deadlineNanos;
  /** While true, the budget stands still at what was left at {@link #preparingSince}. */
  private volatile boolean preparing;
  private volatile long preparingSince;
  private final Consumer<ProbeResult> finisher;
  private final AtomicBoolean finished = new AtomicBoolean();

  private volatile Call current;
  private volatile int attempts;
  private volatile String lastReason;
  private volatile Runnable onFinish = () -> {};

  ProbeRun(
      Host host,
      String url,
      Supplier<OkHttpClient> client,
      ProbeSettings settings,
      Clock clock,
      Consumer<ProbeResult> finisher) {
    this.host = host;
    this.url = url;
    this.client = client;
    this.settings = settings;
    this.clock = clock;
    this.finisher = finisher;
    this.startNanos = System.nanoTime();
    this.deadlineNanos = startNanos + settings.budget().toNanos();
  }

  /**
   * Nanoseconds of budget left; while the client is being made, what was left when that began
   * (the watchdog looks again after that long).
   */
  long remainingNanos() {
    if (preparing) {
      return deadlineNanos - preparingSince;
    }
    return deadlineNanos - System.nanoTime();
  }

  boolean finished() {
    return finished.get();
  }

  /** Runs once the result is handed over, such as cancelling the watchdog. */
  void onFinish(Runnable action) {
    onFinish = action;
    if (finished.get()) {
      action.run();
    }
  }

  @Override
  public void run() {
    ProbeResult result;
    try {
      result = attemptLoop();
    } catch (Exception e) {
      // OkHttp (Kotlin) can throw InterruptedException undeclared when close() interrupts a
      // connect; anything else is a bug. Either way callers get a result, and no stack trace
      // escapes to the thread's uncaught-exception handler.
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        result = failure("interrupted");
      } else {
        result = failure("internal error (" + e.getClass().getSimpleName() + ")");
      }
    }
    finish(result);
  }

  /** Ends the probe now, whatever it is doing, and cancels the request in flight. */
  void expire(String why) {
    String last = lastReason;
    if (finish(failure(last == null ? why : why + "; last attempt: " + last))) {
      Call call = current;
      if (call != null) {
        call.cancel();
      }
    }
  }

  void expireOnBudget() {
    expire("no usable answer within the " + SafeText.duration(settings.budget()) + " budget");
  }

  boolean finish(ProbeResult result) {
    if (!finished.compareAndSet(false, true)) {
      return false;
    }
    try {
      finisher.accept(result);
    } finally {
      onFinish.run();
    }
    return true;
  }

  private ProbeResult attemptLoop() {
    // Built here, on the probe thread, so an ASYNC caller does not pay for URL parsing; off the
    // budget, which times the host, not class loading (see the class comment).
    long since = System.nanoTime();
    preparingSince = since;
    preparing = true;
    Request request;
    OkHttpClient client;
    try {
      request =
          new Request.Builder()
              .url(url)
              .header("Accept", "application/json")
              .header("User-Agent", "brickcheck-probe")
              .build();
      client = this.client.get();
    } finally {
      deadlineNanos += System.nanoTime() - since;
      preparing = false;
    }
    long attemptNanos = settings.attemptTimeout().toNanos();
    for (int n = 1; n <= settings.maxAttempts(); n++) {
      long remaining = remainingNanos();
      if (remaining <= 0 || finished.get()) {
        return budgetSpent();
      }
      long timeout = Math.min(attemptNanos, remaining);
      Call call = client.newCall(request);
      call.timeout().timeout(timeout, TimeUnit.NANOSECONDS);
      current = call;
      if (finished.get()) {
        call.cancel(); // expire() ran between the check above and publishing the call
        return budgetSpent();
      }
      attempts = n;
      Outcome o = attempt(call, timeout);
      current = null;
      if (o.metadata != null) {
        return ProbeResult.success(host, o.metadata, clock.instant(), n, elapsed());
      }
      if (o.noDiscoveryStatus != 0) {
        return ProbeResult.noDiscovery(host, o.noDiscoveryStatus, clock.instant(), n, elapsed());
      }
      lastReason = o.reason;
      if (!o.retryable) {
        return failure(o.reason);
      }
      if (remainingNanos() <= 0) {
        return budgetSpent();
      }
      if (n == settings.maxAttempts()) {
        return failure(o.reason + " (" + n + " attempts)");
      }
      long delay = backoffNanos(n);
      if (o.retryAfterNanos >= 0) {
        if (o.retryAfterNanos > remainingNanos()) {
          return failure(o.reason + " with Retry-After " + (o.retryAfterNanos / 1_000_000_000L)
              + " s, beyond the " + SafeText.duration(settings.budget()) + " budget");
        }
        delay = Math.max(delay, o.retryAfterNanos);
      }
      if (delay >= remainingNanos()) {
        return failure(o.reason + " (no budget left for another attempt)");
      }
      try {
        TimeUnit.NANOSECONDS.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // close() interrupts workers: stop quietly
        return failure(o.reason + " (interrupted)");
      }
    }
    return failure(String.valueOf(lastReason)); // not reached: the loop returns on its last attempt
  }

  /**
   * One request. 404, 405 and 501 mean the host has no discovery endpoint: a definitive answer.
   * Only I/O errors, other 5xx and 429 are worth another attempt.
   */
  private Outcome attempt(Call call, long timeoutNanos) {
    try (Response response = call.execute()) {
      int code = response.code();
      if (code >= 200 && code < 300) {
        return read(call, response.body());
      }
      if (code == 404 || code == 405 || code == 501) {
        call.cancel(); // the body is not needed: do not let OkHttp drain a large one
        return Outcome.noDiscovery(code);
      }
      if (code >= 300 && code < 400) {
        return Outcome.fail("HTTP " + code + " redirect, and redirects are not followed");
      }
      if (code == 429 || code >= 500) {
        return Outcome.retry("HTTP " + code, retryAfterNanos(response.header("Retry-After")));
      }
      return Outcome.fail("HTTP " + code);
    } catch (IOException e) {
      return Outcome.retry(describe(e, timeoutNanos), -1);
    }
  }

  private Outcome read(Call call, ResponseBody body) throws IOException {
    int cap = settings.maxBodyBytes();
    String tooLarge = "body larger than " + SafeText.bytes(cap);
    if (body.contentLength() > cap) {
      // Announced: do not read a byte of it. Cancel before the response closes: closing a body
      // with bytes left makes OkHttp drain it (for up to 100 ms) to reuse the connection, which
      // let a hostile host push tens of MB per attempt over a fast link.
      call.cancel();
      return Outcome.fail(tooLarge);
    }
    BufferedSource source = body.source();
    // request() reads until it holds cap+1 bytes or the body ends: never much more than the cap.
    if (source.request(cap + 1L)) {
      call.cancel(); // same: no draining of the rest
      return Outcome.fail(tooLarge);
    }
    byte[] bytes = source.getBuffer().readByteArray();
    try {
      return Outcome.ok(MetadataParser.parse(bytes));
    } catch (MetadataParser.BadMetadata e) {
      return Outcome.fail(e.getMessage());
    }
  }

  private long backoffNanos(int attempt) {
    long full = settings.backoffBase().toNanos() << Math.min(attempt - 1, 20);
    // Half fixed, half random: spreads out many clients without ever collapsing to zero.
    return full / 2 + (full > 1 ? ThreadLocalRandom.current().nextLong(full / 2 + 1) : 0);
  }

  /** Seconds or an HTTP date; -1 when absent or unreadable (then plain backoff applies). */
  private long retryAfterNanos(String value) {
    if (value == null || value.isBlank()) {
      return -1;
    }
    String v = value.trim();
    try {
      if (v.chars().allMatch(Character::isDigit)) {
        return v.length() > 9 ? Long.MAX_VALUE : TimeUnit.SECONDS.toNanos(Long.parseLong(v));
      }
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      return Math.max(0, Duration.between(clock.instant(), at.toInstant()).toNanos());
    } catch (DateTimeParseException | ArithmeticException e) {
      return -1;
    }
  }

  private String describe(IOException e, long timeoutNanos) {
    String message = SafeText.clean(e.getMessage(), 120);
    if (e instanceof InterruptedIOException) {
      return "no answer within " + SafeText.duration(Duration.ofNanos(timeoutNanos));
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof ConnectException) {
      return "could not connect (" + message + ")";
    }
    if (e instanceof SSLException) {
      return "TLS failure (" + message + ")";
    }
    return "I/O error (" + e.getClass().getSimpleName() + ": " + message + ")";
  }

  private ProbeResult budgetSpent() {
    String last = lastReason;
    String why = "no usable answer within the " + SafeText.duration(settings.budget()) + " budget";
    return failure(last == null ? why : why + "; last attempt: " + last);
  }

  private ProbeResult failure(String reason) {
    return ProbeResult.failure(host, reason, clock.instant(), attempts, elapsed());
  }

  private Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** What one attempt gave: metadata, or a reason and whether to try again. */
  private static final class Outcome {
    final HostMetadata metadata;
    final String reason;
    final boolean retryable;
    final long retryAfterNanos;
    final int noDiscoveryStatus;

    private Outcome(HostMetadata metadata, String reason, boolean retryable, long retryAfterNanos) {
      this(metadata, reason, retryable, retryAfterNanos, 0);
    }

    private Outcome(
        HostMetadata metadata, String reason, boolean retryable, long retryAfterNanos, int noDiscoveryStatus) {
      this.noDiscoveryStatus = noDiscoveryStatus;
      this.metadata = metadata;
      this.reason = reason;
      this.retryable = retryable;
      this.retryAfterNanos = retryAfterNanos;
    }

    static Outcome ok(HostMetadata m) {
      return new Outcome(m, null, false, -1);
    }

    static Outcome noDiscovery(int status) {
      return new Outcome(null, null, false, -1, status);
    }

    static Outcome fail(String reason) {
      return new Outcome(null, reason, false, -1);
    }

    static Outcome retry(String reason, long retryAfterNanos) {
      return new Outcome(null, reason, true, retryAfterNanos);
    }
  }
}
