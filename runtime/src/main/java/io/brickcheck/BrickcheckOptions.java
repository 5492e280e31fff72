package io.brickcheck;

import io.brickcheck.internal.probe.ProbeSettings;
import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Run-time options of Brickcheck, immutable; {@link #defaults()} or {@link #builder()}.
 *
 * <p>Pass them to a generated factory's {@code create(BrickcheckOptions)}. Every value is checked
 * when it is set, and the combination when {@link Builder#build()} runs, so options that build are
 * options every profile accepts: {@code Profile.build} never fails because of them.
 */
public final class BrickcheckOptions {
  private static final BrickcheckOptions DEFAULTS = builder().build();

  private final ProbeMode probeMode;
  private final Duration probeBudget;
  private final Duration probeAttemptTimeout;
  private final Duration probeSuccessTtl;
  private final Duration probeFailureTtl;
  private final boolean strict;
  private final HeaderStyle headerStyle;
  private final OkHttpClient httpClient;
  private final int probeCacheMaxHosts;
  private final ProbeSettings probeSettings;

  private BrickcheckOptions(Builder b, ProbeSettings probeSettings) {
    this.probeMode = b.probeMode;
    this.probeBudget = b.probeBudget;
    this.probeAttemptTimeout = b.probeAttemptTimeout;
    this.probeSuccessTtl = b.probeSuccessTtl;
    this.probeFailureTtl = b.probeFailureTtl;
    this.strict = b.strict;
    this.headerStyle = b.headerStyle;
    this.httpClient = b.httpClient;
    this.probeCacheMaxHosts = b.probeCacheMaxHosts;
    this.probeSettings = probeSettings;
  }

  /**
   * {@return the defaults: an ASYNC probe (2 s budget, 750 ms per request, answers kept 1 h,
   * failures 1 min, 1024 hosts), header style AUTO, not strict, Brickcheck's own HTTP client}
   */
  public static BrickcheckOptions defaults() {
    return DEFAULTS;
  }

  /** {@return a new builder, starting from the defaults} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return a new builder, starting from these options} */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.probeMode = probeMode;
    b.probeModeSet = true;
    b.probeBudget = probeBudget;
    b.probeAttemptTimeout = probeAttemptTimeout;
    b.probeSuccessTtl = probeSuccessTtl;
    b.probeFailureTtl = probeFailureTtl;
    b.strict = strict;
    b.headerStyle = headerStyle;
    b.httpClient = httpClient;
    b.probeCacheMaxHosts = probeCacheMaxHosts;
    return b;
  }

  /**
   * How opening a connection waits for the discovery probe.
   *
   * @return the probe mode; default {@link ProbeMode#ASYNC}
   */
  public ProbeMode probeMode() {
    return probeMode;
  }

  /** {@return the longest a probe may take in all, retries and backoff included; default 2 s} */
  public Duration probeBudget() {
    return probeBudget;
  }

  /** {@return the longest one probe request may take; default 750 ms} */
  public Duration probeAttemptTimeout() {
    return probeAttemptTimeout;
  }

  /** {@return how long a host's answer (or its "no discovery here") is reused; default 1 h} */
  public Duration probeSuccessTtl() {
    return probeSuccessTtl;
  }

  /** {@return how long a failed probe is remembered (no new probe, no new warning); default 1 min} */
  public Duration probeFailureTtl() {
    return probeFailureTtl;
  }

  /**
   * The most hosts whose discovery answers one probe keeps; beyond it the least recently used are
   * dropped (and asked again when next needed).
   *
   * @return the bound; default 1024
   */
  public int probeCacheMaxHosts() {
    return probeCacheMaxHosts;
  }

  /** The probe settings these options stand for, made and checked by {@link Builder#build()}. */
  ProbeSettings probeSettings() {
    return probeSettings;
  }

  /**
   * Warnings become errors ({@link DatabricksProfileException}); implies a blocking probe.
   *
   * @return true when warnings fail the profile
   */
  public boolean strict() {
    return strict;
  }

  /**
   * Which workspace header REST calls carry.
   *
   * @return the header style; default {@link HeaderStyle#AUTO} (REST: {@code X-Databricks-Workspace-Id})
   */
  public HeaderStyle headerStyle() {
    return headerStyle;
  }

  /**
   * The caller's client, shared for connection pools and dispatchers, or null for Brickcheck's own.
   *
   * @return a client for this workspace's REST APIs
   */
  public OkHttpClient httpClient() {
    return httpClient;
  }

  @Override
  public String toString() {
    return "BrickcheckOptions[probeMode=" + probeMode + ", probeBudget=" + probeBudget
        + ", probeAttemptTimeout=" + probeAttemptTimeout + ", probeSuccessTtl=" + probeSuccessTtl
        + ", probeFailureTtl=" + probeFailureTtl + ", probeCacheMaxHosts=" + probeCacheMaxHosts
        + ", strict=" + strict + ", headerStyle=" + headerStyle
        + ", httpClient=" + (httpClient == null ? "own" : "shared") + "]";
  }

  /** Builds {@link BrickcheckOptions}; every setter checks its value at once. */
  public static final class Builder {
    private ProbeMode probeMode = ProbeMode.ASYNC;
    private boolean probeModeSet;
    private Duration probeBudget = Duration.ofSeconds(2);
    private Duration probeAttemptTimeout = Duration.ofMillis(750);
    private Duration probeSuccessTtl = Duration.ofHours(1);
    private Duration probeFailureTtl = Duration.ofMinutes(1);
    private boolean strict;
    private HeaderStyle headerStyle = HeaderStyle.AUTO;
    private OkHttpClient httpClient;
    private int probeCacheMaxHosts = ProbeSettings.DEFAULT_MAX_CACHED_HOSTS;

    private Builder() {}

    /**
     * How opening a connection waits for the discovery probe.
     *
     * @param mode {@code ASYNC} (default), {@code BLOCKING} or {@code OFF}
     * @return this builder
     */
    public Builder probeMode(ProbeMode mode) {
      this.probeMode = Objects.requireNonNull(mode, "mode");
      this.probeModeSet = true;
      return this;
    }

    /**
     * The time the whole probe may take, all attempts included; what a BLOCKING open waits at most.
     *
     * @param budget above 0, at most 5 min; default 2 s
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder probeBudget(Duration budget) {
      this.probeBudget = positive(budget, "probeBudget", ProbeSettings.MAX_BUDGET);
      return this;
    }

    /**
     * The time one discovery attempt may take.
     *
     * @param timeout above 0, at most 5 min; default 750 ms (cut to the budget if above it)
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder probeAttemptTimeout(Duration timeout) {
      this.probeAttemptTimeout = positive(timeout, "probeAttemptTimeout", ProbeSettings.MAX_BUDGET);
      return this;
    }

    /**
     * How long a host's discovery answer is reused.
     *
     * @param ttl above 0, at most 7 days; default 1 h
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder probeSuccessTtl(Duration ttl) {
      this.probeSuccessTtl = positive(ttl, "probeSuccessTtl", ProbeSettings.MAX_SUCCESS_TTL);
      return this;
    }

    /**
     * How long a failed probe is remembered (at most one {@code ProbeFailed} warning per host in that time).
     *
     * @param ttl above 0, at most 1 day; default 1 min
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder probeFailureTtl(Duration ttl) {
      this.probeFailureTtl = positive(ttl, "probeFailureTtl", ProbeSettings.MAX_FAILURE_TTL);
      return this;
    }

    /**
     * The most hosts whose discovery answers are kept (least recently used dropped beyond it), so
     * memory stays bounded in a process that meets many hosts.
     *
     * @param maxHosts 1 to 1 000 000; default 1024
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder probeCacheMaxHosts(int maxHosts) {
      if (maxHosts < 1 || maxHosts > ProbeSettings.MAX_CACHED_HOSTS_LIMIT) {
        throw new IllegalArgumentException("probeCacheMaxHosts must be 1 to "
            + ProbeSettings.MAX_CACHED_HOSTS_LIMIT + ", not " + maxHosts);
      }
      this.probeCacheMaxHosts = maxHosts;
      return this;
    }

    /**
     * Warnings become errors. Strict mode needs the probe's answer, so it probes BLOCKING.
     *
     * @param strict true to make every warning an error
     * @return this builder
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * Which workspace header REST calls carry.
     *
     * @param style {@code AUTO} (default: each channel as its own client names it), {@code ORG_ID},
     *     {@code WORKSPACE_ID} or {@code BOTH}
     * @return this builder
     */
    public Builder headerStyle(HeaderStyle style) {
      this.headerStyle = Objects.requireNonNull(style, "style");
      return this;
    }

    /**
     * A client to share (connection pool, dispatcher, proxy settings). Brickcheck derives its
     * clients from it with {@code newBuilder()}; the probe drops its interceptors, so no
     * credential of yours reaches the unauthenticated discovery endpoint.
     *
     * @param client the client whose pool, dispatcher and proxy to share
     * @return this builder
     */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Checks the combination and builds the options, with the probe settings they stand for, so
     * that nothing about them can fail later in {@code Profile.build}.
     *
     * @return the new {@code BrickcheckOptions}
     * @throws IllegalStateException when strict mode is combined with a probe mode other than
     *     BLOCKING
     */
    public BrickcheckOptions build() {
      if (strict) {
        if (probeModeSet && probeMode != ProbeMode.BLOCKING) {
          throw new IllegalStateException(
              "strict mode needs the probe's answer, so it needs ProbeMode.BLOCKING, not " + probeMode
                  + ". Drop probeMode(" + probeMode + ") or strict(true).");
        }
        probeMode = ProbeMode.BLOCKING;
      }
      if (probeAttemptTimeout.compareTo(probeBudget) > 0) {
        probeAttemptTimeout = probeBudget;
      }
      // The probe's own checks, run now rather than at the first Profile.build.
      ProbeSettings settings =
          ProbeSettings.builder()
              .budget(probeBudget)
              .attemptTimeout(probeAttemptTimeout)
              .successTtl(probeSuccessTtl)
              .failureTtl(probeFailureTtl)
              .maxCachedHosts(probeCacheMaxHosts)
              .build();
      return new BrickcheckOptions(this, settings);
    }

    private static Duration positive(Duration d, String name, Duration max) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
        throw new IllegalArgumentException(
            name + " must be above 0 and at most " + max + ", got " + d + ". Give a duration in that range.");
      }
      return d;
    }
  }
}
