package io.brickcheck.internal.probe;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Host;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import okhttp3.Authenticator;
import okhttp3.CookieJar;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks hosts what they are, through {@code GET <baseUrl>/.well-known/databricks-config}, with a
 * per-host cache and one request sequence per host at a time. Thread-safe; keep one instance for
 * the process (the cache lives in it). Brickcheck-internal (see the package documentation).
 *
 * <pre>{@code
 * DiscoveryProbe probe = DiscoveryProbe.builder().httpClient(shared).build();
 * probe.probe(host).thenAccept(r -> ...);      // ASYNC: returns at once
 * ProbeResult r = probe.probeAndWait(host);     // BLOCKING: at most the budget plus 250 ms
 * }</pre>
 *
 * <p>Nothing here throws to the caller or completes a future exceptionally (a {@code null} host
 * aside): every failure is a {@link ProbeResult} with a reason, cached for {@link
 * ProbeSettings#failureTtl()} and reported once per host per that period as a {@code
 * [DatabricksProfile/ProbeFailed]} warning.
 */
public final class DiscoveryProbe implements AutoCloseable {
  /** The path every Databricks client reads host metadata from. */
  public static final String WELL_KNOWN_PATH = "/.well-known/databricks-config";

  /** How much longer than the budget {@link #probeAndWait} may wait for the probe's own result. */
  public static final Duration WAIT_SLACK = Duration.ofMillis(250);

  /** A hit moves a host's "last used" stamp only if it is older than this: no write per call. */
  private static final long TOUCH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  /**
   * Where the client comes from: a caller's (given or supplied) or, when null, a new one. Asked on
   * the first probe's worker thread, so that building a probe, and an ASYNC caller's thread,
   * never load OkHttp (nor Kotlin's standard library, which it needs).
   */
  private final Supplier<OkHttpClient> baseClient;
  private final boolean ownsClient;
  private final IsolatedClient client = new IsolatedClient();
  private final ProbeSettings settings;
  private final Clock clock;
  private final LongSupplier ticker;
  private final Consumer<String> warnings;
  // Created here but threadless until the first probe starts (core threads start on demand).
  private final ThreadPoolExecutor workers = ProbeThreads.workers();
  private final ScheduledThreadPoolExecutor timer = ProbeThreads.timer();
  private final ConcurrentHashMap<Host, Slot> slots = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Host, Long> warnedUntil = new ConcurrentHashMap<>();
  private final Object evictionLock = new Object();
  private volatile boolean closed;

  /** A host's state: a probe under way, or its cached result with the ticker value it expires at. */
  private sealed interface Slot permits Running, Done {}

  private record Running(CompletableFuture<ProbeResult> future, ProbeRun run) implements Slot {}

  /** A cached result; {@code lastUsed} (ticker) orders the least recently used for eviction. */
  private static final class Done implements Slot {
    final ProbeResult result;
    final long expiresAt;
    volatile long lastUsed;

    Done(ProbeResult result, long expiresAt, long now) {
      this.result = result;
      this.expiresAt = expiresAt;
      this.lastUsed = now;
    }

    boolean fresh(long now) {
      return now - expiresAt < 0;
    }

    /** Marks a hit, writing at most once per {@link #TOUCH_NANOS} so hot hosts do not contend. */
    ProbeResult touch(long now) {
      if (now - lastUsed > TOUCH_NANOS) {
        lastUsed = now;
      }
      return result;
    }
  }

  private DiscoveryProbe(Builder b) {
    this.settings = b.settings;
    this.clock = b.clock;
    this.ticker = b.ticker;
    this.warnings = b.warnings != null ? b.warnings : DiscoveryProbe::logWarning;
    this.baseClient = b.client;
    this.ownsClient = b.client == null;
  }

  /** The SLF4J logger, loaded with its first line: a program that is never warned loads no SLF4J. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger("io.brickcheck.internal.probe");
  }

  private static void logWarning(String line) {
    Log.LOG.warn(line);
  }

  /**
   * The isolated client, made on first use (a probe worker thread). A class, not a method
   * reference: bootstrapping a lambda whose type names {@code OkHttpClient} would load OkHttp on
   * the thread that starts the probe.
   */
  private final class IsolatedClient implements Supplier<OkHttpClient> {
    /** Null until the first request; written under this object's lock. */
    private volatile OkHttpClient made;

    @Override
    public OkHttpClient get() {
      OkHttpClient c = made;
      if (c == null) {
        synchronized (this) {
          c = made;
          if (c == null) {
            c = isolate(baseClient == null ? null : baseClient.get(), settings);
            made = c;
          }
        }
      }
      return c;
    }

    /** The client if it was made, else null. */
    OkHttpClient ifMade() {
      return made;
    }
  }

  /**
   * A probe with default settings and its own HTTP client.
   *
   * @return a probe with the default settings
   */
  public static DiscoveryProbe create() {
    return builder().build();
  }

  /**
   * A builder with the default settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The probe's settings.
   *
   * @return the settings
   */
  public ProbeSettings settings() {
    return settings;
  }

  /**
   * The host's metadata: at once from the cache when fresh, else from the probe under way for
   * this host, else from a new probe. The future completes within the budget, plus the time the
   * worker takes to make the probe's HTTP client on first use (the budget does not count it),
   * never exceptionally; cancelling it affects no other caller.
   *
   * @param host the host to ask
   * @return the result when it completes; never completes exceptionally
   */
  public CompletableFuture<ProbeResult> probe(Host host) {
    Objects.requireNonNull(host, "host");
    long now = ticker.getAsLong();
    if (slots.get(host) instanceof Done d && d.fresh(now)) {
      return CompletableFuture.completedFuture(d.touch(now)); // the warm path: no lock, no thread
    }
    Running[] started = new Running[1];
    Slot slot =
        slots.compute(
            host,
            (h, old) -> {
              if (old instanceof Running || old instanceof Done d && d.fresh(ticker.getAsLong())) {
                return old;
              }
              CompletableFuture<ProbeResult> future = new CompletableFuture<>();
              started[0] = new Running(future, newRun(h, future));
              return started[0];
            });
    if (started[0] != null) {
      start(started[0].run);
    }
    return slot instanceof Done d
        ? CompletableFuture.completedFuture(d.touch(now))
        : ((Running) slot).future.copy();
  }

  /**
   * {@link #probe} and wait for it, at most the budget plus {@link #WAIT_SLACK}. Returns a failure
   * result if that time runs out or the thread is interrupted (its interrupt flag stays set).
   *
   * @param host the host to ask
   * @return the result, within the budget
   */
  public ProbeResult probeAndWait(Host host) {
    // A waiting caller makes the HTTP client itself, before the budget starts (as it did when
    // the client was made with the profile): loading OkHttp in a cold JVM must not eat the budget.
    try {
      client.get();
    } catch (RuntimeException | LinkageError e) {
      // The probe's own run reports it, as a failure result.
    }
    long start = System.nanoTime();
    CompletableFuture<ProbeResult> future = probe(host);
    long waitNanos = settings.budget().plus(WAIT_SLACK).toNanos();
    try {
      return future.get(waitNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return waitFailure(host, "no answer within the " + SafeText.duration(settings.budget())
          + " budget", start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return waitFailure(host, "interrupted while waiting for the probe", start);
    } catch (ExecutionException | RuntimeException e) {
      return waitFailure(host, "internal error (" + e.getClass().getSimpleName() + ")", start);
    }
  }

  /**
   * The cached result while it is fresh; empty when never probed, expired, or under way.
   *
   * @param host the host to ask
   * @return the cached result while it is fresh
   */
  public Optional<ProbeResult> cached(Host host) {
    long now = ticker.getAsLong();
    return slots.get(host) instanceof Done d && d.fresh(now) ? Optional.of(d.touch(now)) : Optional.empty();
  }

  /**
   * How many hosts have a cached result or a probe under way: at most {@link
   * ProbeSettings#maxCachedHosts()} cached, plus the probes under way.
   *
   * @return the number of hosts held
   */
  public int size() {
    return slots.size();
  }

  /**
   * Ends probes under way (their callers get a failure result), stops the probe's threads and
   * drops the cache. Further probes fail at once with "the probe is closed". Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    for (Slot slot : slots.values()) {
      if (slot instanceof Running r) {
        r.run.expire("the probe was closed");
      }
    }
    workers.shutdownNow();
    timer.shutdownNow();
    slots.clear();
    OkHttpClient c = client.ifMade();
    if (ownsClient && c != null) {
      c.connectionPool().evictAll(); // a caller's pool is the caller's to manage
    }
  }

  @Override
  public String toString() {
    return "DiscoveryProbe[" + settings + ", " + slots.size() + " host(s) cached or under way]";
  }

  private ProbeRun newRun(Host host, CompletableFuture<ProbeResult> future) {
    String url = host.baseUrl() + WELL_KNOWN_PATH;
    return new ProbeRun(host, url, client, settings, clock, r -> finish(host, future, r));
  }

  private void start(ProbeRun run) {
    if (closed) {
      run.expire("the probe is closed");
      return;
    }
    try {
      Watchdog watchdog = new Watchdog(run);
      watchdog.arm();
      run.onFinish(watchdog);
      workers.execute(run);
    } catch (RejectedExecutionException e) {
      run.expire("the probe is closed"); // close() raced with this call
    }
  }

  /**
   * Ends a run when its budget is spent. The budget stands still while the run makes its HTTP
   * client (see {@link ProbeRun}), so when the watchdog fires with budget left it looks again
   * after what is left. Run by the timer; as a {@link Runnable} given to {@link
   * ProbeRun#onFinish}, cancels itself.
   */
  private final class Watchdog implements Runnable {
    private final ProbeRun run;
    private volatile ScheduledFuture<?> next;
    private volatile boolean cancelled;

    Watchdog(ProbeRun run) {
      this.run = run;
    }

    void arm() {
      next = timer.schedule(this::fire, Math.max(0, run.remainingNanos()), TimeUnit.NANOSECONDS);
    }

    private void fire() {
      if (cancelled || run.finished()) {
        return;
      }
      if (run.remainingNanos() > 0) {
        try {
          arm();
        } catch (RejectedExecutionException e) {
          run.expire("the probe was closed");
        }
      } else {
        run.expireOnBudget();
      }
    }

    /** The run finished: no more looks. */
    @Override
    public void run() {
      cancelled = true;
      ScheduledFuture<?> f = next;
      if (f != null) {
        f.cancel(false);
      }
    }
  }

  /** Runs exactly once per probe: cache, warn, then release the waiting callers. */
  private void finish(Host host, CompletableFuture<ProbeResult> future, ProbeResult result) {
    long now = ticker.getAsLong();
    // "No discovery here" (404/405/501) is as definitive as metadata: cached as long, never warned.
    Duration ttl = result.answered() ? settings.successTtl() : settings.failureTtl();
    if (closed) {
      // Closing is not a host problem: no cache entry, no warning; just release the callers.
      slots.computeIfPresent(host, (h, s) -> s instanceof Running r && r.future == future ? null : s);
      future.complete(result);
      return;
    }
    slots.put(host, new Done(result, now + ttl.toNanos(), now));
    if (slots.size() > settings.maxCachedHosts()) {
      evict(now);
    }
    if (!result.answered()) {
      warnOnce(host, result, now);
    }
    future.complete(result);
  }

  /**
   * Bounds the cache: drops expired answers, then the least recently used ones, down to 7/8 of
   * the bound (so that eviction, O(n log n), runs once per n/8 new hosts, not on each). Probes
   * under way are never dropped. The warning record is bounded the same way: at worst a host is
   * warned about once more.
   */
  private void evict(long now) {
    synchronized (evictionLock) {
      int max = settings.maxCachedHosts();
      if (slots.size() <= max) {
        return;
      }
      slots.entrySet().removeIf(e -> e.getValue() instanceof Done d && !d.fresh(now));
      int target = max - max / 8;
      if (slots.size() > target) {
        List<Map.Entry<Host, Done>> done = new ArrayList<>();
        slots.forEach((h, slot) -> {
          if (slot instanceof Done d) {
            done.add(Map.entry(h, d));
          }
        });
        // lastUsed compared as a difference from now: ticker values may wrap.
        done.sort(Comparator.comparingLong(e -> e.getValue().lastUsed - now));
        for (int i = 0; i < done.size() && slots.size() > target; i++) {
          slots.remove(done.get(i).getKey(), done.get(i).getValue());
        }
      }
      if (warnedUntil.size() > max) {
        warnedUntil.values().removeIf(until -> now - until >= 0);
        if (warnedUntil.size() > max) {
          warnedUntil.clear();
        }
      }
    }
  }

  /**
   * Waits, after {@link #close()}, for the probe's threads to end.
   *
   * @param timeout the longest wait
   * @return whether they all ended within it
   * @throws InterruptedException if the waiting thread is interrupted
   */
  public boolean awaitTermination(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    return workers.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)
        && timer.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private void warnOnce(Host host, ProbeResult result, long now) {
    boolean[] due = new boolean[1];
    warnedUntil.compute(
        host,
        (h, until) -> {
          if (until != null && now - until < 0) {
            return until;
          }
          due[0] = true;
          return now + settings.failureTtl().toNanos();
        });
    if (due[0]) {
      try {
        warnings.accept(warning(host, result.failureReason().orElse("unknown error")));
      } catch (RuntimeException e) {
        // A broken log sink must not turn a warning into a failure of the caller.
      }
    }
  }

  String warning(Host host, String reason) {
    return Code.ProbeFailed.tag() + " discovery for host \"" + host.baseUrl() + "\" failed: "
        + reason + ". Brickcheck goes on with what the host name and the profile declare, and"
        + " asks the host again in " + SafeText.duration(settings.failureTtl()) + ". To fix it,"
        + " make " + host.baseUrl() + WELL_KNOWN_PATH + " reachable without credentials; to"
        + " silence it, declare hostKind (SPOG or WORKSPACE) on the profile or set the probe"
        + " mode to OFF";
  }

  private ProbeResult waitFailure(Host host, String reason, long startNanos) {
    return ProbeResult.failure(
        host, reason, clock.instant(), 0, Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /**
   * A client that cannot leak anything: derived from the caller's (keeping its pool, DNS, proxy,
   * TLS and trust settings) without any interceptor, cookie, authenticator or cache; no redirects
   * and no silent OkHttp retries, so each attempt is one request.
   */
  static OkHttpClient isolate(OkHttpClient base, ProbeSettings settings) {
    OkHttpClient.Builder b = base == null ? new OkHttpClient.Builder() : base.newBuilder();
    b.interceptors().clear();
    b.networkInterceptors().clear();
    Duration attempt = settings.attemptTimeout();
    return b.cookieJar(CookieJar.NO_COOKIES)
        .authenticator(Authenticator.NONE)
        .cache(null)
        .followRedirects(false)
        .followSslRedirects(false)
        .retryOnConnectionFailure(false)
        .connectTimeout(attempt)
        .readTimeout(attempt)
        .writeTimeout(attempt)
        .callTimeout(attempt)
        .build();
  }

  /** Builder; everything is optional. */
  public static final class Builder {
    private Supplier<OkHttpClient> client;
    private ProbeSettings settings = ProbeSettings.defaults();
    private Clock clock = Clock.systemUTC();
    private LongSupplier ticker = System::nanoTime;
    private Consumer<String> warnings;

    private Builder() {}

    /**
     * A client to derive the probe's from (connection pool, proxy, DNS, TLS). Its interceptors,
     * cookies, authenticator and cache are not used; it is not changed.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder httpClient(OkHttpClient value) {
      client = value == null ? null : () -> value;
      return this;
    }

    /**
     * As {@link #httpClient(OkHttpClient)}, the client asked for on the first probe's worker
     * thread (once), so that whoever builds the probe never loads OkHttp.
     *
     * @param source gives the client to derive the probe's from; null: the probe's own
     * @return this builder
     */
    public Builder httpClientSource(Supplier<OkHttpClient> source) {
      client = source;
      return this;
    }

    /**
     * Budgets, attempts, TTLs and limits.
     *
     * @param value the settings
     * @return this builder
     */
    public Builder settings(ProbeSettings value) {
      settings = Objects.requireNonNull(value, "settings");
      return this;
    }

    /**
     * The clock stamped on results ({@link ProbeResult#obtainedAt()}).
     *
     * @param value the new value
     * @return this builder
     */
    public Builder clock(Clock value) {
      clock = Objects.requireNonNull(value, "clock");
      return this;
    }

    /**
     * Monotonic nanoseconds for cache expiry (default {@code System::nanoTime}); for tests.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder ticker(LongSupplier value) {
      ticker = Objects.requireNonNull(value, "ticker");
      return this;
    }

    /**
     * Where the one {@code ProbeFailed} line per host and period goes; default: the SLF4J logger
     * {@code io.brickcheck.internal.probe} at WARN.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder warningSink(Consumer<String> value) {
      warnings = Objects.requireNonNull(value, "warningSink");
      return this;
    }

    /**
     * Builds the probe.
     *
     * @return a new probe
     */
    public DiscoveryProbe build() {
      return new DiscoveryProbe(this);
    }
  }
}
