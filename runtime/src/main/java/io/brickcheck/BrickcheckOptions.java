package io.brickcheck;

import java.time.Duration;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * Run-time options of Brickcheck, immutable; {@link #defaults()} or {@link #builder()}.
 *
 * <p>Pass them to a generated factory's {@code create(BrickcheckOptions)}.
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

  private BrickcheckOptions(Builder b) {
    this.probeMode = b.probeMode;
    this.probeBudget = b.probeBudget;
    this.probeAttemptTimeout = b.probeAttemptTimeout;
    this.probeSuccessTtl = b.probeSuccessTtl;
    this.probeFailureTtl = b.probeFailureTtl;
    this.strict = b.strict;
    this.headerStyle = b.headerStyle;
    this.httpClient = b.httpClient;
  }

  /** ASYNC probe, 2 s budget, org-id header, not strict, Brickcheck's own HTTP client. */
  public static BrickcheckOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

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
    return b;
  }

  public ProbeMode probeMode() {
    return probeMode;
  }

  /** The longest a probe may take in all, retries included. */
  public Duration probeBudget() {
    return probeBudget;
  }

  /** The longest one probe request may take. */
  public Duration probeAttemptTimeout() {
    return probeAttemptTimeout;
  }

  /** How long a successful probe result is reused. */
  public Duration probeSuccessTtl() {
    return probeSuccessTtl;
  }

  /** How long a failed probe is remembered (no new probe, no new warning) before a retry. */
  public Duration probeFailureTtl() {
    return probeFailureTtl;
  }

  /** Warnings become errors ({@link DatabricksProfileException}); implies a blocking probe. */
  public boolean strict() {
    return strict;
  }

  public HeaderStyle headerStyle() {
    return headerStyle;
  }

  /** The caller's client, shared for connection pools and dispatchers, or null for Brickcheck's own. */
  public OkHttpClient httpClient() {
    return httpClient;
  }

  @Override
  public String toString() {
    return "BrickcheckOptions[probeMode=" + probeMode + ", probeBudget=" + probeBudget
        + ", probeAttemptTimeout=" + probeAttemptTimeout + ", probeSuccessTtl=" + probeSuccessTtl
        + ", probeFailureTtl=" + probeFailureTtl + ", strict=" + strict + ", headerStyle=" + headerStyle
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
    private HeaderStyle headerStyle = HeaderStyle.ORG_ID;
    private OkHttpClient httpClient;

    private Builder() {}

    public Builder probeMode(ProbeMode mode) {
      this.probeMode = Objects.requireNonNull(mode, "mode");
      this.probeModeSet = true;
      return this;
    }

    public Builder probeBudget(Duration budget) {
      this.probeBudget = positive(budget, "probeBudget");
      return this;
    }

    public Builder probeAttemptTimeout(Duration timeout) {
      this.probeAttemptTimeout = positive(timeout, "probeAttemptTimeout");
      return this;
    }

    public Builder probeSuccessTtl(Duration ttl) {
      this.probeSuccessTtl = positive(ttl, "probeSuccessTtl");
      return this;
    }

    public Builder probeFailureTtl(Duration ttl) {
      this.probeFailureTtl = positive(ttl, "probeFailureTtl");
      return this;
    }

    /** Warnings become errors. Strict mode needs the probe's answer, so it probes BLOCKING. */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    public Builder headerStyle(HeaderStyle style) {
      this.headerStyle = Objects.requireNonNull(style, "style");
      return this;
    }

    /**
     * A client to share (connection pool, dispatcher, proxy settings). Brickcheck derives its
     * clients from it with {@code newBuilder()}; the probe drops its interceptors, so no
     * credential of yours reaches the unauthenticated discovery endpoint.
     */
    public Builder httpClient(OkHttpClient client) {
      this.httpClient = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
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
      return new BrickcheckOptions(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
