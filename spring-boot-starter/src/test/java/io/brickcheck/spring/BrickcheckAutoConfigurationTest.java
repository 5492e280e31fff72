package io.brickcheck.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.brickcheck.Credentials;
import io.brickcheck.HeaderStyle;
import io.brickcheck.ProbeMode;
import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.rules.Code;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The auto-configuration in an {@link ApplicationContextRunner}: a second DataSource bound through
 * its own {@code DataSourceProperties}, Actuator's health and info, the properties, and DataSources
 * that are not Databricks ones.
 */
class BrickcheckAutoConfigurationTest {
  static final String PAT = "dapiCONTEXTPAT00001";

  FakeGateway gateway;

  final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(
          DataSourceAutoConfiguration.class, BrickcheckAutoConfiguration.class, BrickcheckActuatorAutoConfiguration.class));

  @BeforeEach
  void start() throws Exception {
    gateway = FakeGateway.builder().hostType("unified").personalAccessToken(PAT).start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  String url(String httpPath) {
    return "jdbc:databricks://127.0.0.1:" + gateway.port() + "/default;transportMode=http;ssl=0;httpPath=" + httpPath;
  }

  /** A second, reporting DataSource, bound the way Spring Boot's reference guide shows. */
  @Configuration(proxyBeanMethods = false)
  static class Reporting {
    @Bean
    @ConfigurationProperties("app.reporting.datasource")
    DataSourceProperties reportingProperties() {
      return new DataSourceProperties();
    }

    @Bean
    DataSource reporting(@Qualifier("reportingProperties") DataSourceProperties properties) {
      return properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
    }
  }

  @Test
  void aDataSourceBoundThroughItsOwnPropertiesIsCheckedUnderItsOwnProperty() {
    runner.withUserConfiguration(Reporting.class)
        .withPropertyValues("app.reporting.datasource.url=" + url("/sql/1.0/warehouses/abc?o=1_2"),
            "app.reporting.datasource.password=" + PAT)
        .run(ctx -> {
          Throwable failure = ctx.getStartupFailure();
          assertThat(failure).hasRootCauseInstanceOf(DatabricksDataSourceException.class);
          DatabricksDataSourceException e = (DatabricksDataSourceException) rootCause(failure);
          assertThat(e.beanName()).isEqualTo("reporting");
          assertThat(e.property()).isEqualTo("app.reporting.datasource.url");
          assertThat(e.problems()).extracting(p -> p.code()).containsExactly(Code.InvalidWorkspaceId);
          FailureAnalysis analysis = new DatabricksDataSourceFailureAnalyzer().analyze(failure);
          assertThat(analysis.getDescription())
              .contains("Brickcheck refused the Databricks DataSource 'reporting'")
              .contains("Property: app.reporting.datasource.url")
              .contains("workspace id \"1_2\"")
              .doesNotContain(PAT);
          assertThat(analysis.getAction()).contains("Correct app.reporting.datasource.url");
        });
  }

  @Test
  void aGoodSecondDataSourceIsRoutedAndReported() {
    String path = "/sql/1.0/warehouses/feedfeedfeedfeed?o=" + gateway.workspaceId();
    runner.withUserConfiguration(Reporting.class)
        .withPropertyValues("app.reporting.datasource.url=" + url(path),
            "app.reporting.datasource.password=" + PAT, "brickcheck.probe-mode=blocking")
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          try (Connection c = ctx.getBean("reporting", DataSource.class).getConnection()) {
            assertThat(c.isClosed()).isFalse();
          }
          assertThat(gateway.requests().stream().filter(r -> r.kind() == RecordedRequest.Kind.THRIFT))
              .isNotEmpty()
              .allSatisfy(r -> {
                assertThat(r.target()).isEqualTo(path);
                assertThat(r.orgId()).isEqualTo(gateway.workspaceId());
              });
          CheckedDataSource checked = ctx.getBean(BrickcheckDataSources.class).all().get(0);
          assertThat(checked.beanName()).isEqualTo("reporting");
          assertThat(checked.property()).isEqualTo("app.reporting.datasource.url");

          Health health = ctx.getBean("brickcheckHealthIndicator", HealthIndicator.class).health();
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          @SuppressWarnings("unchecked")
          Map<String, Object> one = (Map<String, Object>) health.getDetails().get("reporting");
          assertThat(one).containsEntry("probe", "answered").containsEntry("property", "app.reporting.datasource.url");
          assertThat((java.util.List<?>) one.get("problems")).isEmpty();

          Info.Builder info = new Info.Builder();
          ctx.getBean(InfoContributor.class).contribute(info);
          @SuppressWarnings("unchecked")
          Map<String, Object> status = (Map<String, Object>) ((Map<String, Object>) info.build().get("brickcheck")).get("reporting");
          assertThat(status).containsEntry("profile", "reporting");
          String json = new ObjectMapper().writeValueAsString(Map.of("health", health.getDetails(), "info", info.build().getDetails()));
          assertThat(json).contains(gateway.workspaceId()).doesNotContain(PAT);
        });
  }

  @Test
  void aDataSourceOfAnotherDatabaseIsLeftAlone() {
    runner.withBean("other", DataSource.class, () -> new DriverManagerDataSource("jdbc:postgresql://localhost:5432/app"))
        .run(ctx -> {
          assertThat(ctx).hasNotFailed();
          assertThat(ctx.getBean(BrickcheckDataSources.class).all()).isEmpty();
        });
  }

  @Test
  void aDataSourceOtherThanHikariIsCheckedToo() {
    String bad = url("/sql/1.0/warehouses/abc?o=9z");
    runner.withBean("plain", DataSource.class, () -> new DriverManagerDataSource(bad))
        .run(ctx -> {
          assertThat(ctx.getStartupFailure()).hasRootCauseInstanceOf(DatabricksDataSourceException.class);
          assertThat(new DatabricksDataSourceFailureAnalyzer().analyze(ctx.getStartupFailure()).getDescription())
              .contains("'plain'").contains("workspace id \"9z\"").contains("Property: (not found in the environment)");
        });
  }

  @Test
  void theDriverClassIsNamedForADatabricksUrlAndAnApplicationsChoiceIsKept() {
    runner.withPropertyValues("spring.datasource.url=" + url("/sql/1.0/warehouses/abc?o=" + gateway.workspaceId()),
            "spring.datasource.password=" + PAT, "brickcheck.probe-mode=off")
        .run(ctx -> assertThat(ctx.getBean(DataSourceProperties.class).getDriverClassName())
            .isEqualTo("com.databricks.client.jdbc.Driver"));
    runner.withPropertyValues("spring.datasource.url=" + url("/sql/1.0/warehouses/abc?o=" + gateway.workspaceId()),
            "spring.datasource.driver-class-name=" + TestDriver.class.getName(), "spring.datasource.password=" + PAT,
            "brickcheck.probe-mode=off")
        .run(ctx -> assertThat(ctx.getBean(DataSourceProperties.class).getDriverClassName())
            .isEqualTo(TestDriver.class.getName()));
  }

  @Test
  void thePoolKeepsNoUrlUserOrPasswordOfItsOwn() {
    runner.withPropertyValues("spring.datasource.url=" + url("/sql/1.0/warehouses/abc?o=" + gateway.workspaceId()),
            "spring.datasource.username=token", "spring.datasource.password=" + PAT,
            "spring.datasource.hikari.maximum-pool-size=2", "brickcheck.probe-mode=off")
        .run(ctx -> {
          HikariDataSource pool = (HikariDataSource) ctx.getBean(DataSource.class);
          assertThat(pool.getJdbcUrl()).isNull();
          assertThat(pool.getUsername()).isNull();
          assertThat(pool.getPassword()).isNull();
          assertThat(pool.getMaximumPoolSize()).isEqualTo(2); // the application's pool settings stay
          assertThat(pool.getDataSource().toString()).contains("credentials=TOKEN").doesNotContain(PAT);
        });
  }

  @Test
  void theBrickcheckPropertiesBecomeTheRuntimeOptions() {
    BrickcheckProperties p = new BrickcheckProperties();
    assertThat(p.toOptions().probeMode()).isEqualTo(ProbeMode.ASYNC);
    p.setStrict(true);
    assertThat(p.toOptions().probeMode()).isEqualTo(ProbeMode.BLOCKING); // strict implies it
    p.setProbeMode(ProbeMode.OFF);
    assertThatThrownBy(p::toOptions).isInstanceOf(IllegalStateException.class).hasMessageContaining("BLOCKING");
    p.setStrict(false);
    p.setHeaderStyle(HeaderStyle.BOTH);
    p.setProbeBudget(java.time.Duration.ofMillis(500));
    assertThat(p.toOptions().headerStyle()).isEqualTo(HeaderStyle.BOTH);
    assertThat(p.toOptions().probeBudget()).isEqualTo(java.time.Duration.ofMillis(500));
  }

  @Test
  void credentialsComeFromThePasswordOrTheClientPair() {
    assertThat(DatabricksDataSourcePostProcessor.credentials("token", PAT, BrickcheckProperties.CredentialsKind.TOKEN).kind())
        .isEqualTo(Credentials.Kind.TOKEN);
    assertThat(DatabricksDataSourcePostProcessor.credentials("client-id", "secret", BrickcheckProperties.CredentialsKind.OAUTH_M2M))
        .satisfies(c -> {
          assertThat(c.kind()).isEqualTo(Credentials.Kind.OAUTH_M2M);
          assertThat(c.clientId()).isEqualTo("client-id");
        });
    assertThatThrownBy(() -> DatabricksDataSourcePostProcessor.credentials(null, "secret", BrickcheckProperties.CredentialsKind.OAUTH_M2M))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("spring.datasource.username")
        .hasMessageNotContaining("secret\"");
  }

  @Test
  void theIdeMetadataDescribesEveryProperty() throws Exception {
    // The main jar's file: the test classes have one of their own (app.reporting.datasource).
    java.net.URL main = BrickcheckProperties.class.getResource("/META-INF/spring-configuration-metadata.json");
    for (java.net.URL u : java.util.Collections.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
      if (u.toString().contains("/classes/") && !u.toString().contains("/test-classes/")) {
        main = u;
      }
    }
    try (var in = main.openStream()) {
      String json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      for (String name : new String[] {"brickcheck.enabled", "brickcheck.probe-mode", "brickcheck.probe-budget",
          "brickcheck.strict", "brickcheck.header-style", "brickcheck.credentials"}) {
        assertThat(json).contains("\"name\": \"" + name + "\"");
      }
    }
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }
}
