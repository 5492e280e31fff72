package io.brickcheck.internal.probe;

import static io.brickcheck.internal.probe.ProbeTestSupport.UNIFIED;
import static io.brickcheck.internal.probe.ProbeTestSupport.fastSettings;
import static io.brickcheck.internal.probe.ProbeTestSupport.hostOf;
import static io.brickcheck.internal.probe.ProbeTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the probe makes of the answers a real HTTP server gives it. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProbeMetadataTest {
  @StartStop final MockWebServer server = new MockWebServer();

  private final ProbeTestSupport.Warnings warnings = new ProbeTestSupport.Warnings();
  private DiscoveryProbe probe;

  @BeforeEach
  void setUp() {
    probe = DiscoveryProbe.builder().settings(fastSettings()).warningSink(warnings::accept).build();
  }

  @AfterEach
  void tearDown() {
    probe.close();
  }

  private ProbeResult probeWith(MockResponse response) {
    server.enqueue(response);
    return probe.probeAndWait(hostOf(server));
  }

  @Test
  void unifiedHostGivesAccountIdAndFillsTheOidcPlaceholder() throws Exception {
    ProbeResult r = probeWith(json(UNIFIED));

    assertThat(r.succeeded()).isTrue();
    HostMetadata m = r.metadata().orElseThrow();
    assertThat(m.hostType()).contains(HostType.UNIFIED);
    assertThat(m.accountId()).contains("7a99b43c-b46c-432b-b0a7-814217701909");
    assertThat(m.oidcEndpoint())
        .contains(
            "https://peco.azuredatabricks.net/oidc/accounts/7a99b43c-b46c-432b-b0a7-814217701909");
    assertThat(m.cloud()).contains("azure");
    assertThat(m.tokenFederationDefaultOidcAudiences()).containsExactly("a1", "a2");
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(r.failureReason()).isEmpty();
    assertThat(warnings.lines).isEmpty();

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/.well-known/databricks-config");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
  }

  @Test
  void workspaceHostGivesItsWorkspaceIdInCanonicalForm() {
    ProbeResult r =
        probeWith(json("{\"host_type\":\"workspace\",\"workspace_id\":\"006436897454825492\"}"));

    HostMetadata m = r.metadata().orElseThrow();
    assertThat(m.hostType()).contains(HostType.WORKSPACE);
    assertThat(m.workspaceId()).contains("6436897454825492");
    assertThat(m.accountId()).isEmpty();
    assertThat(m.oidcEndpoint()).isEmpty();
    assertThat(m.tokenFederationDefaultOidcAudiences()).isEmpty();
  }

  @Test
  void accountHostIsRecognised() {
    ProbeResult r = probeWith(json("{\"host_type\":\"account\",\"account_id\":\"abc-123\"}"));

    assertThat(r.metadata().orElseThrow().hostType()).contains(HostType.ACCOUNT);
  }

  @Test
  void hostTypeComparesCaseInsensitively() {
    ProbeResult r = probeWith(json("{\"host_type\":\"UniFied\"}"));

    assertThat(r.metadata().orElseThrow().hostType()).contains(HostType.UNIFIED);
    assertThat(r.metadata().orElseThrow().rawHostType()).contains("UniFied");
  }

  @Test
  void unknownFieldsAreIgnoredWhateverTheirShape() {
    ProbeResult r =
        probeWith(
            json(
                "{\"future\":{\"nested\":[1,2,{\"x\":null}]},\"host_type\":\"workspace\","
                    + "\"flag\":true,\"n\":1.5e3,\"workspace_id\":123}"));

    assertThat(r.succeeded()).isTrue();
    assertThat(r.metadata().orElseThrow().workspaceId()).contains("123");
  }

  @Test
  void aHostTypeWeDoNotKnowIsKeptRawButGivesNoType() {
    ProbeResult r = probeWith(json("{\"host_type\":\"hybrid\"}"));

    assertThat(r.metadata().orElseThrow().hostType()).isEmpty();
    assertThat(r.metadata().orElseThrow().rawHostType()).contains("hybrid");
  }

  @Test
  void nonJsonBodyIsAFailureWithAReason() {
    ProbeResult r = probeWith(json("<html>Sign in</html>"));

    assertThat(r.succeeded()).isFalse();
    assertThat(r.failureReason().orElseThrow()).startsWith("the body is not valid JSON");
    assertThat(warnings.lines).hasSize(1);
  }

  @Test
  void jsonArrayIsAFailure() {
    ProbeResult r = probeWith(json("[{\"host_type\":\"unified\"}]"));

    assertThat(r.failureReason()).contains("the body is a JSON array, not a JSON object");
  }

  @Test
  void wrongTypedFieldIsDroppedAndNamedTheRestUsed() {
    ProbeResult r = probeWith(json("{\"host_type\":[\"unified\"],\"account_id\":\"acc-1\"}"));

    HostMetadata m = r.metadata().orElseThrow();
    assertThat(m.hostType()).isEmpty();
    assertThat(m.accountId()).contains("acc-1");
    assertThat(m.droppedFields()).containsExactly("field \"host_type\" is a JSON array, not a string");
  }

  @Test
  void bodyOverTheCapIsRefusedWithoutContentLength() {
    // Chunked: no Content-Length to refuse up front, so the capped read must catch it.
    String big = "{\"pad\":\"" + "x".repeat(70 * 1024) + "\"}";
    ProbeResult r =
        probeWith(
            new MockResponse.Builder()
                .chunkedBody(new Buffer().writeString(big, StandardCharsets.UTF_8), 4096)
                .build());

    assertThat(r.failureReason()).contains("body larger than 64 KiB");
  }

  @Test
  void bodyOverTheCapIsRefusedByItsContentLength() {
    ProbeResult r = probeWith(json("{\"pad\":\"" + "x".repeat(65 * 1024) + "\"}"));

    assertThat(r.failureReason()).contains("body larger than 64 KiB");
  }

  @Test
  void bodyExactlyAtTheCapIsRead() {
    String head = "{\"host_type\":\"workspace\",\"pad\":\"";
    String tail = "\"}";
    String body = head + "x".repeat(64 * 1024 - head.length() - tail.length()) + tail;
    assertThat(body).hasSize(64 * 1024);

    ProbeResult r = probeWith(json(body));

    assertThat(r.metadata().orElseThrow().hostType()).contains(HostType.WORKSPACE);
  }

  @Test
  void gzippedBodyIsCappedAfterDecompression() {
    // 1 MiB of spaces compresses to about 1 KiB: the cap must apply to what is parsed.
    Buffer gz = new Buffer();
    try (okio.BufferedSink sink = okio.Okio.buffer(new okio.GzipSink(gz))) {
      sink.writeUtf8("{\"host_type\":\"workspace\"}").writeUtf8(" ".repeat(1 << 20));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    ProbeResult r =
        probeWith(new MockResponse.Builder().setHeader("Content-Encoding", "gzip").body(gz).build());

    assertThat(r.failureReason()).contains("body larger than 64 KiB");
  }
}
