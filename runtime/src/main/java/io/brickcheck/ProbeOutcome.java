package io.brickcheck;

import io.brickcheck.internal.probe.HostMetadata;
import io.brickcheck.internal.probe.HostType;
import io.brickcheck.internal.probe.ProbeResult;
import io.brickcheck.rules.HostClassification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the discovery probe learnt about a profile's host ({@code GET
 * /.well-known/databricks-config}): whether the host answered, what it said it is, and how long
 * that took. Part of {@link ProfileStatus}; immutable. Every text in it was escaped and bounded
 * when the answer was read, so it is safe to log and to show.
 */
public final class ProbeOutcome {
  /** How the probe ended. */
  public enum Result {
    /** The host sent its metadata: {@link #hostType()}, {@link #accountId()} and the rest. */
    ANSWERED,
    /** The host said it has no discovery endpoint (HTTP 404, 405 or 501): a definitive answer. */
    NO_DISCOVERY,
    /** No usable answer (network error, timeout, another status, a body that is not the metadata). */
    FAILED
  }

  private final ProbeResult result;

  private ProbeOutcome(ProbeResult result) {
    this.result = Objects.requireNonNull(result, "result");
  }

  /** {@return the probe's result as users see it} */
  static ProbeOutcome of(ProbeResult result) {
    return new ProbeOutcome(result);
  }

  /** {@return how the probe ended} */
  public Result result() {
    if (result.succeeded()) {
      return Result.ANSWERED;
    }
    return result.noDiscovery() ? Result.NO_DISCOVERY : Result.FAILED;
  }

  /** {@return {@code host_type} as the host sent it ({@code unified}, {@code workspace}, {@code account}, ...), or empty} */
  public Optional<String> hostType() {
    return metadata().flatMap(HostMetadata::rawHostType);
  }

  /**
   * What the rules make of {@link #hostType()}: {@code SPOG} for {@code unified}, {@code WORKSPACE}
   * for {@code workspace} and {@code account}.
   *
   * @return the classification, or empty when the host sent no {@code host_type} Brickcheck knows
   */
  public Optional<HostClassification> hostClassification() {
    return metadata().flatMap(HostMetadata::hostType).map(HostType::classification);
  }

  /** {@return {@code cloud} as the host sent it ({@code aws}, {@code azure}, {@code gcp}), or empty} */
  public Optional<String> cloud() {
    return metadata().flatMap(HostMetadata::cloud);
  }

  /** {@return {@code account_id}, which OAuth M2M on a unified host needs, or empty} */
  public Optional<String> accountId() {
    return metadata().flatMap(HostMetadata::accountId);
  }

  /** {@return {@code workspace_id}: canonical digits when numeric, else the opaque id as sent; or empty} */
  public Optional<String> workspaceId() {
    return metadata().flatMap(HostMetadata::workspaceId);
  }

  /** {@return one line per known field the host sent but Brickcheck could not use, saying which and why} */
  public List<String> droppedFields() {
    return metadata().map(HostMetadata::droppedFields).orElse(List.of());
  }

  /** {@return the HTTP status that said "no discovery here" (404, 405 or 501), when {@link Result#NO_DISCOVERY}} */
  public Optional<Integer> noDiscoveryStatus() {
    return result.noDiscoveryStatus();
  }

  /** {@return why the probe failed, in a few words such as {@code HTTP 403}, when {@link Result#FAILED}} */
  public Optional<String> failureReason() {
    return result.failureReason();
  }

  /** {@return when the probe finished, by the probe's clock} */
  public Instant obtainedAt() {
    return result.obtainedAt();
  }

  /** {@return the time from the probe's start to its result, backoff included} */
  public Duration elapsed() {
    return result.elapsed();
  }

  /** {@return the HTTP requests started (0 when none could start)} */
  public int attempts() {
    return result.attempts();
  }

  private Optional<HostMetadata> metadata() {
    return result.metadata();
  }

  @Override
  public String toString() {
    return result.toString();
  }
}
