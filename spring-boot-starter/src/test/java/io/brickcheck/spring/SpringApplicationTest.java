package io.brickcheck.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.rules.Code;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Spring Boot application (every auto-configuration on the classpath, Spring's HikariCP
 * pool, the real databricks-jdbc driver) reading real {@code application.yml} files, against the
 * loopback gateway that records every request.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringApplicationTest {
  static final String PAT = "dapiSPRINGPAT000001";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  FakeGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = FakeGateway.builder().hostType("unified").personalAccessToken(PAT).start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  SpringApplicationBuilder app(String config, String... more) {
    List<String> props = new ArrayList<>(List.of(
        "spring.config.location=classpath:/spring/" + config + "/",
        "gateway.port=" + gateway.port(),
        "gateway.workspace=" + gateway.workspaceId(),
        "DATABRICKS_TOKEN=" + PAT));
    props.addAll(List.of(more));
    return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(props.toArray(String[]::new));
  }

  List<RecordedRequest> thrift() {
    return gateway.requests().stream().filter(r -> r.kind() == RecordedRequest.Kind.THRIFT).toList();
  }

  @Test
  void aGoodConfigurationStartsAndEveryPooledConnectionCarriesTheRouting(CapturedOutput output) throws Exception {
    String path = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId();
    try (ConfigurableApplicationContext ctx = app("good", "DATABRICKS_HTTP_PATH=" + path).run()) {
      DataSource ds = ctx.getBean(DataSource.class);
      assertThat(ds).isInstanceOf(HikariDataSource.class); // Spring's pool, kept
      List<Connection> held = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        held.add(ds.getConnection());
      }
      for (Connection c : held) {
        c.close();
      }
      assertThat(((HikariDataSource) ds).getHikariPoolMXBean().getTotalConnections()).isEqualTo(3);
      List<RecordedRequest> thrift = thrift();
      assertThat(thrift.stream().filter(r -> r.status() == 200)).hasSizeGreaterThanOrEqualTo(3);
      assertThat(thrift).allSatisfy(r -> {
        assertThat(r.target()).isEqualTo(path); // the placeholder's value, ?o= kept
        assertThat(r.orgId()).isEqualTo(gateway.workspaceId());
        assertThat(r.authScheme()).isEqualTo("Bearer");
      });
      CheckedDataSource checked = ctx.getBean(BrickcheckDataSources.class).all().get(0);
      // The probe ran at start-up (BLOCKING in application.yml) and was answered.
      assertThat(checked.profile().status().probe()).hasValueSatisfying(r -> assertThat(r.result()).isEqualTo(io.brickcheck.ProbeOutcome.Result.ANSWERED));
      assertThat(checked.property()).isEqualTo("spring.datasource.url");
      assertThat(checked.origin()).contains("application.yml").contains("5:10");
      assertThat(checked.profile().workspaceId()).contains(gateway.workspaceId());
    }
    assertThat(output.getAll()).doesNotContain(PAT);
  }

  @Test
  void aBadWorkspaceIdInAProfileFileStopsStartUpWithTheFailureAnalysis(CapturedOutput output) {
    assertThatThrownBy(() -> app("bad").profiles("prod").run()).hasRootCauseInstanceOf(DatabricksDataSourceException.class);
    String out = output.getAll();
    assertThat(out).contains("APPLICATION FAILED TO START")
        .contains("Brickcheck refused the Databricks DataSource 'dataSource'")
        .contains("Property: spring.datasource.url")
        .contains("Origin: class path resource [spring/bad/application-prod.yml] - 4:10")
        .contains(Code.InvalidWorkspaceId.tag())
        .contains("\"12x4\"")
        .contains("Action:")
        .doesNotContain(PAT);
    assertThat(thrift()).isEmpty();
  }

  @Test
  void theSameFilesWithoutTheProfileStart() throws Exception {
    try (ConfigurableApplicationContext ctx = app("bad").run()) {
      try (Connection c = ctx.getBean(DataSource.class).getConnection()) {
        assertThat(c.isClosed()).isFalse();
      }
    }
    assertThat(thrift()).isNotEmpty().allSatisfy(r -> assertThat(r.orgId()).isEqualTo(gateway.workspaceId()));
  }

  @Test
  void aPlaceholderIsResolvedBeforeTheCheck(CapturedOutput output) {
    // The file is fine; the value the environment gives is not: what is checked is the value.
    assertThatThrownBy(() -> app("good", "DATABRICKS_HTTP_PATH=/sql/1.0/warehouses/abc?o=77x").run())
        .hasRootCauseInstanceOf(DatabricksDataSourceException.class);
    assertThat(output.getAll()).contains("Origin: class path resource [spring/good/application.yml] - 5:10")
        .contains(Code.InvalidWorkspaceId.tag() + " JDBC URL, httpPath at character 68: workspace id \"77x\"");
  }

  @Test
  void aWarningIsLoggedOnceAndTheApplicationStarts(CapturedOutput output) throws Exception {
    // A warehouse id of this test only: the runtime logs a given warning once per process.
    String path = "/sql/1.0/warehouses/0a0a0a0a0a0a0a01?o=";
    // Two start-ups in one process (a test suite, a restart in place): one warning.
    for (int i = 0; i < 2; i++) {
      try (ConfigurableApplicationContext ctx = app("good", "DATABRICKS_HTTP_PATH=" + path).run()) {
        assertThat(ctx.getBean(BrickcheckDataSources.class).all()).hasSize(1);
      }
    }
    String tag = Code.EmptyWorkspaceId.tag() + " JDBC URL, httpPath at character 68: http path \"" + path + "\"";
    assertThat(output.getAll().split(java.util.regex.Pattern.quote(tag), -1)).hasSize(2);
  }

  @Test
  void strictModeStopsStartUpOnAWarning(CapturedOutput output) {
    String path = "/sql/1.0/warehouses/0a0a0a0a0a0a0a02?o=";
    assertThatThrownBy(() -> app("good", "DATABRICKS_HTTP_PATH=" + path, "brickcheck.strict=true").run())
        .hasRootCauseInstanceOf(DatabricksDataSourceException.class);
    assertThat(output.getAll()).contains("APPLICATION FAILED TO START").contains(Code.EmptyWorkspaceId.tag());
  }

  @Test
  void offTurnsTheCheckOff() throws Exception {
    // A lazily started pool: nothing connects, so a URL nobody checks starts the application.
    try (ConfigurableApplicationContext ctx =
        app("good", "DATABRICKS_HTTP_PATH=/sql/1.0/warehouses/abc?o=77x", "brickcheck.enabled=false",
            "spring.datasource.driver-class-name=com.databricks.client.jdbc.Driver").run()) {
      assertThat(ctx.getBeansOfType(BrickcheckDataSources.class)).isEmpty();
      assertThat(((HikariDataSource) ctx.getBean(DataSource.class)).getJdbcUrl()).endsWith("?o=77x");
    }
  }

  @Test
  void aSecretInTheUrlIsRefusedAndNeverShown(CapturedOutput output) {
    assertThatThrownBy(() -> app("secret").run()).hasRootCauseInstanceOf(DatabricksDataSourceException.class);
    assertThat(output.getAll()).contains(Code.SecretInJdbcUrl.tag())
        .contains("Origin: class path resource [spring/secret/application.properties] - 2:23")
        .contains("PWD=***")
        .doesNotContain("dapiSPRINGSECRET42");
  }
}
