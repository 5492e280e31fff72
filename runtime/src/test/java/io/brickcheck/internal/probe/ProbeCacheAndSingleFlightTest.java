package io.brickcheck.internal.probe;

import static io.brickcheck.internal.probe.ProbeTestSupport.fastSettings;
import static io.brickcheck.internal.probe.ProbeTestSupport.hostOf;
import static io.brickcheck.internal.probe.ProbeTestSupport.json;
import static io.brickcheck.internal.probe.ProbeTestSupport.loopbackHost;
import static io.brickcheck.internal.probe.ProbeTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One probe per host at a time, cached results, and one warning per host per period. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProbeCacheAndSingleFlightTest {
  private static final String WORKSPACE = "{\"host_type\":\"workspace\"}";

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer other = new MockWebServer();

  private final ProbeTestSupport.FakeTicker ticker = new ProbeTestSupport.FakeTicker();
  private final ProbeTestSupport.Warnings warnings = new ProbeTestSupport.Warnings();
  private final DiscoveryProbe probe =
      DiscoveryProbe.builder()
          .settings(fastSettings())
          .ticker(ticker::read)
          .warningSink(warnings::accept)
          .build();

  @AfterEach
  void tearDown() {
    probe.close();
  }

  @Test
  void sixtyFourCallersOnAColdHostShareOneRequest() throws Exception {
    // The answer is slow so that every caller arrives while the first probe is under way.
    for (int i = 0; i < 5; i++) {
      server.enqueue(
          new MockResponse.Builder().headersDelay(200, TimeUnit.MILLISECONDS).body(WORKSPACE).build());
    }
    Host host = hostOf(server);
    int callers = 64;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ProbeResult>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return probe.probeAndWait(host);
                }));
      }
      go.countDown();
      for (Future<ProbeResult> f : results) {
        assertThat(f.get(10, TimeUnit.SECONDS).succeeded()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void successIsCachedUntilItsTtlEnds() {
    server.enqueue(json(WORKSPACE));
    server.enqueue(json("{\"host_type\":\"unified\"}"));
    Host host = hostOf(server);
    assertThat(probe.cached(host)).isEmpty();

    ProbeResult first = probe.probeAndWait(host);
    ticker.advance(Duration.ofMinutes(59));

    assertThat(probe.probeAndWait(host)).isSameAs(first);
    assertThat(probe.cached(host)).containsSame(first);
    assertThat(server.getRequestCount()).isEqualTo(1);

    ticker.advance(Duration.ofMinutes(2));
    assertThat(probe.cached(host)).isEmpty();
    ProbeResult second = probe.probeAndWait(host);
    assertThat(second.metadata().orElseThrow().hostType()).contains(HostType.UNIFIED);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void failureIsCachedForTheNegativeCachePeriodOnly() {
    server.enqueue(status(403));
    server.enqueue(json(WORKSPACE));
    Host host = hostOf(server);

    ProbeResult failed = probe.probeAndWait(host);
    ticker.advance(Duration.ofSeconds(59));
    assertThat(probe.probeAndWait(host)).isSameAs(failed);
    assertThat(server.getRequestCount()).isEqualTo(1);

    ticker.advance(Duration.ofSeconds(2));
    assertThat(probe.probeAndWait(host).succeeded()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void oneWarningPerHostPerNegativeCachePeriodAndAnotherAfterIt() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(status(403));
      other.enqueue(status(403));
    }
    Host host = hostOf(server);
    Host otherHost = hostOf(other);

    for (int i = 0; i < 5; i++) {
      probe.probeAndWait(host);
      probe.probe(host).join();
    }
    probe.probeAndWait(otherHost);
    assertThat(warnings.lines).hasSize(2);
    assertThat(warnings.lines.get(0)).contains(host.baseUrl()).contains("asks the host again in 1 min");
    assertThat(warnings.lines.get(1)).contains(otherHost.baseUrl());

    ticker.advance(Duration.ofSeconds(61));
    probe.probeAndWait(host);
    assertThat(warnings.lines).hasSize(3);
    assertThat(warnings.lines.get(2)).contains(host.baseUrl());
  }

  @Test
  void warningComesFromADaemonProbeThread() {
    server.enqueue(status(403));

    probe.probeAndWait(hostOf(server));

    assertThat(warnings.threads).hasSize(1);
    assertThat(warnings.threads.get(0).getName()).startsWith("brickcheck-probe-");
    assertThat(warnings.threads.get(0).isDaemon()).isTrue();
  }

  @Test
  void closingDuringAConnectLeavesNoUncaughtException() throws Exception {
    // close() interrupts workers; one interrupted inside OkHttp's connect used to die with an
    // undeclared InterruptedException on stderr. A loopback listener whose accept queue is full
    // makes connects hang (Linux drops the SYNs), so the worker is surely inside connect.
    List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    List<java.net.Socket> fillers = new ArrayList<>();
    try (java.net.ServerSocket full =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      for (int i = 0; i < 4; i++) {
        java.net.Socket s = new java.net.Socket();
        fillers.add(s);
        try {
          s.connect(full.getLocalSocketAddress(), 200);
        } catch (java.io.IOException queueAlreadyFull) {
          break;
        }
      }
      DiscoveryProbe p = DiscoveryProbe.builder().warningSink(warnings::accept).build();
      CompletableFuture<ProbeResult> future = p.probe(loopbackHost(full.getLocalPort()));
      Thread.sleep(300); // well inside the 750 ms connect timeout

      p.close();

      assertThat(future.get(5, TimeUnit.SECONDS).failureReason()).contains("the probe was closed");
      assertThat(p.awaitTermination(Duration.ofSeconds(5))).isTrue();
    } finally {
      for (java.net.Socket s : fillers) {
        s.close();
      }
      Thread.setDefaultUncaughtExceptionHandler(previous);
    }
    assertThat(uncaught).isEmpty();
    assertThat(warnings.lines).isEmpty();
  }

  @Test
  void closeReleasesCallersWithoutAWarningAndEndsItsThreads() throws Exception {
    try (ProbeTestSupport.HungServer hung = new ProbeTestSupport.HungServer()) {
      CompletableFuture<ProbeResult> future = probe.probe(loopbackHost(hung.port()));

      probe.close();

      ProbeResult r = future.get(5, TimeUnit.SECONDS);
      assertThat(r.failureReason()).contains("the probe was closed");
      assertThat(warnings.lines).isEmpty();
      assertThat(probe.awaitTermination(Duration.ofSeconds(5))).isTrue();
      assertThat(probe.probeAndWait(hostOf(server)).failureReason()).contains("the probe is closed");
    }
  }
}
