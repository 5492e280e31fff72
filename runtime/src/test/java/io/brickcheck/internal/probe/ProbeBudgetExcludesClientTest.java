package io.brickcheck.internal.probe;

import static io.brickcheck.internal.probe.ProbeTestSupport.hostOf;
import static io.brickcheck.internal.probe.ProbeTestSupport.json;
import static io.brickcheck.internal.probe.ProbeTestSupport.loopbackHost;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The budget times the host, not the JVM (issue 17): an ASYNC probe makes its HTTP client on its
 * own worker thread, which in a cold JVM on a busy machine loads OkHttp and Kotlin's standard
 * library for 100 ms or more; that time must not count against the budget, or the first probe of
 * a process fails with {@code ProbeFailed} though the host answers at once. Client construction is
 * made slow here on purpose (a supplier that sleeps several budgets), so the old behaviour fails
 * every time; no assertion is on elapsed time.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProbeBudgetExcludesClientTest {
  private static final String WORKSPACE = "{\"host_type\":\"workspace\"}";
  private static final Duration BUDGET = Duration.ofMillis(400);
  /** Three budgets: the old code's watchdog had ended the probe twice over by then. */
  private static final long SLOW_CLIENT_MILLIS = 1200;

  @StartStop final MockWebServer server = new MockWebServer();

  private final ProbeTestSupport.Warnings warnings = new ProbeTestSupport.Warnings();
  private final List<Thread> clientMadeOn = new CopyOnWriteArrayList<>();
  private DiscoveryProbe probe;

  /** A client source as RuntimeContext gives it, made slow: as a cold, loaded JVM makes it. */
  private final class SlowClient implements Supplier<OkHttpClient> {
    private final RuntimeException failure;

    SlowClient(RuntimeException failure) {
      this.failure = failure;
    }

    @Override
    public OkHttpClient get() {
      clientMadeOn.add(Thread.currentThread());
      try {
        Thread.sleep(SLOW_CLIENT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (failure != null) {
        throw failure;
      }
      return new OkHttpClient();
    }
  }

  private DiscoveryProbe probe(RuntimeException clientFailure) {
    ProbeSettings settings = ProbeSettings.builder().budget(BUDGET).attemptTimeout(BUDGET).build();
    return DiscoveryProbe.builder()
        .httpClientSource(new SlowClient(clientFailure))
        .settings(settings)
        .warningSink(warnings::accept)
        .build();
  }

  @AfterEach
  void tearDown() {
    if (probe != null) {
      probe.close();
    }
  }

  @Test
  void asyncProbeWhoseClientIsSlowToMakeStillGetsTheAnswer() throws Exception {
    server.enqueue(json(WORKSPACE));
    probe = probe(null);

    ProbeResult r = probe.probe(hostOf(server)).get(20, TimeUnit.SECONDS);

    assertThat(r.failureReason()).isEmpty();
    assertThat(r.succeeded()).isTrue();
    assertThat(r.metadata().orElseThrow().hostType()).contains(HostType.WORKSPACE);
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(warnings.lines).isEmpty();
    // Made on the probe's worker, not on the thread that asked.
    assertThat(clientMadeOn).hasSize(1);
    assertThat(clientMadeOn.get(0)).isNotSameAs(Thread.currentThread());
    assertThat(clientMadeOn.get(0).getName()).startsWith("brickcheck-probe-");
  }

  @Test
  void theBudgetStillBoundsAHungHostAfterASlowClient() throws Exception {
    probe = probe(null);
    try (ProbeTestSupport.HungServer hung = new ProbeTestSupport.HungServer()) {
      ProbeResult r = probe.probe(loopbackHost(hung.port())).get(20, TimeUnit.SECONDS);

      assertThat(r.succeeded()).isFalse();
      // The request itself was made and then cut by the budget (or its own attempt timeout).
      assertThat(hung.accepted).isNotEmpty();
      assertThat(r.failureReason().orElseThrow()).containsAnyOf("within the 400 ms budget", "no answer within");
      assertThat(warnings.lines).hasSize(1);
    }
  }

  @Test
  void aClientThatCannotBeMadeIsAFailureResultNotAHang() throws Exception {
    probe = probe(new IllegalStateException("no TLS provider"));

    ProbeResult r = probe.probe(hostOf(server)).get(20, TimeUnit.SECONDS);

    assertThat(r.succeeded()).isFalse();
    assertThat(r.failureReason().orElseThrow()).contains("internal error (IllegalStateException)");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void closingWhileTheClientIsMadeReleasesTheCaller() throws Exception {
    probe = probe(null);
    var future = probe.probe(hostOf(server));
    while (clientMadeOn.isEmpty()) {
      Thread.sleep(5); // the worker is inside the slow supplier
    }

    probe.close();

    ProbeResult r = future.get(20, TimeUnit.SECONDS);
    assertThat(r.succeeded()).isFalse();
    assertThat(r.failureReason().orElseThrow()).contains("the probe was closed");
  }

  @Test
  void blockingWaitAfterASlowClientIsAnsweredToo() throws IOException {
    server.enqueue(json(WORKSPACE));
    probe = probe(null);

    // probeAndWait makes the client before its wait starts, and the run's budget stands still.
    ProbeResult r = probe.probeAndWait(hostOf(server));

    assertThat(r.succeeded()).isTrue();
    assertThat(warnings.lines).isEmpty();
  }
}
