package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.iam.MeRequest;
import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A profile's connections against the loopback gateway: JDBC, REST, SDK and the probe's decisions. */
class ConnectionPlumbingTest {
  static final String PAT = "dapiPLUMBINGSECRET01";
  static final String CLIENT = "sp-plumbing";
  static final String SECRET = "sp-PLUMBING-SECRET-01";
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

  Profile spog(BrickcheckOptions options) {
    return Profile.builder("analytics", gateway.baseUrl())
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId())
        .compute("cluster", "sql/protocolv1/o/" + gateway.workspaceId() + "/0123-456789-abcdefgh")
        .build(options);
  }

  List<RecordedRequest> requests(RecordedRequest.Kind kind) {
    return gateway.requests().stream().filter(r -> r.kind() == kind).toList();
  }

  @Test
  void openJdbcKeepsTheQueryAndSendsTheOrgHeaderThroughTheRealDriver() throws Exception {
    start("unified");
    DatabricksConnection warehouse = spog(BLOCKING).open("default");

    try (Connection jdbc = warehouse.openJdbc(Credentials.token(PAT))) {
      assertThat(jdbc.isClosed()).isFalse();
    }

    assertThat(requests(RecordedRequest.Kind.THRIFT)).isNotEmpty().allSatisfy(r -> {
      assertThat(r.target()).isEqualTo("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId());
      assertThat(r.orgId()).isEqualTo(gateway.workspaceId());
      assertThat(r.status()).isEqualTo(200);
    });
  }

  @Test
  void openJdbcRoutesAClusterPathWithoutQuery() throws Exception {
    start("unified");

    try (Connection jdbc = spog(BLOCKING).open("cluster").openJdbc(Credentials.token(PAT))) {
      assertThat(jdbc.isClosed()).isFalse();
    }

    assertThat(requests(RecordedRequest.Kind.THRIFT)).isNotEmpty()
        .allSatisfy(r -> assertThat(r.orgId()).isEqualTo(gateway.workspaceId()));
  }

  @Test
  void restClientSendsTokenAndHeaderToTheWorkspaceOnly() throws Exception {
    start("unified");
    OkHttpClient rest = spog(BLOCKING).open("default").httpClient(Credentials.token(PAT));

    try (Response me = rest.newCall(new Request.Builder().url(gateway.baseUrl() + "/api/2.0/preview/scim/v2/Me").build()).execute()) {
      assertThat(me.code()).isEqualTo(200);
    }
    try (FakeGateway other = FakeGateway.builder().hostType(null).start();
        Response elsewhere = rest.newCall(new Request.Builder().url(other.baseUrl() + "/presigned/object").build()).execute()) {
      assertThat(elsewhere.code()).isEqualTo(404);
      assertThat(other.requests()).singleElement().satisfies(r -> {
        assertThat(r.hasWorkspaceHeader()).isFalse();
        assertThat(r.authScheme()).isNull();
      });
    }
    // Header style AUTO: REST names the workspace as the SDKs do, not as the driver does.
    assertThat(requests(RecordedRequest.Kind.REST)).singleElement().satisfies(r -> {
      assertThat(r.workspaceIdHeader()).isEqualTo(gateway.workspaceId());
      assertThat(r.orgId()).isNull();
      assertThat(r.authScheme()).isEqualTo("Bearer");
    });
  }

  @Test
  void oauthM2mOnAUnifiedHostUsesTheAccountEndpointWithoutTheWorkspaceHeader() throws Exception {
    start("unified");
    OkHttpClient rest = spog(BrickcheckOptions.defaults()).open("default").httpClient(Credentials.oauthM2M(CLIENT, SECRET));

    try (Response warehouses = rest.newCall(new Request.Builder().url(gateway.baseUrl() + "/api/2.0/sql/warehouses").build()).execute()) {
      assertThat(warehouses.code()).isEqualTo(200);
    }

    assertThat(requests(RecordedRequest.Kind.OAUTH)).singleElement().satisfies(r -> {
      assertThat(r.path()).isEqualTo("/oidc/accounts/" + gateway.accountId() + "/v1/token");
      assertThat(r.hasWorkspaceHeader()).isFalse();
      assertThat(r.status()).isEqualTo(200);
    });
    assertThat(requests(RecordedRequest.Kind.REST)).singleElement().satisfies(r -> {
      assertThat(r.authScheme()).isEqualTo("Bearer");
      assertThat(r.workspaceIdHeader()).isEqualTo(gateway.workspaceId());
    });
  }

  @Test
  void oauthM2mOnAWorkspaceHostUsesTheWorkspaceEndpoint() throws Exception {
    start("workspace");
    Profile profile = Profile.builder("ws", gateway.baseUrl()).hostKind(HostKind.WORKSPACE)
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8").build(BLOCKING);
    OkHttpClient rest = profile.open("default").httpClient(Credentials.oauthM2M(CLIENT, SECRET));

    try (Response r = rest.newCall(new Request.Builder().url(gateway.baseUrl() + "/api/2.0/clusters/list").build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }

    assertThat(requests(RecordedRequest.Kind.OAUTH)).extracting(RecordedRequest::path).containsExactly("/oidc/v1/token");
  }

  @Test
  void sdkConfigCarriesTheWorkspaceIdOnRealSdkCalls() throws Exception {
    start("unified");

    var config = spog(BLOCKING).open("default").sdkConfig(Credentials.token(PAT));
    new WorkspaceClient(config).currentUser().me(new MeRequest());

    assertThat(requests(RecordedRequest.Kind.REST)).singleElement()
        .satisfies(r -> assertThat(r.workspaceIdHeader()).isEqualTo(gateway.workspaceId()));
  }

  @Test
  void blockingProbeOnAUnifiedHostWarnsWhenNoComputeNamesAWorkspace() throws Exception {
    start("unified");
    Profile profile = Profile.builder("no-id", gateway.baseUrl()).defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8").build(BLOCKING);

    profile.open("default");

    assertThat(profile.status().problems()).extracting(Problem::code).containsExactly(Code.MissingWorkspaceId);
    assertThat(requests(RecordedRequest.Kind.DISCOVERY)).hasSize(1);
  }

  @Test
  void strictModeTurnsTheHostsAnswerIntoAnError() throws Exception {
    start("unified");
    Profile profile = Profile.builder("no-id-strict", gateway.baseUrl()).defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8")
        .build(BrickcheckOptions.builder().strict(true).build());

    assertThatThrownBy(() -> profile.open("default"))
        .isInstanceOf(DatabricksProfileException.class)
        .hasMessageStartingWith("[DatabricksProfile/MissingWorkspaceId] host \"127.0.0.1\" says it is a unified (SPOG) host");
    assertThatThrownBy(() -> profile.open("default")).isInstanceOf(DatabricksProfileException.class);
  }

  @Test
  void aPerWorkspaceAnswerMakesAnIdStray() throws Exception {
    start("workspace");
    Profile profile = spog(BLOCKING);

    profile.open("default");

    assertThat(profile.status().problems()).extracting(Problem::code).containsExactly(Code.StrayWorkspaceId);
  }

  @Test
  void asyncOpenDecidesWhenTheProbeCompletes() throws Exception {
    start("unified");
    Profile profile = Profile.builder("async-no-id", gateway.baseUrl()).defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8")
        .build(BrickcheckOptions.builder().probeSuccessTtl(Duration.ofMinutes(5)).build());

    profile.open("default");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (profile.status().problems().isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    assertThat(profile.status().problems()).extracting(Problem::code).containsExactly(Code.MissingWorkspaceId);
  }

  @Test
  void probeOffAsksNothing() throws Exception {
    start("unified");
    Profile profile = spog(BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build());

    profile.open("default");
    profile.open("cluster");

    assertThat(gateway.requests()).isEmpty();
    assertThat(profile.status().render()).contains("never (probe OFF)");
  }

  @Test
  void aFailedProbeNeverThrowsEvenInStrictMode() throws Exception {
    start(null); // discovery answers 404: "no discovery here", a definitive answer, not a failure
    Profile profile = spog(BrickcheckOptions.builder().strict(true).build());

    assertThat(profile.open("default").computeName()).isEqualTo("default");
    assertThat(profile.status().render()).contains("probed no discovery (HTTP 404");
  }

  @Test
  void statusShowsHostKindsComputesDriverSdkAndRouting() throws Exception {
    start("unified");
    Profile profile = spog(BLOCKING);
    profile.open("default");

    String text = profile.status().render();
    String json = profile.status().toJson();

    assertThat(text)
        .contains("profile            analytics")
        .contains("host               " + gateway.baseUrl())
        .contains("probed unified, account " + gateway.accountId())
        .contains("compute cluster    sql/protocolv1/o/" + gateway.workspaceId() + "/0123-456789-abcdefgh  ->  workspace " + gateway.workspaceId() + " (CLUSTER_PATH)")
        .contains("jdbc driver        com.databricks:databricks-jdbc:3.4.5, keeps ?o= (supported)")
        .contains("sdk                com.databricks:databricks-sdk-java:0.141.0, has setWorkspaceId (supported)")
        .contains("REST   X-Databricks-Workspace-Id: " + gateway.workspaceId())
        .contains("style  AUTO: each channel as its own client names it (REST and SDK X-Databricks-Workspace-Id, JDBC x-databricks-org-id)")
        .contains("problems           none");
    assertThat(com.google.gson.JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("probe").get("hostType").getAsString())
        .isEqualTo("unified");
  }
}
