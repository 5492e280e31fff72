package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.rules.Host;
import io.brickcheck.internal.rules.HostParser;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcSupportTest {
  static final String PAT = "dapiJDBCSECRET0001";
  FakeGateway gateway;
  Host host;

  @BeforeEach
  void start() throws Exception {
    gateway = FakeGateway.builder().personalAccessToken(PAT).start();
    host = HostParser.parse(gateway.baseUrl()).host();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void urlKeepsThePathAsDeclaredAndAddsTheOrgHeader() {
    Host spog = HostParser.parse("peco.azuredatabricks.net").host();

    assertThat(JdbcSupport.url(spog, "/sql/1.0/warehouses/abc?o=00123", "123")).isEqualTo(
        "jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;ssl=1;"
            + "httpPath=/sql/1.0/warehouses/abc?o=00123;http.header.x-databricks-org-id=123");
    assertThat(JdbcSupport.url(host, "/sql/1.0/warehouses/abc", null))
        .isEqualTo("jdbc:databricks://127.0.0.1:" + gateway.port() + "/default;transportMode=http;ssl=0;httpPath=/sql/1.0/warehouses/abc");
  }

  @Test
  void secretsGoInPropertiesOnly() {
    Properties pat = JdbcSupport.properties(Credentials.token(PAT), null);
    Properties m2m = JdbcSupport.properties(Credentials.oauthM2M("sp-id", "sp-secret"), "https://h/oidc/accounts/a/v1/token");

    assertThat(pat).containsEntry("AuthMech", "3").containsEntry("UID", "token").containsEntry("PWD", PAT);
    assertThat(m2m).containsEntry("AuthMech", "11").containsEntry("Auth_Flow", "1")
        .containsEntry("OAuth2ClientId", "sp-id").containsEntry("OAuth2Secret", "sp-secret")
        .containsEntry("OAuth2TokenEndpoint", "https://h/oidc/accounts/a/v1/token");
  }

  @Test
  void realDriverSendsThriftWithQueryAndOrgHeader() throws Exception {
    String path = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId();

    try (Connection connection = DriverManager.getConnection(
        JdbcSupport.url(host, path, gateway.workspaceId()), JdbcSupport.properties(Credentials.token(PAT), null))) {
      assertThat(connection.isClosed()).isFalse();
    }

    List<RecordedRequest> thrift = thrift();
    assertThat(thrift).isNotEmpty().allSatisfy(r -> {
      assertThat(r.target()).isEqualTo(path);
      assertThat(r.orgId()).isEqualTo(gateway.workspaceId());
      assertThat(r.authScheme()).isEqualTo("Bearer");
      assertThat(r.status()).isEqualTo(200);
    });
  }

  @Test
  void realDriverRoutesAClusterPathWithoutQueryByTheUrlHeader() throws Exception {
    String path = "sql/protocolv1/o/" + gateway.workspaceId() + "/0123-456789-abcdefgh";

    try (Connection connection = DriverManager.getConnection(
        JdbcSupport.url(host, path, gateway.workspaceId()), JdbcSupport.properties(Credentials.token(PAT), null))) {
      assertThat(connection.isClosed()).isFalse();
    }

    assertThat(thrift()).isNotEmpty().allSatisfy(r -> {
      assertThat(r.path()).isEqualTo("/" + path);
      assertThat(r.query()).isNull();
      assertThat(r.orgId()).isEqualTo(gateway.workspaceId());
    });
  }

  @Test
  void withoutAnyIdTheUnifiedGatewayRefusesTheDriver() {
    String url = JdbcSupport.url(host, "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8", null);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> DriverManager.getConnection(url, JdbcSupport.properties(Credentials.token(PAT), null)).close())
        .isInstanceOf(java.sql.SQLException.class);
    assertThat(thrift()).isNotEmpty().allSatisfy(r -> assertThat(r.status()).isEqualTo(400));
  }

  @Test
  void detectsTheDriverOnTheClasspathAndItsVersion() {
    JdbcDriver driver = JdbcDriver.onClasspath();

    assertThat(driver.present()).isTrue();
    assertThat(driver.version()).isEqualTo("3.4.5");
    assertThat(driver.keepsQueryWorkspaceId()).isTrue();
    assertThat(JdbcDriver.detect(new ClassLoader(null) {}).present()).isFalse();
  }

  @Test
  void comparesVersions() {
    assertThat(Versions.atLeast("3.3.3", JdbcDriver.FIRST_WITH_SPOG)).isTrue();
    assertThat(Versions.atLeast("3.3.1", JdbcDriver.FIRST_WITH_SPOG)).isFalse();
    assertThat(Versions.atLeast("3.10.0", JdbcDriver.FIRST_WITH_SPOG)).isTrue();
    assertThat(Versions.atLeast("3.3", JdbcDriver.FIRST_WITH_SPOG)).isFalse();
    assertThat(Versions.atLeast("2.6.40", JdbcDriver.FIRST_WITH_SPOG)).isFalse();
    assertThat(Versions.atLeast("3.3.3-SNAPSHOT", JdbcDriver.FIRST_WITH_SPOG)).isTrue();
  }

  List<RecordedRequest> thrift() {
    return gateway.requests().stream().filter(r -> r.kind() == RecordedRequest.Kind.THRIFT).toList();
  }
}
