package io.brickcheck.internal.probe;

import static io.brickcheck.internal.probe.ProbeTestSupport.fastSettings;
import static io.brickcheck.internal.probe.ProbeTestSupport.hostOf;
import static io.brickcheck.internal.probe.ProbeTestSupport.json;
import static io.brickcheck.internal.probe.ProbeTestSupport.loopbackHost;
import static io.brickcheck.internal.probe.ProbeTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.Host;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which answers end a probe, which are retried, and that the budget bounds it all. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProbeRetryAndBudgetTest {
  private static final String WORKSPACE = "{\"host_type\":\"workspace\"}";

  /** Only a safety net against a probe that ignores its budget; not a benchmark. */
  private static final Duration GENEROUS = Duration.ofSeconds(3);

  @StartStop final MockWebServer server = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();

  private final ProbeTestSupport.Warnings warnings = new ProbeTestSupport.Warnings();
  private DiscoveryProbe probe = probe(fastSettings());

  private DiscoveryProbe probe(ProbeSettings settings) {
    return DiscoveryProbe.builder().settings(settings).warningSink(warnings::accept).build();
  }

  @AfterEach
  void tearDown() {
    probe.close();
  }

  @Test
  void forbiddenEndsAfterOneRequest() {
    server.enqueue(status(403));
    server.enqueue(json(WORKSPACE)); // would turn it into a success if the probe retried

    ProbeResult r = probe.probeAndWait(hostOf(server));

    assertThat(r.failureReason()).contains("HTTP 403");
    assertThat(r.answered()).isFalse();
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {404, 405, 501})
  void noDiscoveryIsADefinitiveAnswerAfterOneRequestWithoutWarning(int code) {
    server.enqueue(status(code));
    server.enqueue(json(WORKSPACE)); // would turn it into a success if the probe retried

    ProbeResult r = probe.probeAndWait(hostOf(server));

    assertThat(r.noDiscovery()).isTrue();
    assertThat(r.noDiscoveryStatus()).contains(code);
    assertThat(r.answered()).isTrue();
    assertThat(r.succeeded()).isFalse();
    assertThat(r.failureReason()).isEmpty();
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(warnings.lines).isEmpty();
  }

  @Test
  void serverErrorThenSuccessIsASuccessOnTheSecondAttempt() {
    server.enqueue(status(500));
    server.enqueue(json(WORKSPACE));

    ProbeResult r = probe.probeAndWait(hostOf(server));

    assertThat(r.metadata().orElseThrow().hostType()).contains(HostType.WORKSPACE);
    assertThat(r.attempts()).isEqualTo(2);
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(warnings.lines).isEmpty();
  }

  @Test
  void tooManyRequestsThenSuccessHonoursAShortRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "0").build());
    server.enqueue(json(WORKSPACE));

    ProbeResult r = probe.probeAndWait(hostOf(server));

    assertThat(r.succeeded()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void retryAfterBeyondTheBudgetStopsAtOnce() {
    server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
    server.enqueue(json(WORKSPACE));

    ProbeResult r = probe.probeAndWait(hostOf(server));

    assertThat(r.failureReason().orElseThrow())
        .contains("HTTP 429 with Retry-After 3600 s, beyond the 1500 ms budget");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(r.elapsed()).isLessThan(probe.settings().budget());
  }

  @Test
  void persistentServerErrorsStopAfterMaxAttempts() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(status(503));
    }

    ProbeResult r = probe.probeAndWait(hostOf(server));

    assertThat(r.failureReason()).contains("HTTP 503 (3 attempts)");
    assertThat(r.attempts()).isEqualTo(3);
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void ioErrorsAreRetried() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }

    ProbeResult r = probe.probeAndWait(loopbackHost(closedPort));

    assertThat(r.failureReason().orElseThrow()).startsWith("could not connect").endsWith("(3 attempts)");
    assertThat(r.attempts()).isEqualTo(3);
  }

  @Test
  void redirectIsNotFollowed() {
    elsewhere.enqueue(json(WORKSPACE));
    server.enqueue(
        new MockResponse.Builder()
            .code(302)
            .setHeader("Location", elsewhere.url("/.well-known/databricks-config"))
            .build());

    ProbeResult r = probe.probeAndWait(hostOf(server));

    assertThat(r.failureReason()).contains("HTTP 302 redirect, and redirects are not followed");
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void hungEndpointGivesAFailureWithinTheBudget() throws IOException {
    try (ProbeTestSupport.HungServer hung = new ProbeTestSupport.HungServer()) {
      long start = System.nanoTime();
      ProbeResult r = probe.probeAndWait(loopbackHost(hung.port()));
      Duration waited = Duration.ofNanos(System.nanoTime() - start);

      assertThat(r.succeeded()).isFalse();
      assertThat(r.failureReason().orElseThrow()).contains("no answer within");
      assertThat(waited).isLessThan(probe.settings().budget().plus(GENEROUS));
      assertThat(hung.accepted.size()).isBetween(1, 3);
    }
  }

  @Test
  void budgetEndsAndHangsUpTheCallInFlight() throws IOException {
    // One attempt may take 10 s, the budget only 600 ms: the budget must cut the call.
    probe.close();
    probe =
        probe(
            ProbeSettings.builder()
                .budget(Duration.ofMillis(600))
                .attemptTimeout(Duration.ofSeconds(10))
                .build());
    try (ProbeTestSupport.HungServer hung = new ProbeTestSupport.HungServer()) {
      ProbeResult r = probe.probeAndWait(loopbackHost(hung.port()));

      assertThat(r.failureReason().orElseThrow()).contains("within the 600 ms budget");
      assertThat(hung.accepted).hasSize(1);
      assertThat(hung.closedByPeer(0, GENEROUS)).as("the probe hung up").isTrue();
    }
  }

  @Test
  void asyncCallerGetsAFutureBeforeTheHungEndpointAnswers() throws Exception {
    try (ProbeTestSupport.HungServer hung = new ProbeTestSupport.HungServer()) {
      Host host = loopbackHost(hung.port());

      CompletableFuture<ProbeResult> future = probe.probe(host);

      assertThat(future).isNotDone();
      ProbeResult r = future.get(probe.settings().budget().plus(GENEROUS).toMillis(), TimeUnit.MILLISECONDS);
      assertThat(r.succeeded()).isFalse();
    }
  }

  @Test
  void cancellingOneCallersFutureDoesNotCancelTheProbe() throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .headersDelay(300, TimeUnit.MILLISECONDS)
            .body(WORKSPACE)
            .build());
    Host host = hostOf(server);

    probe.probe(host).cancel(true);

    assertThat(probe.probeAndWait(host).succeeded()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
