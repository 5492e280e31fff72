package io.brickcheck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.DatabricksConnection;
import io.brickcheck.ProbeMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated factories themselves, with the probe off: nothing here opens a socket. */
class GeneratedFactoryTest {
  static final BrickcheckOptions OFF = BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build();

  @Test
  void typeFormGivesOneOpenMethodPerCompute() {
    AnalyticsConnectionFactory analytics = AnalyticsConnectionFactory.create(OFF);

    DatabricksConnection warehouse = analytics.openDefault();
    DatabricksConnection cluster = analytics.openEtlCluster();

    assertThat(AnalyticsConnectionFactory.computeNames()).isEqualTo(List.of("default", "etl-cluster"));
    assertThat(warehouse.workspaceId()).contains(Hosts.WORKSPACE_ID);
    assertThat(cluster.workspaceId()).contains(Hosts.WORKSPACE_ID);
    assertThat(analytics.open("etl-cluster")).isSameAs(cluster);
    assertThat(warehouse.jdbcUrl())
        .startsWith("jdbc:databricks://127.0.0.1:" + Hosts.DEMO_PORT + "/")
        .contains("httpPath=/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + Hosts.WORKSPACE_ID)
        .contains("http.header.x-databricks-org-id=" + Hosts.WORKSPACE_ID);
  }

  @Test
  void fieldFormTakesTheConstantAsTheDefaultHttpPath() {
    ReportingConnectionFactory reporting = ReportingConnectionFactory.create(OFF);

    assertThat(ReportingConnectionFactory.DEFAULT_HTTP_PATH).isEqualTo(Hosts.REPORTING);
    assertThat(ReportingConnectionFactory.PROFILE_NAME).isEqualTo("REPORTING");
    assertThat(reporting.openDefault().workspaceId()).contains(Hosts.WORKSPACE_ID);
    assertThat(reporting.openDefault().host().baseUrl()).isEqualTo(Hosts.DEMO_HOST);
  }

  @Test
  void jdbcUrlFormTakesHostAndPathFromTheUrlAndKeepsItsOtherProperties() {
    OrdersDbConnectionFactory orders = OrdersDbConnectionFactory.create(OFF);

    assertThat(OrdersDbConnectionFactory.JDBC_URL).isEqualTo(Orders.ORDERS_DB);
    assertThat(orders.openDefault().host().baseUrl()).isEqualTo(Hosts.DEMO_HOST);
    assertThat(orders.openDefault().workspaceId()).contains(Hosts.WORKSPACE_ID);
    assertThat(orders.openDefault().jdbcUrl()).isEqualTo("jdbc:databricks://127.0.0.1:" + Hosts.DEMO_PORT
        + "/default;transportMode=http;ssl=0;httpPath=/sql/1.0/warehouses/0f0f0f0f0f0f0f0f?o=" + Hosts.WORKSPACE_ID
        + ";http.header.x-databricks-org-id=" + Hosts.WORKSPACE_ID + ";AuthMech=3;ConnCatalog=main");
    // The same URL read from configuration at run time gives an equal connection.
    assertThat(io.brickcheck.Profile.jdbcUrlBuilder("ORDERS_DB", Orders.ORDERS_DB).hostKind(io.brickcheck.HostKind.SPOG)
        .build(OFF).connection("default")).isEqualTo(orders.openDefault());
  }

  @Test
  void dbtFormReadsTheProfilesFileAtCompileTime() throws Exception {
    DbtDemoConnectionFactory demo = DbtDemoConnectionFactory.create(OFF);

    assertThat(DbtDemoConnectionFactory.computeNames()).isEqualTo(List.of("default", "nightly"));
    assertThat(demo.openDefault().profileName()).isEqualTo("brickcheck_demo.local");
    assertThat(demo.openDefault().workspaceId()).contains(Hosts.WORKSPACE_ID);
    assertThat(demo.openNightly().httpPath()).isEqualTo("sql/protocolv1/o/" + Hosts.WORKSPACE_ID + "/0123-456789-abcdefgh");
    assertThat(demo.openDefault().host().baseUrl()).isEqualTo(Hosts.DEMO_HOST);
    // The same file read at run time gives equal connections.
    java.nio.file.Path file = java.nio.file.Path.of("src/main/resources/profiles.yml");
    assertThat(io.brickcheck.Profiles.load(file, "brickcheck_demo", "local", OFF).connection("nightly"))
        .isEqualTo(demo.openNightly());
  }
}
