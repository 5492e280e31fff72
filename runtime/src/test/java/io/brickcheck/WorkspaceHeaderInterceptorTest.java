package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.Host;
import io.brickcheck.internal.rules.HostParser;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceHeaderInterceptorTest {
  @StartStop final MockWebServer workspace = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();

  Host host;

  @BeforeEach
  void setUp() {
    host = HostParser.parse("http://" + workspace.getHostName() + ":" + workspace.getPort()).host();
  }

  OkHttpClient client(HeaderStyle style) {
    return new OkHttpClient.Builder().addInterceptor(new WorkspaceHeaderInterceptor(host, "6436897454825492", style)).build();
  }

  RecordedRequest call(OkHttpClient client, MockWebServer server, String path, String... headers) throws Exception {
    server.enqueue(new MockResponse.Builder().body("{}").build());
    Request.Builder request = new Request.Builder().url(server.url(path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try (Response response = client.newCall(request.build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    return server.takeRequest();
  }

  @Test
  void addsTheOrgIdHeaderToApiCallsForTheProfileHost() throws Exception {
    RecordedRequest r = call(client(HeaderStyle.ORG_ID), workspace, "/api/2.0/clusters/list");

    assertThat(r.getHeaders().get("X-Databricks-Org-Id")).isEqualTo("6436897454825492");
    assertThat(r.getHeaders().get("X-Databricks-Workspace-Id")).isNull();
  }

  @ParameterizedTest
  @EnumSource(HeaderStyle.class)
  void sendsTheHeadersOfEachStyle(HeaderStyle style) throws Exception {
    RecordedRequest r = call(client(style), workspace, "/api/2.0/sql/warehouses");

    // AUTO is the SDKs' header on REST.
    assertThat(r.getHeaders().get("X-Databricks-Org-Id") != null).isEqualTo(style == HeaderStyle.ORG_ID || style == HeaderStyle.BOTH);
    assertThat(r.getHeaders().get("X-Databricks-Workspace-Id") != null).isEqualTo(style != HeaderStyle.ORG_ID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/oidc/v1/token", "/oidc/accounts/abc/v1/token", "/OIDC/v1/token", "/%6Fidc/v1/token", "/.well-known/databricks-config"})
  void neverSendsItToOAuthOrDiscoveryPaths(String path) throws Exception {
    RecordedRequest r = call(client(HeaderStyle.BOTH), workspace, path);

    assertThat(r.getHeaders().get("X-Databricks-Org-Id")).isNull();
    assertThat(r.getHeaders().get("X-Databricks-Workspace-Id")).isNull();
  }

  @Test
  void neverSendsItToAnotherHost() throws Exception {
    RecordedRequest r = call(client(HeaderStyle.BOTH), elsewhere, "/bucket/object?X-Amz-Signature=abc");

    assertThat(r.getHeaders().get("X-Databricks-Org-Id")).isNull();
    assertThat(r.getHeaders().get("X-Databricks-Workspace-Id")).isNull();
  }

  @Test
  void theCallersHeaderWinsWhateverItsCase() throws Exception {
    RecordedRequest r = call(client(HeaderStyle.BOTH), workspace, "/api/2.0/jobs/list",
        "x-databricks-org-id", "111", "X-DATABRICKS-WORKSPACE-ID", "222");

    assertThat(r.getHeaders().values("X-Databricks-Org-Id")).containsExactly("111");
    assertThat(r.getHeaders().values("X-Databricks-Workspace-Id")).containsExactly("222");
  }

  @Test
  void refusesAnIdThatIsNotDigits() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new WorkspaceHeaderInterceptor(host, "1\r\nX-Evil: 1", HeaderStyle.ORG_ID))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bearerTokenGoesOnlyToTheProfileHost() throws Exception {
    OkHttpClient client = new OkHttpClient.Builder().addInterceptor(new BearerAuthInterceptor(host, () -> "dapiSECRET")).build();

    assertThat(call(client, workspace, "/api/2.0/clusters/list").getHeaders().get("Authorization")).isEqualTo("Bearer dapiSECRET");
    assertThat(call(client, elsewhere, "/bucket/object").getHeaders().get("Authorization")).isNull();
    assertThat(call(client, workspace, "/api/2.0/x", "Authorization", "Bearer mine").getHeaders().values("Authorization"))
        .containsExactly("Bearer mine");
  }


  /** Servers that merge slashes (nginx by default) route {@code //oidc/} to {@code /oidc/}. */
  @ParameterizedTest
  @ValueSource(strings = {"//oidc/v1/token", "///OIDC/accounts/a/v1/token", "//.well-known/databricks-config"})
  void emptyLeadingSegmentsDoNotHideOAuthOrDiscovery(String path) {
    // Built by concatenation on a loopback base: MockWebServer.url("//oidc") would name host "oidc".
    assertThat(WorkspaceHeaderInterceptor.isOAuthOrDiscovery(okhttp3.HttpUrl.get("http://127.0.0.1:1" + path))).isTrue();
  }
}
