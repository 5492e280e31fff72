package io.brickcheck;

import io.brickcheck.internal.probe.DiscoveryProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * What every profile created with one set of {@link BrickcheckOptions} shares: the HTTP client and
 * the discovery probe. Probes are shared per probe settings and client, so that all profiles on one
 * host share one single-flight probe and one cache, however many factories a program creates.
 *
 * <p><b>Lifecycle.</b> Nothing is created when this class loads: Brickcheck's own HTTP client, the
 * default context and every probe are made on first use, and no thread starts until a probe runs
 * (or the caller makes an asynchronous call on Brickcheck's client). {@link #shutdown()} (public as
 * {@link Brickcheck#shutdown()}) closes them all; the next use creates them anew.
 */
final class RuntimeContext {
  private static final int MAX_PROBES = 64;
  private static final Object LOCK = new Object();
  private static final Map<ProbeKey, DiscoveryProbe> PROBES = new ConcurrentHashMap<>();
  /** Every probe made, shared or not, so that shutdown() can close them; weak: unused ones go. */
  private static final Set<DiscoveryProbe> ALL_PROBES = Collections.newSetFromMap(new WeakHashMap<>());

  // Guarded by LOCK; null until first needed and after shutdown().
  private static OkHttpClient sharedClient;
  private static ThreadPoolExecutor sharedDispatcherThreads;
  private static RuntimeContext defaultContext;

  private final BrickcheckOptions options;
  /** The caller's client, or Brickcheck's own once a REST client asks for it; null until then. */
  private volatile OkHttpClient client;
  private final DiscoveryProbe probe;

  /**
   * Makes no HTTP client: building a profile and asking for its JDBC URL must not load OkHttp (and
   * Kotlin's standard library with it). The probe gets Brickcheck's client on its own thread.
   */
  private RuntimeContext(BrickcheckOptions options) {
    this.options = options;
    this.client = options.httpClient();
    this.probe = options.probeMode() == ProbeMode.OFF ? null : probeFor(options);
  }

  static RuntimeContext of(BrickcheckOptions options) {
    if (options != BrickcheckOptions.defaults()) {
      return new RuntimeContext(options);
    }
    synchronized (LOCK) {
      if (defaultContext == null) {
        defaultContext = new RuntimeContext(options);
      }
      return defaultContext;
    }
  }

  BrickcheckOptions options() {
    return options;
  }

  /** The base client: callers' interceptors included, Brickcheck's not yet. */
  OkHttpClient client() {
    OkHttpClient c = client;
    if (c == null) {
      c = sharedClient();
      client = c; // a race makes the same shared client twice over: harmless
    }
    return c;
  }

  /** The probe, or null when the probe mode is OFF. */
  DiscoveryProbe probe() {
    return probe;
  }

  /**
   * Closes every probe (their threads end; callers waiting get a failure result), evicts the
   * connections of Brickcheck's own client and stops its dispatcher threads, then waits at most
   * {@code wait} for Brickcheck's threads to end. A caller's client is left as it is (its pool is
   * the caller's). Profiles made before keep working, without discovery; new ones start afresh.
   *
   * @return whether every Brickcheck thread ended within {@code wait}
   */
  static boolean shutdown(Duration wait) throws InterruptedException {
    List<DiscoveryProbe> probes;
    OkHttpClient client;
    ThreadPoolExecutor dispatcherThreads;
    synchronized (LOCK) {
      probes = new ArrayList<>(ALL_PROBES);
      ALL_PROBES.clear();
      PROBES.clear();
      defaultContext = null;
      client = sharedClient;
      dispatcherThreads = sharedDispatcherThreads;
      sharedClient = null;
      sharedDispatcherThreads = null;
    }
    probes.forEach(DiscoveryProbe::close);
    if (client != null) {
      dispatcherThreads.shutdownNow();
      client.connectionPool().evictAll();
    }
    long deadline = System.nanoTime() + wait.toNanos();
    boolean ended = true;
    for (DiscoveryProbe p : probes) {
      ended &= p.awaitTermination(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
    if (dispatcherThreads != null) {
      ended &= dispatcherThreads.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
    return ended;
  }

  /**
   * Brickcheck's own client, made on first use. Its dispatcher (used only for the caller's {@code
   * enqueue} calls) runs on daemon threads named {@code brickcheck-okhttp-N} without a context
   * class loader, which {@link #shutdown} stops.
   */
  private static OkHttpClient sharedClient() {
    synchronized (LOCK) {
      if (sharedClient == null) {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory factory =
            runnable -> {
              Thread t = new Thread(runnable, "brickcheck-okhttp-" + counter.incrementAndGet());
              t.setDaemon(true);
              t.setContextClassLoader(null);
              return t;
            };
        // OkHttp's own default: no core threads, idle ones end after 60 s.
        sharedDispatcherThreads =
            new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), factory);
        sharedClient = new OkHttpClient.Builder().dispatcher(new Dispatcher(sharedDispatcherThreads)).build();
      }
      return sharedClient;
    }
  }

  private record ProbeKey(
      Duration budget,
      Duration attemptTimeout,
      Duration successTtl,
      Duration failureTtl,
      int maxCachedHosts,
      Object client) {
    // OkHttpClient has identity equality, which is what sharing a client means; Brickcheck's own
    // client, made later, is keyed as null (typed Object so that the key never loads OkHttp).

    // Written out: a record's generated equals/hashCode bootstrap java.lang.runtime.ObjectMethods
    // through invokedynamic on first use, which cost an ASYNC caller 50-140 ms before its first
    // jdbcUrl() in a cold JVM (issue 17).
    @Override
    public boolean equals(Object o) {
      return o == this
          || o instanceof ProbeKey k
              && budget.equals(k.budget)
              && attemptTimeout.equals(k.attemptTimeout)
              && successTtl.equals(k.successTtl)
              && failureTtl.equals(k.failureTtl)
              && maxCachedHosts == k.maxCachedHosts
              && client == k.client;
    }

    @Override
    public int hashCode() {
      int h = budget.hashCode();
      h = 31 * h + attemptTimeout.hashCode();
      h = 31 * h + successTtl.hashCode();
      h = 31 * h + failureTtl.hashCode();
      h = 31 * h + maxCachedHosts;
      return 31 * h + System.identityHashCode(client);
    }
  }

  /**
   * The probe's base client, asked for on its worker thread: the options' client, else
   * Brickcheck's own. A class, not a lambda: bootstrapping a lambda whose type names {@code
   * OkHttpClient} would load it on the caller's thread.
   */
  private static final class ProbeClient implements Supplier<OkHttpClient> {
    private final BrickcheckOptions options;

    ProbeClient(BrickcheckOptions options) {
      this.options = options;
    }

    @Override
    public OkHttpClient get() {
      OkHttpClient given = options.httpClient();
      return given != null ? given : sharedClient();
    }
  }

  private static DiscoveryProbe probeFor(BrickcheckOptions o) {
    Object client = o.httpClient();
    ProbeKey key =
        new ProbeKey(o.probeBudget(), o.probeAttemptTimeout(), o.probeSuccessTtl(), o.probeFailureTtl(),
            o.probeCacheMaxHosts(), client);
    DiscoveryProbe probe = PROBES.get(key);
    if (probe != null) {
      return probe;
    }
    synchronized (LOCK) {
      probe = PROBES.get(key);
      if (probe != null) {
        return probe;
      }
      probe = DiscoveryProbe.builder()
          .httpClientSource(new ProbeClient(o))
          .settings(o.probeSettings())
          .build();
      ALL_PROBES.add(probe);
      // Options built per call with ever-new clients: do not grow the shared map without bound.
      if (PROBES.size() < MAX_PROBES) {
        PROBES.put(key, probe);
      }
      return probe;
    }
  }
}
