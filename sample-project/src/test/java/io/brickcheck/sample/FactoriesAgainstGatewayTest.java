package io.brickcheck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.Credentials;
import io.brickcheck.DatabricksConnection;
import io.brickcheck.HostKind;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;
import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.gateway.RecordedRequest.Kind;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sample's generated profiles against a loopback gateway playing a SPOG host.
 *
 * <p>The factories declare the demo's fixed port; so that these tests never depend on that port
 * being free, each test starts its own gateway on a free port and builds the same profile from the
 * factory's generated constants ({@code HOST} swapped for the gateway's URL, every http path and
 * compute name as generated). {@link GeneratedFactoryTest} covers the factories' own methods
 * without the network.
 */
class FactoriesAgainstGatewayTest {
  static final String TOKEN = "dapi-sample-test-token";
  static final String CLIENT = "sample-sp";
  static final String SECRET = "sample-sp-secret";
  static final BrickcheckOptions BLOCKING = BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING).build();

  FakeGateway gateway;
  DatabricksConnection warehouse;
  DatabricksConnection cluster;

  @BeforeEach
  void start() throws Exception {
    gateway = FakeGateway.builder().personalAccessToken(TOKEN).oauthClient(CLIENT, SECRET).start();
    Profile analytics = Profile.builder(AnalyticsConnectionFactory.PROFILE_NAME, gateway.baseUrl())
        .hostKind(HostKind.SPOG)
        .defaultHttpPath(AnalyticsConnectionFactory.DEFAULT_HTTP_PATH)
        .compute("etl-cluster", AnalyticsConnectionFactory.ETL_CLUSTER_HTTP_PATH)
        .build(BLOCKING);
    assertThat(analytics.computeNames()).isEqualTo(AnalyticsConnectionFactory.computeNames());
    warehouse = analytics.open("default");
    cluster = analytics.open("etl-cluster");
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  List<RecordedRequest> requests(Kind kind) {
    return gateway.requests().stream().filter(r -> r.kind() == kind).toList();
  }

  @Test
  void theDataSourceOfAJdbcUrlProfileRoutesItsSessions() throws Exception {
    String url = Orders.ORDERS_DB.replace(":" + Hosts.DEMO_PORT + "/", ":" + gateway.port() + "/");
    DatabricksConnection orders = Profile.fromJdbcUrl(url, BLOCKING).open("default");
    java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();

    Main.pooled(orders, Credentials.token(TOKEN), false, new java.io.PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8));

    assertThat(text.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("compute default: session open on /sql/1.0/warehouses/0f0f0f0f0f0f0f0f?o=" + Hosts.WORKSPACE_ID);
    assertThat(requests(Kind.THRIFT)).isNotEmpty().allSatisfy(r -> {
      assertThat(r.target()).isEqualTo("/sql/1.0/warehouses/0f0f0f0f0f0f0f0f?o=" + Hosts.WORKSPACE_ID);
      assertThat(r.orgId()).isEqualTo(Hosts.WORKSPACE_ID);
      assertThat(r.status()).isEqualTo(200);
    });
  }

  @Test
  void jdbcThriftKeepsTheQueryAndCarriesTheOrgHeader() throws Exception {
    WorkspaceInventory inventory = new WorkspaceInventory(warehouse, cluster, Credentials.token(TOKEN), Credentials.token(TOKEN));

    assertThat(inventory.openSessions(false)).hasSize(2);

    List<RecordedRequest> thrift = requests(Kind.THRIFT);
    assertThat(thrift).extracting(RecordedRequest::target).contains(
        "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + Hosts.WORKSPACE_ID,
        "/sql/protocolv1/o/" + Hosts.WORKSPACE_ID + "/0123-456789-abcdefgh");
    assertThat(thrift).allSatisfy(r -> {
      assertThat(r.orgId()).isEqualTo(Hosts.WORKSPACE_ID);
      assertThat(r.status()).isEqualTo(200);
    });
  }

  @Test
  void restCallsCarryTheHeaderAndTheTokenAndDiscoveryRequestsDoNot() throws Exception {
    WorkspaceInventory inventory = new WorkspaceInventory(warehouse, cluster, Credentials.oauthM2M(CLIENT, SECRET), Credentials.token(TOKEN));

    assertThat(inventory.currentUserByRest()).isEqualTo("brickcheck-demo@example.com");
    assertThat(inventory.warehouseNames()).containsExactly("Demo warehouse");
    assertThat(inventory.clusterNames()).containsExactly("Demo cluster");

    assertThat(requests(Kind.REST)).hasSize(3).allSatisfy(r -> {
      assertThat(r.workspaceIdHeader()).isEqualTo(Hosts.WORKSPACE_ID);
      assertThat(r.authScheme()).isEqualTo("Bearer");
      assertThat(r.status()).isEqualTo(200);
    });
    assertThat(requests(Kind.OAUTH)).singleElement().satisfies(r -> {
      assertThat(r.path()).isEqualTo("/oidc/accounts/" + gateway.accountId() + "/v1/token");
      assertThat(r.hasWorkspaceHeader()).isFalse();
    });
    // One request, or more when an attempt outlived its 750 ms timeout on a loaded machine and was
    // retried (the gateway records a request before it answers): none may carry the header.
    assertThat(requests(Kind.DISCOVERY)).isNotEmpty().allSatisfy(r -> assertThat(r.hasWorkspaceHeader()).isFalse());
  }

  @Test
  void sdkCallsCarryTheWorkspaceIdHeader() {
    WorkspaceInventory inventory = new WorkspaceInventory(warehouse, cluster, Credentials.token(TOKEN), Credentials.token(TOKEN));

    assertThat(inventory.currentUserBySdk()).isEqualTo("brickcheck-demo@example.com");

    assertThat(requests(Kind.REST)).singleElement()
        .satisfies(r -> assertThat(r.workspaceIdHeader()).isEqualTo(Hosts.WORKSPACE_ID));
  }

  @Test
  void statusBlockShowsTheProbedHostEachComputesWorkspaceAndTheRouting() {
    String status = warehouse.status().render();

    assertThat(status)
        .contains("profile            Analytics")
        .contains("declared SPOG, from the name UNKNOWN, probed unified")
        .contains("workspace          " + Hosts.WORKSPACE_ID)
        .contains("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + Hosts.WORKSPACE_ID + "  ->  workspace " + Hosts.WORKSPACE_ID + " (QUERY)")
        .contains("0123-456789-abcdefgh  ->  workspace " + Hosts.WORKSPACE_ID + " (CLUSTER_PATH)")
        .contains("X-Databricks-Workspace-Id: " + Hosts.WORKSPACE_ID)
        .contains("problems           none")
        .doesNotContain(TOKEN, SECRET);
  }

  @Test
  void theDemosRequestTableMarksWhichRequestsCarriedAHeader() throws Exception {
    new WorkspaceInventory(warehouse, cluster, Credentials.oauthM2M(CLIENT, SECRET), Credentials.token(TOKEN)).currentUserByRest();

    String table = Main.requestTable(gateway.requests());

    assertThat(table.lines()).hasSize(4);
    assertThat(table).containsPattern("okhttp +DISCOVERY +GET +/\\.well-known/databricks-config +- +- +200")
        .containsPattern("okhttp +OAUTH +POST +/oidc/accounts/\\S+/v1/token +- +- +200")
        .containsPattern("okhttp +REST +GET +/api/2\\.0/preview/scim/v2/Me +- +" + Hosts.WORKSPACE_ID + " +200");
  }
}
