package io.brickcheck.internal.probe;

import io.brickcheck.rules.Host;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of probing one host: the {@link HostMetadata} it sent; or the host's definitive
 * answer that it has no discovery endpoint ({@link #noDiscovery()}: HTTP 404, 405 or 501, cached
 * like a success and never warned about); or a short reason it could not be had. Immutable. The reason is one line, escaped and bounded, and never holds a request
 * header or a response body, so it is safe to log and to show in a status block.
 */
public final class ProbeResult {
  private final Host host;
  private final HostMetadata metadata;
  private final String failureReason;
  private final Instant obtainedAt;
  private final int attempts;
  private final Duration elapsed;
  /** The HTTP status that said "no discovery here", or 0. */
  private final int noDiscoveryStatus;

  private ProbeResult(
      Host host,
      HostMetadata metadata,
      int noDiscoveryStatus,
      String failureReason,
      Instant obtainedAt,
      int attempts,
      Duration elapsed) {
    this.host = Objects.requireNonNull(host, "host");
    this.metadata = metadata;
    this.noDiscoveryStatus = noDiscoveryStatus;
    this.failureReason = failureReason;
    this.obtainedAt = Objects.requireNonNull(obtainedAt, "obtainedAt");
    this.attempts = attempts;
    this.elapsed = Objects.requireNonNull(elapsed, "elapsed");
  }

  static ProbeResult success(
      Host host, HostMetadata metadata, Instant at, int attempts, Duration elapsed) {
    return new ProbeResult(host, Objects.requireNonNull(metadata), 0, null, at, attempts, elapsed);
  }

  static ProbeResult noDiscovery(Host host, int status, Instant at, int attempts, Duration elapsed) {
    return new ProbeResult(host, null, status, null, at, attempts, elapsed);
  }

  static ProbeResult failure(Host host, String reason, Instant at, int attempts, Duration elapsed) {
    return new ProbeResult(host, null, 0, SafeText.reason(reason), at, attempts, elapsed);
  }

  /**
   * The host probed.
   *
   * @return the host probed
   */
  public Host host() {
    return host;
  }

  /**
   * Whether the host answered with usable metadata.
   *
   * @return true on success
   */
  public boolean succeeded() {
    return metadata != null;
  }

  /**
   * Whether the host said it has no discovery endpoint (HTTP 404, 405 or 501): a definitive
   * answer, not a failure. Brickcheck then goes on with the host name and the declaration.
   *
   * @return true when the host has no discovery endpoint
   */
  public boolean noDiscovery() {
    return noDiscoveryStatus != 0;
  }

  /**
   * The HTTP status that said "no discovery here" (404, 405 or 501), when {@link #noDiscovery()}.
   *
   * @return the status, or empty
   */
  public Optional<Integer> noDiscoveryStatus() {
    return noDiscovery() ? Optional.of(noDiscoveryStatus) : Optional.empty();
  }

  /**
   * Whether the host gave a definitive answer: metadata, or "no discovery here". Definitive
   * answers are cached for the success TTL; only the others are failures.
   *
   * @return {@link #succeeded()} or {@link #noDiscovery()}
   */
  public boolean answered() {
    return metadata != null || noDiscovery();
  }

  /**
   * Present exactly when {@link #succeeded()}.
   *
   * @return present exactly when {@link #succeeded()}
   */
  public Optional<HostMetadata> metadata() {
    return Optional.ofNullable(metadata);
  }

  /**
   * Present exactly when the probe failed (neither metadata nor "no discovery"): why, in a few
   * words, such as {@code HTTP 403}.
   *
   * @return present exactly when the probe failed
   */
  public Optional<String> failureReason() {
    return Optional.ofNullable(failureReason);
  }

  /**
   * When the probe finished (by the probe's clock).
   *
   * @return when the probe finished (by the probe's clock)
   */
  public Instant obtainedAt() {
    return obtainedAt;
  }

  /**
   * HTTP requests started for this result (0 when none could start).
   *
   * @return HTTP requests started for this result (0 when none could start)
   */
  public int attempts() {
    return attempts;
  }

  /**
   * From the start of the probe to its result, backoff included.
   *
   * @return from the start of the probe to its result, backoff included
   */
  public Duration elapsed() {
    return elapsed;
  }

  @Override
  public String toString() {
    String outcome =
        metadata != null
            ? metadata.toString()
            : noDiscovery() ? "no discovery (HTTP " + noDiscoveryStatus + ")" : "failed: " + failureReason;
    return "ProbeResult[" + host + ", " + outcome + ", at " + obtainedAt + ", " + attempts
        + " attempt(s), " + elapsed.toMillis() + " ms]";
  }
}
