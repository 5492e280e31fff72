package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.core.DatabricksConfig;
import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.FakeGateway.Signature;
import io.brickcheck.gateway.RecordedRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The symptoms of a unified host, produced by the loopback gateway, recognised end to end: on real
 * OkHttp calls through {@code httpClient()} (one tagged WARN line per host and code) and on the real
 * driver's exceptions from {@code openJdbc()} (a suppressed hint).
 */
class FailureSignaturesTest {
  static final String PAT = "dapiSIGNATURES0001";
  static final String CLIENT = "sp-signatures";
  static final String SECRET = "sp-SIGNATURES-SECRET";
  static final BrickcheckOptions BLOCKING = BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING).build();

  FakeGateway gateway;
  PrintStream err;
  ByteArrayOutputStream captured;

  @BeforeEach
  void captureLog() {
    FailureSignatures.forgetLogged();
    err = System.err;
    captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    System.setErr(err);
    if (gateway != null) {
      gateway.close();
    }
  }

  String log() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  long logLines(String tag) {
    return log().lines().filter(l -> l.contains(tag)).count();
  }

  void start(Signature signature) throws Exception {
    gateway = FakeGateway.builder().personalAccessToken(PAT).oauthClient(CLIENT, SECRET).signature(signature).start();
  }

  /** A unified host and a path without ?o=: the run-time check warns, calls go out unrouted. */
  DatabricksConnection unrouted() {
    return Profile.builder("unrouted", gateway.baseUrl()).defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8").build(BLOCKING).open("default");
  }

  DatabricksConnection routed() {
    return Profile.builder("routed", gateway.baseUrl())
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId()).build(BLOCKING).open("default");
  }

  static Response get(OkHttpClient client, String url) throws Exception {
    return client.newCall(new Request.Builder().url(url).build()).execute();
  }

  @Test
  void aRedirectToTheLoginPageOnAnApiCallIsNamedOncePerHost() throws Exception {
    start(Signature.LOGIN_REDIRECT);
    OkHttpClient rest = unrouted().httpClient(Credentials.token(PAT));

    for (int i = 0; i < 3; i++) {
      try (Response response = get(rest, gateway.baseUrl() + "/api/2.0/sql/warehouses")) {
        // OkHttp followed the 303: the caller holds an HTML page, the symptom users report.
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.priorResponse().code()).isEqualTo(303);
      }
    }

    assertThat(logLines("[DatabricksProfile/LoginRedirect]")).isEqualTo(1);
    assertThat(log()).contains("[DatabricksProfile/LoginRedirect] GET /api/2.0/sql/warehouses on " + gateway.baseUrl()
        + " was redirected (HTTP 303) to the sign-in page \"/login\", and the call carried no workspace routing"
        + " (no X-Databricks-Workspace-Id or X-Databricks-Org-Id header, no ?o=). A unified host sends calls that"
        + " name no workspace to its sign-in page; a workspace header is expected. Add ?o=<workspace-id> to the"
        + " profile's http path (the id is in the workspace URL), so that Brickcheck sends the workspace header.");
  }

  @Test
  void aRedirectIsNamedWhenTheCallerFollowsNoRedirectsToo() throws Exception {
    start(Signature.LOGIN_REDIRECT);
    OkHttpClient rest = unrouted().httpClient(Credentials.token(PAT)).newBuilder().followRedirects(false).build();

    try (Response response = get(rest, gateway.baseUrl() + "/api/2.0/clusters/list")) {
      assertThat(response.code()).isEqualTo(303);
    }

    assertThat(log()).contains("[DatabricksProfile/LoginRedirect] GET /api/2.0/clusters/list on ");
  }

  /** Account APIs take no workspace header, so a redirect there gets no routing advice. */
  @Test
  void anAccountApiCallGetsNoRoutingHint() throws Exception {
    start(Signature.LOGIN_REDIRECT);
    OkHttpClient rest = routed().httpClient(Credentials.token(PAT));

    try (Response response = get(rest, gateway.baseUrl() + "/api/2.0/accounts/" + gateway.accountId() + "/workspaces")) {
      assertThat(response.code()).isIn(200, 303, 401, 404);
    }

    assertThat(log()).doesNotContain("LoginRedirect");
  }

  @Test
  void aRoutedCallIsNeverRedirectedSoNothingIsLogged() throws Exception {
    start(Signature.LOGIN_REDIRECT);
    OkHttpClient rest = routed().httpClient(Credentials.token(PAT));

    try (Response response = get(rest, gateway.baseUrl() + "/api/2.0/sql/warehouses")) {
      assertThat(response.code()).isEqualTo(200);
    }

    assertThat(log()).doesNotContain("LoginRedirect").doesNotContain("OAuthConfigNotLoaded");
  }

  @Test
  void unableToLoadOAuthConfigIsNamedWithItsCause() throws Exception {
    start(Signature.OAUTH_CONFIG_NOT_LOADED);
    OkHttpClient rest = unrouted().httpClient(Credentials.token(PAT));

    try (Response response = get(rest, gateway.baseUrl() + "/api/2.0/sql/warehouses")) {
      assertThat(response.code()).isEqualTo(400);
      // The hint only peeks: the caller still reads the whole body.
      assertThat(response.body().string()).contains("Unable to load OAuth Config");
    }

    assertThat(log()).contains("[DatabricksProfile/OAuthConfigNotLoaded] GET /api/2.0/sql/warehouses on "
        + gateway.baseUrl() + " failed with \"Unable to load OAuth Config\", and it named no workspace. On a"
        + " unified host every workspace API needs the workspace named; a workspace header is expected. Add"
        + " ?o=<workspace-id> to the profile's http path");
  }

  @Test
  void aTokenFromTheHostLevelOidcIsNamedOnRestCalls() throws Exception {
    start(Signature.HOST_LEVEL_TOKEN_REFUSED);
    DatabricksConnection warehouse = routed();
    // An SDK pointed at the host-level issuer, as older clients did on unified hosts.
    DatabricksConfig hostLevel = new DatabricksConfig().setAuthType("oauth-m2m").setClientId(CLIENT).setClientSecret(SECRET)
        .setDiscoveryUrl(gateway.baseUrl() + "/oidc/.well-known/oauth-authorization-server");
    OkHttpClient rest = warehouse.httpClient(Credentials.fromSdk(hostLevel));

    try (Response response = get(rest, gateway.baseUrl() + "/api/2.0/sql/warehouses")) {
      assertThat(response.code()).isEqualTo(401);
    }

    assertThat(gateway.requests()).anySatisfy(r -> {
      assertThat(r.path()).isEqualTo("/oidc/v1/token");
      assertThat(r.status()).isEqualTo(200);
    });
    // The account id is the probe's; on a loaded machine the probe may time out, and the message
    // then says <account-id>.
    assertThat(log()).contains("[DatabricksProfile/HostLevelToken] GET /api/2.0/sql/warehouses answered HTTP 401 on "
        + gateway.baseUrl() + " with \"Invalid Token\". On a unified host a token minted by the host-level "
        + gateway.baseUrl() + "/oidc is refused; a token of the account-rooted issuer " + gateway.baseUrl() + "/oidc/accounts/");
    assertThat(log()).containsPattern("is expected. Get tokens from " + java.util.regex.Pattern.quote(gateway.baseUrl())
        + "/oidc/accounts/(" + gateway.accountId() + "|<account-id>)/v1/token: Credentials.oauthM2M does so on unified hosts");
  }

  @Test
  void theFixThatHostLevelTokenProposesWorks() throws Exception {
    start(Signature.HOST_LEVEL_TOKEN_REFUSED);
    OkHttpClient rest = routed().httpClient(Credentials.oauthM2M(CLIENT, SECRET));

    try (Response response = get(rest, gateway.baseUrl() + "/api/2.0/sql/warehouses")) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(log()).doesNotContain("HostLevelToken");
  }

  @Test
  void aWorkspaceHeaderOnATokenEndpointIsNamed() throws Exception {
    start(Signature.NONE);
    OkHttpClient rest = routed().httpClient(Credentials.token(PAT));
    // Brickcheck never adds the header under /oidc/; a caller's own request may.
    Request token = new Request.Builder()
        .url(gateway.baseUrl() + "/oidc/accounts/" + gateway.accountId() + "/v1/token")
        .header("X-Databricks-Org-Id", gateway.workspaceId())
        .header("Authorization", okhttp3.Credentials.basic(CLIENT, SECRET))
        .post(new FormBody.Builder().add("grant_type", "client_credentials").add("scope", "all-apis").build())
        .build();

    try (Response response = rest.newCall(token).execute()) {
      assertThat(response.code()).isEqualTo(400);
    }

    assertThat(log()).contains("[DatabricksProfile/WorkspaceHeaderOnTokenEndpoint] POST /oidc/accounts/"
        + gateway.accountId() + "/v1/token on " + gateway.baseUrl() + " answered HTTP 400 to a request that carried"
        + " a workspace header (X-Databricks-Org-Id). Token endpoints take no workspace header; a unified host"
        + " refuses one.");
    assertThat(log()).doesNotContain(SECRET);
  }

  @Test
  void openJdbcAttachesTheHintForInvalidToken() throws Exception {
    start(Signature.HOST_LEVEL_TOKEN_REFUSED);
    String hostLevelToken = hostLevelToken();

    assertThatThrownBy(() -> routed().openJdbc(Credentials.token(hostLevelToken)).close())
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(Arrays.stream(e.getSuppressed()).map(Throwable::getMessage))
            .singleElement().asString().contains("[DatabricksProfile/HostLevelToken] Opening a JDBC session failed on "
                + gateway.baseUrl() + " with \"Invalid Token\"."));
    assertThat(logLines("[DatabricksProfile/HostLevelToken]")).isEqualTo(1);
    assertThat(gateway.requests()).anySatisfy(r -> {
      assertThat(r.kind()).isEqualTo(RecordedRequest.Kind.THRIFT);
      assertThat(r.status()).isEqualTo(401);
    });
  }

  @Test
  void openJdbcAttachesTheHintWhenTheSessionGotTheSignInPage() throws Exception {
    start(Signature.LOGIN_REDIRECT);

    assertThatThrownBy(() -> unrouted().openJdbc(Credentials.token(PAT)).close())
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(Arrays.stream(e.getSuppressed()).map(Throwable::getMessage))
            .singleElement().asString().startsWith("[DatabricksProfile/LoginRedirect] Opening a JDBC session on "
                + gateway.baseUrl() + " got no Thrift answer, and the connection named no workspace"));
    // The driver followed the redirect to the sign-in page.
    assertThat(gateway.requests()).anySatisfy(r -> {
      assertThat(r.kind()).isEqualTo(RecordedRequest.Kind.THRIFT);
      assertThat(r.status()).isEqualTo(303);
    }).anySatisfy(r -> assertThat(r.path()).isEqualTo("/login"));
  }

  @Test
  void openJdbcAttachesTheHintForUnableToLoadOAuthConfig() throws Exception {
    start(Signature.OAUTH_CONFIG_NOT_LOADED);

    assertThatThrownBy(() -> unrouted().openJdbc(Credentials.token(PAT)).close())
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(Arrays.stream(e.getSuppressed()).map(Throwable::getMessage))
            .singleElement().asString().startsWith("[DatabricksProfile/OAuthConfigNotLoaded] Opening a JDBC session on "));
  }

  @Test
  void anOrdinaryRefusalGetsNoHint() throws Exception {
    start(Signature.NONE);

    assertThatThrownBy(() -> routed().openJdbc(Credentials.token("dapi-wrong")).close())
        .isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
    try (Response response = get(routed().httpClient(Credentials.token("dapi-wrong")), gateway.baseUrl() + "/api/2.0/sql/warehouses")) {
      assertThat(response.code()).isEqualTo(401);
    }
    assertThat(log()).doesNotContain("[DatabricksProfile/HostLevelToken]").doesNotContain("LoginRedirect");
  }

  /** A token from the host-level issuer, fetched as an older client would. */
  String hostLevelToken() throws Exception {
    Request request = new Request.Builder()
        .url(gateway.baseUrl() + "/oidc/v1/token")
        .header("Authorization", okhttp3.Credentials.basic(CLIENT, SECRET))
        .post(new FormBody.Builder().add("grant_type", "client_credentials").add("scope", "all-apis").build())
        .build();
    try (Response response = new OkHttpClient().newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(200);
      String body = response.body().string();
      return com.google.gson.JsonParser.parseString(body).getAsJsonObject().get("access_token").getAsString();
    }
  }
}
