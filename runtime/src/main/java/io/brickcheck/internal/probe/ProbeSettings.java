package io.brickcheck.internal.probe;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard and how often the probe tries. Immutable; build with {@link #builder()}.
 *
 * <p>Defaults: budget 2 s, 750 ms per attempt, 3 attempts, 100 ms backoff base, success cached
 * 1 h, failure cached 60 s, body capped at 64 KiB, at most 1024 hosts cached.
 */
public final class ProbeSettings {
  /** The longest budget, attempt timeout and backoff base. */
  public static final Duration MAX_BUDGET = Duration.ofMinutes(5);

  /** The longest success TTL. */
  public static final Duration MAX_SUCCESS_TTL = Duration.ofDays(7);

  /** The longest failure TTL. */
  public static final Duration MAX_FAILURE_TTL = Duration.ofDays(1);

  /** The default {@link #maxCachedHosts()}. */
  public static final int DEFAULT_MAX_CACHED_HOSTS = 1024;

  /** The largest {@link #maxCachedHosts()}. */
  public static final int MAX_CACHED_HOSTS_LIMIT = 1_000_000;

  private static final ProbeSettings DEFAULTS = builder().build();

  private final Duration budget;
  private final Duration attemptTimeout;
  private final int maxAttempts;
  private final Duration backoffBase;
  private final Duration successTtl;
  private final Duration failureTtl;
  private final int maxBodyBytes;
  private final int maxCachedHosts;

  private ProbeSettings(Builder b) {
    this.budget = b.budget;
    this.attemptTimeout = b.attemptTimeout;
    this.maxAttempts = b.maxAttempts;
    this.backoffBase = b.backoffBase;
    this.successTtl = b.successTtl;
    this.failureTtl = b.failureTtl;
    this.maxBodyBytes = b.maxBodyBytes;
    this.maxCachedHosts = b.maxCachedHosts;
  }

  /**
   * The defaults: 2 s budget, 3 attempts, 1 h success TTL, 1 min failure TTL, 64 KiB body.
   *
   * @return the default settings
   */
  public static ProbeSettings defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder starting from these settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder()
        .budget(budget)
        .attemptTimeout(attemptTimeout)
        .maxAttempts(maxAttempts)
        .backoffBase(backoffBase)
        .successTtl(successTtl)
        .failureTtl(failureTtl)
        .maxBodyBytes(maxBodyBytes)
        .maxCachedHosts(maxCachedHosts);
  }

  /**
   * The most one probe may take, retries and backoff included.
   *
   * @return the most one probe may take, retries and backoff included
   */
  public Duration budget() {
    return budget;
  }

  /**
   * Connect, read, write and whole-call timeout of one attempt (cut to what the budget has left).
   *
   * @return connect, read, write and whole-call timeout of one attempt
   */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /**
   * The most attempts one probe makes.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Backoff before attempt n+1 is {@code base * 2^(n-1)}, jittered to between half and all of it.
   *
   * @return backoff before attempt n+1 is {@code base * 2^(n-1)}, jittered to between half and all of it
   */
  public Duration backoffBase() {
    return backoffBase;
  }

  /**
   * How long an answer is reused.
   *
   * @return the success TTL
   */
  public Duration successTtl() {
    return successTtl;
  }

  /**
   * How long a failure is cached (negative cache), and the period of its one warning.
   *
   * @return how long a failure is cached (negative cache), and the period of its one warning
   */
  public Duration failureTtl() {
    return failureTtl;
  }

  /**
   * The largest discovery body read.
   *
   * @return the cap in bytes
   */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * The most hosts whose answers are kept: beyond it the least recently used answers are dropped
   * (a dropped host is simply probed again when next needed), so memory stays bounded however
   * many hosts a process meets, as well as by the TTLs.
   *
   * @return the bound, at least 1
   */
  public int maxCachedHosts() {
    return maxCachedHosts;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProbeSettings s
        && budget.equals(s.budget)
        && attemptTimeout.equals(s.attemptTimeout)
        && maxAttempts == s.maxAttempts
        && backoffBase.equals(s.backoffBase)
        && successTtl.equals(s.successTtl)
        && failureTtl.equals(s.failureTtl)
        && maxBodyBytes == s.maxBodyBytes
        && maxCachedHosts == s.maxCachedHosts;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        budget, attemptTimeout, maxAttempts, backoffBase, successTtl, failureTtl, maxBodyBytes,
        maxCachedHosts);
  }

  @Override
  public String toString() {
    return "ProbeSettings[budget=" + budget + ", attemptTimeout=" + attemptTimeout
        + ", maxAttempts=" + maxAttempts + ", backoffBase=" + backoffBase + ", successTtl="
        + successTtl + ", failureTtl=" + failureTtl + ", maxBodyBytes=" + maxBodyBytes
        + ", maxCachedHosts=" + maxCachedHosts + "]";
  }

  /** Builder; every setter checks its value and throws {@link IllegalArgumentException}. */
  public static final class Builder {
    private Duration budget = Duration.ofSeconds(2);
    private Duration attemptTimeout = Duration.ofMillis(750);
    private int maxAttempts = 3;
    private Duration backoffBase = Duration.ofMillis(100);
    private Duration successTtl = Duration.ofHours(1);
    private Duration failureTtl = Duration.ofSeconds(60);
    private int maxBodyBytes = 64 * 1024;
    private int maxCachedHosts = DEFAULT_MAX_CACHED_HOSTS;

    private Builder() {}

    /**
     * The time the whole probe may take.
     *
     * @param value positive
     * @return this builder
     */
    public Builder budget(Duration value) {
      budget = positive("budget", value, MAX_BUDGET);
      return this;
    }

    /**
     * The time one attempt may take.
     *
     * @param value positive
     * @return this builder
     */
    public Builder attemptTimeout(Duration value) {
      attemptTimeout = positive("attemptTimeout", value, MAX_BUDGET);
      return this;
    }

    /**
     * 1 to 10.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder maxAttempts(int value) {
      if (value < 1 || value > 10) {
        throw new IllegalArgumentException("maxAttempts must be 1 to 10, not " + value);
      }
      maxAttempts = value;
      return this;
    }

    /**
     * Zero (no pause) or positive.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder backoffBase(Duration value) {
      Objects.requireNonNull(value, "backoffBase");
      if (value.isNegative() || value.compareTo(MAX_BUDGET) > 0) {
        throw new IllegalArgumentException("backoffBase must be 0 to 5 min, not " + value);
      }
      backoffBase = value;
      return this;
    }

    /**
     * How long an answer is reused.
     *
     * @param value positive
     * @return this builder
     */
    public Builder successTtl(Duration value) {
      successTtl = positive("successTtl", value, MAX_SUCCESS_TTL);
      return this;
    }

    /**
     * How long a failure is remembered.
     *
     * @param value positive
     * @return this builder
     */
    public Builder failureTtl(Duration value) {
      failureTtl = positive("failureTtl", value, MAX_FAILURE_TTL);
      return this;
    }

    /**
     * 1 byte to 16 MiB.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder maxBodyBytes(int value) {
      if (value < 1 || value > 16 * 1024 * 1024) {
        throw new IllegalArgumentException("maxBodyBytes must be 1 to 16 MiB, not " + value);
      }
      maxBodyBytes = value;
      return this;
    }

    /**
     * 1 to 1 000 000; default 1024.
     *
     * @param value the most hosts whose answers are kept
     * @return this builder
     */
    public Builder maxCachedHosts(int value) {
      if (value < 1 || value > MAX_CACHED_HOSTS_LIMIT) {
        throw new IllegalArgumentException(
            "maxCachedHosts must be 1 to " + MAX_CACHED_HOSTS_LIMIT + ", not " + value);
      }
      maxCachedHosts = value;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return new settings
     */
    public ProbeSettings build() {
      return new ProbeSettings(this);
    }

    private static Duration positive(String name, Duration value, Duration max) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero() || value.compareTo(max) > 0) {
        throw new IllegalArgumentException(name + " must be above 0 and at most " + max + ", not " + value);
      }
      return value;
    }
  }
}
