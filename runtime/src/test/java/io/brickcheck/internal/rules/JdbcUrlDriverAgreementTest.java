package io.brickcheck.internal.rules;

import io.brickcheck.rules.WorkspaceIdSource;
import io.brickcheck.rules.Host;
import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.HostKind;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Brickcheck's split of a URL against databricks-jdbc 3.4.5's own parser (offline: no connection is
 * made), on the runtime's test class path: the host, port, scheme, http path and custom headers the
 * driver would use are the ones Brickcheck checks.
 */
class JdbcUrlDriverAgreementTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;ssl=1;AuthMech=3;httpPath=/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492",
      "jdbc:databricks://peco.azuredatabricks.net;HTTPPATH=/sql/1.0/endpoints/e1?o=42",
      "jdbc:databricks://peco.azuredatabricks.net:443;httpPath=/sql/1.0/warehouses/a?o=42;PORT=8443",
      "jdbc:databricks://adb-6436897454825492.12.azuredatabricks.net:443/sales;httpPath=sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh;",
      "jdbc:databricks://127.0.0.1:47913/default;transportMode=http;ssl=0;httpPath=/sql/1.0/warehouses/a?o=1;;AuthMech=3",
      "jdbc:databricks://dbc-a1b2c3d4-e5f6.cloud.databricks.com:443/default;httpPath=/sql/1.0/warehouses/a;HTTP.HEADER.X-Databricks-Org-Id=7",
      "jdbc:databricks://peco.azuredatabricks.net;httpPath=/sql/1.0/warehouses/a?o=1;httpPath=/sql/1.0/warehouses/b?o=2",
      "jdbc:databricks://1234567890.3.gcp.databricks.com/default;httpPath=/sql/1.0/warehouses/a?o=1&x=y=z"
  })
  void theDriverReadsWhatBrickcheckChecks(String url) throws Exception {
    Object driver = parseWithDriver(url);
    JdbcUrlReport ours = JdbcUrlChecker.check("p", url, HostKind.AUTO.classification(), List.of());
    Host host = ours.report().host().host();

    assertThat(call(driver, "getHttpPath")).isEqualTo(ours.url().httpPath().orElseThrow());
    assertThat((String) call(driver, "getHost")).isEqualToIgnoringCase(host.name());
    assertThat(call(driver, "getHostUrl")).isEqualTo(host.scheme() + "://" + host.name() + ":" + host.port());
    @SuppressWarnings("unchecked")
    Map<String, String> headers = (Map<String, String>) call(driver, "getCustomHeaders");
    // 3.4.5 sends the URL's explicit header, else the id of ?o= (3.3.3+), else none: a cluster
    // path's /o/<id>/ alone gets no header, which is why Brickcheck always writes the header itself.
    ComputeReport compute = ours.report().compute("default").orElseThrow();
    String expected = ours.url().entry(JdbcUrlKeys.ORG_ID_HEADER).map(JdbcUrlEntry::value)
        .orElse(compute.workspaceIdSource() == WorkspaceIdSource.QUERY ? compute.path().workspaceId() : null);
    assertThat(headers.values().stream().findFirst().orElse(null)).isEqualTo(expected);
    assertThat(headers.size()).isLessThanOrEqualTo(1);
  }

  static Object parseWithDriver(String url) throws Exception {
    Class<?> factory = Class.forName("com.databricks.jdbc.api.impl.DatabricksConnectionContextFactory");
    return factory.getMethod("create", String.class, Properties.class).invoke(null, url, new Properties());
  }

  static Object call(Object target, String method) throws Exception {
    Class<?> api = Class.forName("com.databricks.jdbc.api.internal.IDatabricksConnectionContext");
    return api.getMethod(method).invoke(target);
  }
}
