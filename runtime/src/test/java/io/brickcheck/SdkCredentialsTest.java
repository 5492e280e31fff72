package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.iam.MeRequest;
import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import java.sql.Connection;
import java.util.List;
import java.util.Properties;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Credentials#fromSdk(DatabricksConfig)} through the real Databricks SDK against the loopback
 * gateway: the SDK authenticates (PAT, OAuth M2M with its own discovery of the token endpoint),
 * Brickcheck routes, on REST, the SDK's own client and JDBC (the driver's token pass-through).
 */
class SdkCredentialsTest {
  static final String PAT = "dapiSDKCHAIN0001";
  static final String CLIENT = "sp-sdk-chain";
  static final String SECRET = "sp-SDK-CHAIN-SECRET-01";
  static final BrickcheckOptions BLOCKING = BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING).build();

  FakeGateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  FakeGateway start(String hostType) throws Exception {
    gateway = FakeGateway.builder().hostType(hostType).personalAccessToken(PAT).oauthClient(CLIENT, SECRET).start();
    return gateway;
  }

  DatabricksConnection warehouse() {
    return Profile.builder("sdk-auth", gateway.baseUrl())
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId())
        .build(BLOCKING)
        .open("default");
  }

  static DatabricksConfig m2m() {
    return new DatabricksConfig().setAuthType("oauth-m2m").setClientId(CLIENT).setClientSecret(SECRET);
  }

  List<RecordedRequest> requests(RecordedRequest.Kind kind) {
    return gateway.requests().stream().filter(r -> r.kind() == kind).toList();
  }

  int get(OkHttpClient client, String path) throws Exception {
    try (Response response = client.newCall(new Request.Builder().url(gateway.baseUrl() + path).build()).execute()) {
      return response.code();
    }
  }

  @Test
  void patThroughTheSdkAuthenticatesRestCalls() throws Exception {
    start("unified");
    OkHttpClient rest = warehouse().httpClient(
        Credentials.fromSdk(new DatabricksConfig().setAuthType("pat").setToken(PAT)));

    assertThat(get(rest, "/api/2.0/sql/warehouses")).isEqualTo(200);

    assertThat(requests(RecordedRequest.Kind.REST)).singleElement().satisfies(r -> {
      assertThat(r.authScheme()).isEqualTo("Bearer");
      assertThat(r.status()).isEqualTo(200);
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"unified", "workspace"})
  void m2mThroughTheSdkFetchesItsTokenWhereTheHostSaysAndRoutesEveryCall(String hostType) throws Exception {
    start(hostType);
    DatabricksConnection warehouse = warehouse();
    OkHttpClient rest = warehouse.httpClient(Credentials.fromSdk(m2m()));

    assertThat(get(rest, "/api/2.0/sql/warehouses")).isEqualTo(200);
    assertThat(get(rest, "/api/2.0/clusters/list")).isEqualTo(200);

    // The SDK caches its token: one token request for both calls, and none carried a workspace header.
    assertThat(gateway.tokensIssued()).isEqualTo(1);
    assertThat(requests(RecordedRequest.Kind.OAUTH)).allSatisfy(r -> assertThat(r.hasWorkspaceHeader()).isFalse());
    assertThat(requests(RecordedRequest.Kind.REST)).hasSize(2).allSatisfy(r -> {
      assertThat(r.authScheme()).isEqualTo("Bearer");
      assertThat(r.status()).isEqualTo(200);
    });
  }

  /** The SDK's token goes where Brickcheck's would: not to account APIs, OAuth paths or other hosts. */
  @Test
  void theSdksHeadersFollowTheSameRoutingRules() throws Exception {
    start("unified");
    OkHttpClient rest = warehouse().httpClient(Credentials.fromSdk(new DatabricksConfig().setAuthType("pat").setToken(PAT)));

    get(rest, "/api/2.0/accounts/" + gateway.accountId() + "/workspaces");
    get(rest, "/api/2.0/preview/accounts/" + gateway.accountId() + "/scim/v2/Users");
    get(rest, "/oidc/v1/token");
    try (FakeGateway other = FakeGateway.builder().hostType(null).start();
        Response elsewhere = rest.newCall(new Request.Builder().url(other.baseUrl() + "/api/2.0/sql/warehouses").build()).execute()) {
      assertThat(other.requests()).singleElement().satisfies(r -> {
        assertThat(r.authScheme()).isNull();
        assertThat(r.hasWorkspaceHeader()).isFalse();
      });
    }

    assertThat(gateway.requests()).filteredOn(r -> r.kind() != RecordedRequest.Kind.DISCOVERY).hasSize(3).allSatisfy(r -> {
      assertThat(r.authScheme()).isNull();
      assertThat(r.hasWorkspaceHeader()).isFalse();
    });
  }

  @Test
  void theSdkRefreshesARevokedTokenOnlyWhenItExpiresSoTheCallerSeesThe401() throws Exception {
    start("unified");
    OkHttpClient rest = warehouse().httpClient(Credentials.fromSdk(m2m()));
    assertThat(get(rest, "/api/2.0/sql/warehouses")).isEqualTo(200);

    gateway.revokeIssuedTokens();

    // SDK credentials are the SDK's to refresh: Brickcheck does not retry with a token of its own.
    assertThat(get(rest, "/api/2.0/sql/warehouses")).isEqualTo(401);
    assertThat(gateway.tokensIssued()).isEqualTo(1);
  }

  @Test
  void theSdksOwnClientAuthenticatesWithTheSameConfig() throws Exception {
    start("unified");
    DatabricksConfig config = warehouse().sdkConfig(Credentials.fromSdk(m2m()));

    String me = new WorkspaceClient(config).currentUser().me(new MeRequest()).getUserName();

    assertThat(me).isEqualTo("brickcheck-demo@example.com");
    assertThat(config.getWorkspaceId()).isEqualTo(gateway.workspaceId());
    assertThat(config.getHost()).isEqualTo(gateway.baseUrl());
    assertThat(requests(RecordedRequest.Kind.REST)).singleElement()
        .satisfies(r -> assertThat(r.workspaceIdHeader()).isEqualTo(gateway.workspaceId()));
  }

  @Test
  void jdbcPassesTheSdksTokenThroughTheRealDriver() throws Exception {
    start("unified");
    DatabricksConnection warehouse = warehouse();
    Credentials sdk = Credentials.fromSdk(m2m());

    Properties properties = warehouse.jdbcProperties(sdk);
    assertThat(properties.getProperty("AuthMech")).isEqualTo("11");
    assertThat(properties.getProperty("Auth_Flow")).isEqualTo("0");
    assertThat(properties.getProperty("Auth_AccessToken")).startsWith("fake-oauth-");
    try (Connection jdbc = warehouse.openJdbc(sdk)) {
      assertThat(jdbc.isClosed()).isFalse(); // the driver's OpenSession, authenticated by the SDK's token
    }

    assertThat(requests(RecordedRequest.Kind.THRIFT)).isNotEmpty().allSatisfy(r -> {
      assertThat(r.authScheme()).isEqualTo("Bearer");
      assertThat(r.orgId()).isEqualTo(gateway.workspaceId());
      assertThat(r.status()).isEqualTo(200);
    });
    // One SDK token for the properties and the connection: the SDK's cache, not a fetch per use.
    assertThat(gateway.tokensIssued()).isEqualTo(1);
  }

  @Test
  void aConfigForAnotherHostIsRefusedBeforeAnyTokenIsSent() throws Exception {
    start("unified");
    DatabricksConfig elsewhere = m2m().setHost("https://other.cloud.databricks.com");

    assertThatThrownBy(() -> warehouse().httpClient(Credentials.fromSdk(elsewhere)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"https://other.cloud.databricks.com\"")
        .hasMessageContaining(gateway.baseUrl())
        .hasMessageNotContaining(SECRET);
    assertThat(gateway.requests()).noneMatch(r -> r.kind() == RecordedRequest.Kind.OAUTH);
  }

  @Test
  void aConfigForTheSameHostWrittenAnotherWayIsAccepted() throws Exception {
    start("unified");
    DatabricksConfig same = m2m().setHost(gateway.baseUrl().toUpperCase(java.util.Locale.ROOT).replace("HTTP://", "http://") + "/");

    assertThat(get(warehouse().httpClient(Credentials.fromSdk(same)), "/api/2.0/sql/warehouses")).isEqualTo(200);
  }

  @Test
  void anSdkThatCannotAuthenticateFailsTheCallWithItsReasonAndNoSecret() throws Exception {
    start("unified");
    OkHttpClient rest = warehouse().httpClient(Credentials.fromSdk(
        new DatabricksConfig().setAuthType("oauth-m2m").setClientId(CLIENT).setClientSecret("wrong-SECRET-xyz")));

    assertThatThrownBy(() -> get(rest, "/api/2.0/sql/warehouses"))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("The Databricks SDK could not authenticate to " + gateway.baseUrl())
        .hasMessageNotContaining("wrong-SECRET-xyz");
    assertThat(requests(RecordedRequest.Kind.REST)).isEmpty();
  }

  @Test
  void nullCredentialsAreAClearIllegalArgument() throws Exception {
    start("unified");
    DatabricksConnection warehouse = warehouse();

    assertThatThrownBy(() -> warehouse.httpClient(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("httpClient(null): credentials are expected. Pass Credentials.token(...), Credentials.oauthM2M(...),"
            + " Credentials.fromEnvironment() or Credentials.fromSdk().");
    assertThatThrownBy(() -> warehouse.jdbcProperties(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("jdbcProperties(null): credentials are expected.");
    assertThatThrownBy(() -> warehouse.openJdbc(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("openJdbc(null): credentials are expected.");
    assertThatThrownBy(() -> warehouse.sdkConfig(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("sdkConfig(null): credentials are expected.");
    assertThatThrownBy(() -> warehouse.dataSource(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("dataSource(null): credentials are expected.");
    assertThatThrownBy(() -> Credentials.fromSdk(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Credentials.fromSdk() for the SDK's default chain");
  }

  @Test
  void sdkCredentialsShowNoSecret() {
    Credentials own = Credentials.fromSdk(m2m());

    assertThat(own.toString()).isEqualTo("Credentials[sdk, caller's DatabricksConfig]").doesNotContain(SECRET);
    assertThat(Credentials.fromSdk().toString()).isEqualTo("Credentials[sdk, default chain]");
    assertThat(own.kind()).isEqualTo(Credentials.Kind.SDK);
    assertThat(Credentials.fromSdk()).isEqualTo(Credentials.fromSdk());
    assertThat(own).isNotEqualTo(Credentials.fromSdk(m2m()));
  }

  @Test
  void theDefaultChainLeavesAuthToTheSdk() throws Exception {
    start("unified");

    DatabricksConfig config = warehouse().sdkConfig(Credentials.fromSdk());

    assertThat(config.getAuthType()).isNull();
    assertThat(config.getToken()).isNull();
    assertThat(config.getClientId()).isNull();
    assertThat(config.getHost()).isEqualTo(gateway.baseUrl());
    assertThat(config.getWorkspaceId()).isEqualTo(gateway.workspaceId());
  }
}
