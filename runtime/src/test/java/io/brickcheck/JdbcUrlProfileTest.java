package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import java.sql.Connection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A profile made from a databricks-jdbc URL at run time, against the loopback gateway. */
class JdbcUrlProfileTest {
  static final String PAT = "dapiJDBCURLSECRET01";
  /** A generous budget: this test is about what the answer does, not how fast it comes on a busy machine. */
  static final BrickcheckOptions BLOCKING = BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING)
      .probeBudget(java.time.Duration.ofSeconds(20)).probeAttemptTimeout(java.time.Duration.ofSeconds(10)).build();
  static final BrickcheckOptions NO_PROBE = BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build();

  FakeGateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  String gatewayUrl(String extra) {
    return "jdbc:databricks://127.0.0.1:" + gateway.port() + "/default;transportMode=http;ssl=0;AuthMech=3;"
        + "httpPath=/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId() + extra;
  }

  @Test
  void aUrlFromConfigurationGetsTheProbeTheRoutingAndTheStatusBlock() throws Exception {
    gateway = FakeGateway.builder().hostType("unified").personalAccessToken(PAT).start();
    Profile profile = Profile.fromJdbcUrl(gatewayUrl(";ConnCatalog=main;UserAgentEntry=orders/1.0"), BLOCKING);
    DatabricksConnection warehouse = profile.open("default");

    assertThat(profile.name()).isEqualTo("jdbc-url");
    assertThat(profile.workspaceId()).contains(gateway.workspaceId());
    assertThat(warehouse.jdbcUrl()).isEqualTo("jdbc:databricks://127.0.0.1:" + gateway.port()
        + "/default;transportMode=http;ssl=0;httpPath=/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId()
        + ";http.header.x-databricks-org-id=" + gateway.workspaceId() + ";AuthMech=3;ConnCatalog=main;UserAgentEntry=orders/1.0");
    assertThat(profile.status().render()).contains("probed unified").contains("http.header.x-databricks-org-id=" + gateway.workspaceId());
    try (Connection jdbc = warehouse.openJdbc(Credentials.token(PAT))) {
      assertThat(jdbc.isClosed()).isFalse();
    }
    assertThat(gateway.requests()).filteredOn(r -> r.kind() == RecordedRequest.Kind.THRIFT).isNotEmpty().allSatisfy(r -> {
      assertThat(r.target()).isEqualTo("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId());
      assertThat(r.orgId()).isEqualTo(gateway.workspaceId());
      assertThat(r.status()).isEqualTo(200);
    });
  }

  @Test
  void aSecretInTheUrlIsRefusedWithoutShowingIt() {
    String url = "jdbc:databricks://peco.azuredatabricks.net:443/default;AuthMech=3;UID=token;PWD=" + PAT
        + ";httpPath=/sql/1.0/warehouses/a?o=1";

    assertThatThrownBy(() -> Profile.fromJdbcUrl(url, NO_PROBE))
        .isInstanceOfSatisfying(DatabricksProfileException.class, e -> {
          assertThat(e.problems()).extracting(Problem::code).containsExactly(Code.SecretInJdbcUrl);
          assertThat(e.toString()).doesNotContain(PAT);
        })
        .hasMessageContaining("JDBC URL, PWD at character 77: key \"PWD\" holds a literal secret")
        .hasMessageNotContaining(PAT);
  }

  @Test
  void everyErrorOfTheUrlIsThrownAtOnce() {
    assertThatThrownBy(() -> Profile.fromJdbcUrl(
        "jdbc:databricks://peco.azuredatabricks.net;ssl=0;transportMode=binary;httpPath=/sql/1.0/warehouses/a?o=1x"))
        .isInstanceOfSatisfying(DatabricksProfileException.class, e -> assertThat(e.problems()).extracting(Problem::code)
            .containsExactly(Code.UnsupportedTransportMode, Code.InsecureJdbcUrl, Code.InvalidWorkspaceId));
  }

  @Test
  void aUrlBuilderTakesAHostKindAndNamedComputesButNotASecondDefaultPath() {
    Profile profile = Profile.jdbcUrlBuilder("orders", "jdbc:databricks://peco.azuredatabricks.net:443/sales;"
            + "httpPath=/sql/1.0/warehouses/a?o=42")
        .hostKind(HostKind.SPOG)
        .compute("etl", "sql/protocolv1/o/42/0123-456789-abcdefgh")
        .build(NO_PROBE);

    assertThat(profile.computeNames()).containsExactly("default", "etl");
    assertThat(profile.connection("etl").jdbcUrl()).isEqualTo("jdbc:databricks://peco.azuredatabricks.net:443/sales;"
        + "transportMode=http;ssl=1;httpPath=sql/protocolv1/o/42/0123-456789-abcdefgh;http.header.x-databricks-org-id=42");
    assertThat(profile.runtime().sourceUrl()).isNotNull();
    assertThatThrownBy(() -> Profile.jdbcUrlBuilder("orders", "jdbc:databricks://h.example.com;httpPath=/x").defaultHttpPath("/y"))
        .isInstanceOf(IllegalStateException.class);
    // The URL's named compute rules are the engine's: a compute in another workspace is refused.
    assertThatThrownBy(() -> Profile.jdbcUrlBuilder("orders", "jdbc:databricks://peco.azuredatabricks.net;"
            + "httpPath=/sql/1.0/warehouses/a?o=42").compute("etl", "sql/protocolv1/o/43/0123-456789-abcdefgh").build(NO_PROBE))
        .isInstanceOfSatisfying(DatabricksProfileException.class,
            e -> assertThat(e.problems()).extracting(Problem::code).containsExactly(Code.ComputeWorkspaceConflict));
  }

  @Test
  void theLegacyPrefixIsAWarningAndTheRebuiltUrlIsDatabricksJdbcs() {
    Profile profile = Profile.fromJdbcUrl("jdbc:spark://peco.azuredatabricks.net:443/default;transportMode=http;ssl=1;"
        + "httpPath=sql/protocolv1/o/42/0123-456789-abcdefgh;http.header.x-databricks-org-id=42", NO_PROBE);

    assertThat(profile.warnings()).extracting(Problem::code).containsExactly(Code.LegacyJdbcUrl);
    assertThat(profile.connection("default").jdbcUrl()).isEqualTo("jdbc:databricks://peco.azuredatabricks.net:443/default;"
        + "transportMode=http;ssl=1;httpPath=sql/protocolv1/o/42/0123-456789-abcdefgh;http.header.x-databricks-org-id=42");
  }

  @Test
  void aCallersHeaderIsKeptWhenThePathNamesNoWorkspace() {
    Profile profile = Profile.fromJdbcUrl("jdbc:databricks://dbc-a1b2c3d4-e5f6.cloud.databricks.com:443/default;"
        + "httpPath=/sql/1.0/warehouses/a;http.header.x-databricks-org-id=42", NO_PROBE);

    assertThat(profile.workspaceId()).isEmpty();
    assertThat(profile.connection("default").jdbcUrl()).endsWith(";httpPath=/sql/1.0/warehouses/a;http.header.x-databricks-org-id=42");
  }
}
