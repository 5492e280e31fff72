package io.brickcheck.internal.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;
import io.brickcheck.rules.Host;
import io.brickcheck.internal.rules.HostParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7, hostile discovery endpoints: misbehaving {@code /.well-known/databricks-config} servers,
 * all on 127.0.0.1, each met three ways: the probe directly (with a capturing warning sink), and
 * {@link Profile#open} in BLOCKING and in ASYNC mode. For every one: no exception reaches the
 * caller, no wait past the budget (plus a generous safety net, not a benchmark), exactly one
 * warning, clean of the server's bytes, and the server can push at most about the body cap into
 * the probe.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileEndpointsTest {
  static final Duration BUDGET = Duration.ofMillis(500);
  static final Duration ATTEMPT = Duration.ofMillis(200);
  /** Safety net only: the design bound is budget + 250 ms (DiscoveryProbe.WAIT_SLACK). */
  static final Duration NET = BUDGET.plus(Duration.ofMillis(1500));
  static final int CAP = 64 * 1024;
  static final long HUNDRED_MB = 100L * 1024 * 1024;
  /** Loopback socket buffers can hold a few MiB; anything near 100 MB would mean no cap. */
  static final long MAX_PUSHED = 16L * 1024 * 1024;

  static final ProbeSettings SETTINGS =
      ProbeSettings.builder().budget(BUDGET).attemptTimeout(ATTEMPT).backoffBase(Duration.ofMillis(10))
          .maxBodyBytes(CAP).build();
  static final BrickcheckOptions BLOCKING =
      BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING).probeBudget(BUDGET).probeAttemptTimeout(ATTEMPT).build();
  // A different failure TTL gives ASYNC its own shared probe, so it does not just read BLOCKING's cache.
  static final BrickcheckOptions ASYNC =
      BrickcheckOptions.builder().probeMode(ProbeMode.ASYNC).probeBudget(BUDGET).probeAttemptTimeout(ATTEMPT)
          .probeFailureTtl(Duration.ofSeconds(61)).build();

  static final List<Throwable> uncaught = new ArrayList<>();
  static Thread.UncaughtExceptionHandler previous;

  @BeforeAll
  static void watchUncaught() {
    previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
      synchronized (uncaught) {
        uncaught.add(e);
      }
    });
  }

  @AfterAll
  static void noThreadDiedOfAnException() {
    Thread.setDefaultUncaughtExceptionHandler(previous);
    assertThat(uncaught).isEmpty();
  }

  /** What the probe must make of an endpoint. */
  enum Expect {
    /** No usable answer: a failure, one ProbeFailed warning. */
    FAILURE,
    /** Metadata with a malformed field dropped and named, the rest used; no warning (issue 10.5). */
    PARTIAL,
    /** 404/405/501: the host has no discovery, a definitive answer; no warning (issue 10.5). */
    NO_DISCOVERY
  }

  /** A hostile endpoint: how it misbehaves, whether it is reached over https, what it must give. */
  record Case(String name, boolean https, HostileServer.Behaviour behaviour, Expect expect) {
    Case(String name, boolean https, HostileServer.Behaviour behaviour) {
      this(name, https, behaviour, Expect.FAILURE);
    }
  }

  static String head(int code, String reason, String... headers) {
    StringBuilder b = new StringBuilder("HTTP/1.1 ").append(code).append(' ').append(reason).append("\r\n");
    for (String h : headers) {
      b.append(h).append("\r\n");
    }
    return b.append("\r\n").toString();
  }

  static HostileServer.Behaviour answer(int code, String body, String... headers) {
    return answer(code, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  static HostileServer.Behaviour answer(int code, byte[] body, String... headers) {
    return c -> {
      c.readHead();
      String[] all = Stream.concat(Stream.of(headers),
          Stream.of("Content-Length: " + body.length, "Content-Type: application/json", "Connection: close"))
          .toArray(String[]::new);
      c.write(head(code, "X", all));
      c.write(body);
      c.awaitHangUp();
    };
  }

  static HostileServer.Behaviour stream(long bytes, boolean announceLength) {
    return c -> {
      c.readHead();
      c.write(head(200, "OK", announceLength ? "Content-Length: " + bytes : "Connection: close",
          "Content-Type: application/json"));
      byte[] block = new byte[64 * 1024];
      java.util.Arrays.fill(block, (byte) ' ');
      block[0] = '{';
      for (long sent = 0; sent < bytes; sent += block.length) {
        c.write(block);
      }
    };
  }

  static HostileServer.Behaviour trickle(byte[] bytes, long pauseMillis) {
    return c -> {
      c.readHead();
      for (byte b : bytes) {
        c.write(new byte[] {b});
        Thread.sleep(pauseMillis);
      }
    };
  }

  static Case partial(String name, String body) {
    return new Case(name, false, answer(200, body), Expect.PARTIAL);
  }

  static List<Case> cases() {
    String ok = "{\"host_type\":\"workspace\"}";
    byte[] okResponse = (head(200, "OK", "Content-Length: " + ok.length()) + ok).getBytes(StandardCharsets.US_ASCII);
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("accepts and never answers", false, c -> c.awaitHangUp()));
    cases.add(new Case("reads the request and never answers", false, c -> {
      c.readHead();
      c.awaitHangUp();
    }));
    cases.add(new Case("accepts and closes at once", false, c -> c.socket.close()));
    cases.add(new Case("accepts and resets at once", false, c -> c.reset()));
    cases.add(new Case("answers one byte a second", false, trickle(okResponse, 1000)));
    cases.add(new Case("answers one byte every 100 ms (under the read timeout)", false, trickle(okResponse, 100)));
    cases.add(new Case("endless body without length", false, stream(Long.MAX_VALUE, false)));
    cases.add(new Case("endless chunked body", false, c -> {
      c.readHead();
      c.write(head(200, "OK", "Transfer-Encoding: chunked"));
      byte[] chunk = ("4000\r\n" + " ".repeat(0x4000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      while (true) {
        c.write(chunk);
      }
    }));
    cases.add(new Case("100 MB body, length announced", false, stream(HUNDRED_MB, true)));
    cases.add(new Case("100 MB body, streamed without length", false, stream(HUNDRED_MB, false)));
    cases.add(new Case("invalid UTF-8", false, answer(200, new byte[] {'{', '"', 'h', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'})));
    cases.add(new Case("overlong UTF-8 and lone surrogate", false, answer(200, new byte[] {'{', '"', (byte) 0xC0, (byte) 0xAF, (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', ':', '1', '}'})));
    cases.add(new Case("deep JSON nesting (10 000 levels)", false, answer(200, "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000))));
    cases.add(new Case("deep array nesting (20 000 levels)", false, answer(200, "{\"x\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}")));
    cases.add(new Case("JSON array, not an object", false, answer(200, "[{\"host_type\":\"workspace\"}]")));
    cases.add(new Case("JSON string, not an object", false, answer(200, "\"workspace\"")));
    cases.add(new Case("JSON null", false, answer(200, "null")));
    cases.add(new Case("two JSON objects", false, answer(200, ok + ok)));
    cases.add(new Case("truncated JSON", false, answer(200, "{\"host_type\":\"work")));
    // Field by field (issue 10.5): each of these is usable metadata with one field dropped.
    cases.add(partial("duplicate field", "{\"cloud\":\"aws\",\"host_type\":\"workspace\",\"host_type\":\"unified\"}"));
    for (String field : List.of("host_type", "account_id", "workspace_id", "cloud", "oidc_endpoint")) {
      cases.add(partial("wrong type: " + field + " is an object",
          "{\"" + field + "\":{\"a\":1}," + (field.equals("cloud") ? "\"host_type\":\"workspace\"}" : "\"cloud\":\"aws\"}")));
      cases.add(partial("wrong type: " + field + " is an array of objects",
          "{\"" + field + "\":[{\"a\":[1]}]," + (field.equals("cloud") ? "\"host_type\":\"workspace\"}" : "\"cloud\":\"aws\"}")));
    }
    cases.add(partial("wrong type: audiences is a string", "{\"cloud\":\"aws\",\"token_federation_default_oidc_audiences\":\"a\"}"));
    cases.add(partial("wrong type: audiences hold numbers", "{\"cloud\":\"aws\",\"token_federation_default_oidc_audiences\":[1,2]}"));
    cases.add(partial("account id with a path", "{\"host_type\":\"unified\",\"cloud\":\"aws\",\"account_id\":\"../../evil\"}"));
    cases.add(partial("workspace id with CR/LF (header injection)", "{\"cloud\":\"aws\",\"workspace_id\":\"1\\r\\nX-Evil: 1\"}"));
    cases.add(partial("oidc endpoint not a URL", "{\"cloud\":\"aws\",\"oidc_endpoint\":\"javascript:alert(1)\"}"));
    cases.add(partial("cloud with ESC", "{\"host_type\":\"workspace\",\"cloud\":\"\\u001b[2Jaws\"}"));
    // No discovery here: definitive, cached, never a warning.
    for (int code : new int[] {404, 405, 501}) {
      cases.add(new Case("HTTP " + code + " (no discovery here)", false, answer(code, "{\"error_code\":\"ENDPOINT_NOT_FOUND\"}"),
          Expect.NO_DISCOVERY));
    }
    cases.add(new Case("HTTP 404 with a 100 MB body", false, c -> {
      c.readHead();
      c.write(head(404, "Not Found", "Content-Length: " + HUNDRED_MB));
      byte[] block = new byte[64 * 1024];
      for (long sent = 0; sent < HUNDRED_MB; sent += block.length) {
        c.write(block);
      }
    }, Expect.NO_DISCOVERY));
    cases.add(new Case("redirect to another host", false, answer(302, "", "Location: https://attacker.invalid/.well-known/databricks-config")));
    cases.add(new Case("redirect to http", false, answer(301, "", "Location: http://127.0.0.1:9/.well-known/databricks-config")));
    cases.add(new Case("TLS expected, plain HTTP answered", true, c -> {
      c.readSome();
      c.write(okResponse);
      c.awaitHangUp();
    }));
    cases.add(new Case("TLS expected, garbage answered", true, c -> {
      c.readSome();
      byte[] junk = new byte[4096];
      new Random(7).nextBytes(junk);
      c.write(junk);
      c.awaitHangUp();
    }));
    cases.add(new Case("TLS expected, handshake never answered", true, c -> c.awaitHangUp()));
    cases.add(new Case("connection reset mid-body", false, c -> {
      c.readHead();
      c.write(head(200, "OK", "Content-Length: 1000") + "{\"host_type\":");
      Thread.sleep(20);
      c.reset();
    }));
    cases.add(new Case("5xx forever", false, answer(503, "{\"error\":\"down\"}")));
    cases.add(new Case("500 with a huge body", false, stream(HUNDRED_MB, false)));
    cases.add(new Case("429 with a huge Retry-After", false, answer(429, "", "Retry-After: 99999999999999999999")));
    cases.add(new Case("429 with a Retry-After date in the far future", false, answer(429, "", "Retry-After: Fri, 31 Dec 9999 23:59:59 GMT")));
    cases.add(new Case("429 with a garbage Retry-After", false, answer(429, "", "Retry-After: \u00ff\u00fe soon")));
    cases.add(new Case("empty body", false, answer(200, "")));
    cases.add(new Case("204 No Content", false, c -> {
      c.readHead();
      c.write(head(204, "No Content"));
      c.awaitHangUp();
    }));
    cases.add(new Case("headers only, then close", false, c -> {
      c.readHead();
      c.write(head(200, "OK", "Content-Length: 100"));
    }));
    cases.add(new Case("status line only, then close", false, c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\r\n");
    }));
    cases.add(new Case("chunked encoding garbage", false, c -> {
      c.readHead();
      c.write(head(200, "OK", "Transfer-Encoding: chunked") + "zz\r\n{}\r\n0\r\n\r\n");
      c.awaitHangUp();
    }));
    cases.add(new Case("chunk size larger than a long", false, c -> {
      c.readHead();
      c.write(head(200, "OK", "Transfer-Encoding: chunked") + "ffffffffffffffffffff\r\n{}");
      c.awaitHangUp();
    }));
    cases.add(new Case("HTTP/0.9-style answer (body, no status line)", false, c -> {
      c.readHead();
      c.write(ok);
    }));
    cases.add(new Case("garbage status line", false, c -> {
      c.readHead();
      c.write("HTTP/1.1 two-hundred OK\r\n\r\n" + ok);
      c.awaitHangUp();
    }));
    cases.add(new Case("control characters in the reason phrase", false, c -> {
      c.readHead();
      c.write("HTTP/1.1 418 \u001b[31mEVIL\u0007\r\nContent-Length: 0\r\n\r\n");
      c.awaitHangUp();
    }));
    cases.add(new Case("slowloris headers", false, c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\r\n");
      for (int i = 0; ; i++) {
        c.write("X-Slow-" + i + ": y\r\n");
        Thread.sleep(50);
      }
    }));
    cases.add(new Case("a 1 MiB header line", false, c -> {
      c.readHead();
      c.write("HTTP/1.1 200 OK\r\nX-Big: ");
      byte[] block = new byte[8192];
      java.util.Arrays.fill(block, (byte) 'a');
      for (int i = 0; i < 128; i++) {
        c.write(block);
      }
      c.write("\r\n\r\n" + ok);
      c.awaitHangUp();
    }));
    cases.add(new Case("100 Continue forever", false, c -> {
      c.readHead();
      while (true) {
        c.write("HTTP/1.1 100 Continue\r\n\r\n");
        Thread.sleep(5);
      }
    }));
    // JSON escapes in a key: Gson quotes the decoded key (CR, LF, ESC) in its message; ProbeResult
    // must clean it before it reaches the log line.
    cases.add(new Case("control characters in a JSON key (log injection)", false,
        answer(200, "{\"host_type\":\"workspace\",\"\\r\\n[ERROR] forged\\u001b[2J\" 1}")));
    cases.add(new Case("HTML instead of JSON", false, answer(200, "<html><body>login</body></html>", "Content-Type: text/html")));
    return cases;
  }

  @TestFactory
  Stream<DynamicTest> everyHostileEndpoint() {
    List<Case> all = cases();
    assertThat(all).hasSizeGreaterThanOrEqualTo(20);
    return all.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
  }

  private static void check(Case c) throws Exception {
    try (HostileServer server = new HostileServer(c.behaviour())) {
      String base = (c.https() ? "https" : "http") + "://127.0.0.1:" + server.port();
      Host host = HostParser.parse(base).host();

      // 1. The probe itself: one failure and one warning, or a definitive answer and none.
      ProbeTestSupport.Warnings warnings = new ProbeTestSupport.Warnings();
      try (DiscoveryProbe probe = DiscoveryProbe.builder().settings(SETTINGS).warningSink(warnings::accept).build()) {
        long start = System.nanoTime();
        ProbeResult first = probe.probeAndWait(host);
        ProbeResult again = probe.probeAndWait(host); // from the cache: no second request or warning
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("probe time").isLessThan(NET);
        assertThat(again).isSameAs(first);
        assertThat(first.attempts()).isLessThanOrEqualTo(SETTINGS.maxAttempts());
        switch (c.expect()) {
          case FAILURE -> {
            assertThat(first.succeeded()).as("%s gave metadata %s", c.name(), first).isFalse();
            assertThat(first.answered()).as("%s counted as an answer: %s", c.name(), first).isFalse();
            awaitAtLeastOne(warnings);
            Thread.sleep(50);
            assertThat(warnings.lines).as("warnings").hasSize(1);
            String line = warnings.lines.get(0);
            assertThat(line).startsWith("[DatabricksProfile/ProbeFailed]").contains(host.baseUrl()).hasSizeLessThan(2000);
            assertThat(line.chars()).as("no control characters from the server in the log line")
                .allMatch(ch -> ch >= 0x20 && ch != 0x7f);
          }
          case PARTIAL -> {
            HostMetadata m = first.metadata().orElseThrow(() -> new AssertionError(c.name() + ": " + first));
            assertThat(m.droppedFields()).as("dropped fields of %s", c.name()).isNotEmpty();
            assertThat(m.hostType().isPresent() || m.cloud().isPresent()).as("the rest is kept").isTrue();
            for (String reason : m.droppedFields()) {
              assertThat(reason.chars()).as("no control characters in %s", reason).allMatch(ch -> ch >= 0x20 && ch != 0x7f);
              assertThat(reason).hasSizeLessThan(400);
            }
            assertThat(m.workspaceId().orElse("")).doesNotContain("\r", "\n");
            Thread.sleep(50);
            assertThat(warnings.lines).as("no ProbeFailed for usable metadata").isEmpty();
          }
          case NO_DISCOVERY -> {
            assertThat(first.noDiscovery()).as("%s: %s", c.name(), first).isTrue();
            assertThat(first.attempts()).isEqualTo(1);
            Thread.sleep(50);
            assertThat(warnings.lines).as("no ProbeFailed for a host without discovery").isEmpty();
          }
        }
      }

      // 2. Profile.open, BLOCKING and ASYNC: never throws because of the probe, never waits past it.
      // A client of its own per case gives each case its own probe and cache: the OS reuses ports,
      // and a shared probe would answer from an earlier case's cached result for the same port.
      okhttp3.OkHttpClient own = new okhttp3.OkHttpClient();
      for (BrickcheckOptions options : List.of(BLOCKING.toBuilder().httpClient(own).build(),
          ASYNC.toBuilder().httpClient(own).build())) {
        Profile profile = Profile.builder("hostile", base).defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8")
            .build(options);
        long start = System.nanoTime();
        assertDoesNotThrow(() -> profile.open("default"));
        assertDoesNotThrow(() -> profile.open("default"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Duration limit = options.probeMode() == ProbeMode.ASYNC ? Duration.ofMillis(1000) : NET;
        assertThat(took).as("%s open time", options.probeMode()).isLessThan(limit);
        assertDoesNotThrow(profile::status);
        if (c.expect() != Expect.FAILURE && options.probeMode() == ProbeMode.BLOCKING) {
          String status = profile.status().render();
          assertThat(status).contains(c.expect() == Expect.PARTIAL ? "probe dropped" : "no discovery (HTTP");
          assertThat(status).doesNotContain("\u001b");
        }
      }

      // 3. Memory: the probe never drew much more than its body cap from any connection. (Before
      // ProbeRun cancelled the call on an oversized body, OkHttp drained it for 100 ms: 34-51 MB.)
      System.out.printf("hostile[%s]: %d connection(s), at most %d bytes pushed on one%n",
          c.name(), server.connections.get(), server.maxWrittenPerConnection.get());
      assertThat(server.maxWrittenPerConnection.get()).as("bytes one connection pushed").isLessThan(MAX_PUSHED);
      assertThat(server.connections.get()).as("connections (3 probers x max attempts)")
          .isLessThanOrEqualTo(3 * SETTINGS.maxAttempts());
    }
  }

  private static void awaitAtLeastOne(ProbeTestSupport.Warnings warnings) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (warnings.lines.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }
}
