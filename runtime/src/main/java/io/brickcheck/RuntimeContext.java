package io.brickcheck;

import io.brickcheck.probe.DiscoveryProbe;
import io.brickcheck.probe.ProbeSettings;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.OkHttpClient;

/**
 * What every profile created with one set of {@link BrickcheckOptions} shares: the HTTP client and
 * the discovery probe. Probes are shared per probe settings and client, so that all profiles on one
 * host share one single-flight probe and one cache, however many factories a program creates.
 */
final class RuntimeContext {
  /** One pooled client for everything Brickcheck does unless the caller gives its own. */
  private static final OkHttpClient SHARED_CLIENT = new OkHttpClient();

  private static final int MAX_PROBES = 64;
  private static final Map<ProbeKey, DiscoveryProbe> PROBES = new ConcurrentHashMap<>();
  private static final RuntimeContext DEFAULT = new RuntimeContext(BrickcheckOptions.defaults());

  private final BrickcheckOptions options;
  private final OkHttpClient client;
  private final DiscoveryProbe probe;

  private RuntimeContext(BrickcheckOptions options) {
    this.options = options;
    this.client = options.httpClient() != null ? options.httpClient() : SHARED_CLIENT;
    this.probe = options.probeMode() == ProbeMode.OFF ? null : probeFor(options, client);
  }

  static RuntimeContext of(BrickcheckOptions options) {
    return options == BrickcheckOptions.defaults() ? DEFAULT : new RuntimeContext(options);
  }

  BrickcheckOptions options() {
    return options;
  }

  /** The base client: callers' interceptors included, Brickcheck's not yet. */
  OkHttpClient client() {
    return client;
  }

  /** The probe, or null when the probe mode is OFF. */
  DiscoveryProbe probe() {
    return probe;
  }

  private record ProbeKey(
      Duration budget, Duration attemptTimeout, Duration successTtl, Duration failureTtl, OkHttpClient client) {
    // OkHttpClient has identity equality, which is what sharing a client means.
  }

  private static DiscoveryProbe probeFor(BrickcheckOptions o, OkHttpClient client) {
    ProbeKey key =
        new ProbeKey(o.probeBudget(), o.probeAttemptTimeout(), o.probeSuccessTtl(), o.probeFailureTtl(), client);
    DiscoveryProbe probe = PROBES.get(key);
    if (probe != null) {
      return probe;
    }
    if (PROBES.size() >= MAX_PROBES) {
      // Options built per call with ever-new clients: do not grow without bound, do not share.
      return newProbe(key);
    }
    return PROBES.computeIfAbsent(key, RuntimeContext::newProbe);
  }

  private static DiscoveryProbe newProbe(ProbeKey key) {
    ProbeSettings settings =
        ProbeSettings.builder()
            .budget(key.budget())
            .attemptTimeout(key.attemptTimeout())
            .successTtl(key.successTtl())
            .failureTtl(key.failureTtl())
            .build();
    return DiscoveryProbe.builder().httpClient(key.client()).settings(settings).build();
  }
}
