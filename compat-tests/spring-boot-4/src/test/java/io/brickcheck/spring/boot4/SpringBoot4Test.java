package io.brickcheck.spring.boot4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.rules.Code;
import io.brickcheck.spring.BrickcheckDataSources;
import io.brickcheck.spring.DatabricksDataSourceException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringBootVersion;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The starter, built against Spring Boot 3.5, in a real Spring Boot 4.0 application against the
 * loopback gateway: the DataSource auto-configuration of spring-boot-jdbc, Boot 4's health
 * interface, the failure analysis.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringBoot4Test {
  static final String PAT = "dapiBOOT4PAT0000001";

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

  SpringApplicationBuilder app(String httpPath) {
    return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).properties(
        "spring.config.location=classpath:/boot4/",
        "gateway.port=" + gateway.port(),
        "DATABRICKS_HTTP_PATH=" + httpPath,
        "DATABRICKS_TOKEN=" + PAT);
  }

  @Test
  void thisIsSpringBoot4() {
    assertThat(SpringBootVersion.getVersion()).startsWith("4.0.");
  }

  @Test
  void pooledConnectionsAreRoutedAndHealthIsReportedThroughBoot4sInterface(CapturedOutput output) throws Exception {
    String path = "/sql/1.0/warehouses/b00b00b00b00b004?o=" + gateway.workspaceId();
    try (ConfigurableApplicationContext ctx = app(path).run()) {
      DataSource ds = ctx.getBean(DataSource.class);
      assertThat(ds).isInstanceOf(HikariDataSource.class);
      List<Connection> held = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        held.add(ds.getConnection());
      }
      for (Connection c : held) {
        c.close();
      }
      assertThat(gateway.requests().stream().filter(r -> r.kind() == RecordedRequest.Kind.THRIFT))
          .isNotEmpty()
          .allSatisfy(r -> {
            assertThat(r.target()).isEqualTo(path);
            assertThat(r.orgId()).isEqualTo(gateway.workspaceId());
          });
      assertThat(ctx.getBean(BrickcheckDataSources.class).all()).singleElement()
          .satisfies(c -> assertThat(c.origin()).contains("application.yml").contains("3:10"));
      Health health = ctx.getBean("brickcheckHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsKey("dataSource");
    }
    assertThat(output.getAll()).doesNotContain(PAT);
  }

  @Test
  void aBadWorkspaceIdStopsStartUpWithTheFailureAnalysis(CapturedOutput output) {
    assertThatThrownBy(() -> app("/sql/1.0/warehouses/abc?o=4x4").run())
        .hasRootCauseInstanceOf(DatabricksDataSourceException.class);
    assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
        .contains("Property: spring.datasource.url")
        .contains("Origin: class path resource [boot4/application.yml] - 3:10")
        .contains(Code.InvalidWorkspaceId.tag())
        .contains("\"4x4\"");
  }
}
