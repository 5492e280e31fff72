package io.brickcheck.internal.probe;

import static io.brickcheck.internal.probe.ProbeTestSupport.UNIFIED;
import static io.brickcheck.internal.probe.ProbeTestSupport.fastSettings;
import static io.brickcheck.internal.probe.ProbeTestSupport.hostOf;
import static io.brickcheck.internal.probe.ProbeTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Nothing of the caller's client (credentials, workspace headers, cookies) reaches the probe. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProbeIsolationTest {
  private static final String SECRET = "dapi0123456789abcdef-SECRET";

  @StartStop final MockWebServer server = new MockWebServer();

  private final ProbeTestSupport.Warnings warnings = new ProbeTestSupport.Warnings();

  /** A client as a caller would share it: every way it could add a credential or an id. */
  private final OkHttpClient callersClient =
      new OkHttpClient.Builder()
          .addInterceptor(
              chain ->
                  chain.proceed(
                      chain.request().newBuilder()
                          .header("Authorization", "Bearer " + SECRET)
                          .header("X-Databricks-Org-Id", "6436897454825492")
                          .build()))
          .addNetworkInterceptor(
              chain ->
                  chain.proceed(
                      chain.request().newBuilder()
                          .header("X-Databricks-Workspace-Id", "6436897454825492")
                          .build()))
          .cookieJar(
              new CookieJar() {
                @Override
                public void saveFromResponse(HttpUrl url, List<Cookie> cookies) {}

                @Override
                public List<Cookie> loadForRequest(HttpUrl url) {
                  return List.of(Cookie.parse(url, "session=" + SECRET));
                }
              })
          .authenticator(
              (route, response) ->
                  response.request().newBuilder().header("Authorization", "Bearer " + SECRET).build())
          .build();

  private final DiscoveryProbe probe =
      DiscoveryProbe.builder()
          .httpClient(callersClient)
          .settings(fastSettings())
          .warningSink(warnings::accept)
          .build();

  @AfterEach
  void tearDown() {
    probe.close();
    callersClient.connectionPool().evictAll();
  }

  @Test
  void probeRequestCarriesNoCredentialWorkspaceHeaderOrCookie() throws Exception {
    server.enqueue(json(UNIFIED));

    assertThat(probe.probeAndWait(hostOf(server)).succeeded()).isTrue();

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(request.getHeaders().names())
        .doesNotContainAnyElementsOf(
            List.of("Authorization", "X-Databricks-Org-Id", "X-Databricks-Workspace-Id", "Cookie"))
        .map(String::toLowerCase)
        .doesNotContain(
            "authorization", "x-databricks-org-id", "x-databricks-workspace-id", "cookie");
    assertThat(request.getHeaders().toString()).doesNotContain(SECRET);
  }

  @Test
  void unauthorizedIsAnAnswerNotAChallenge() {
    // The caller's authenticator would retry with the token; the probe must not.
    server.enqueue(new MockResponse.Builder().code(401).setHeader("WWW-Authenticate", "Bearer").build());
    server.enqueue(json(UNIFIED));

    ProbeResult r = probe.probeAndWait(hostOf(server));

    assertThat(r.failureReason()).contains("HTTP 401");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void callersClientIsLeftAsItWas() {
    assertThat(callersClient.interceptors()).hasSize(1);
    assertThat(callersClient.networkInterceptors()).hasSize(1);
    assertThat(callersClient.followRedirects()).isTrue();
  }

  @Test
  void warningAndResultNeverContainASecretTheServerEchoes() {
    // A hostile or broken gateway echoes secrets in its body, headers and status line.
    server.enqueue(
        new MockResponse.Builder()
            .code(400)
            .status("HTTP/1.1 400 token " + SECRET)
            .setHeader("X-Echo", SECRET)
            .body("{\"error\":\"bad token " + SECRET + "\"}")
            .build());

    ProbeResult r = probe.probeAndWait(hostOf(server));

    assertThat(r.failureReason()).contains("HTTP 400");
    assertThat(warnings.lines).hasSize(1);
    assertThat(warnings.lines.get(0))
        .startsWith("[DatabricksProfile/ProbeFailed] discovery for host \"http://127.0.0.1:")
        .contains("failed: HTTP 400. ")
        .contains("declare hostKind")
        .contains("probe mode to OFF")
        .doesNotContain(SECRET);
    assertThat(r.toString()).doesNotContain(SECRET);
  }
}
