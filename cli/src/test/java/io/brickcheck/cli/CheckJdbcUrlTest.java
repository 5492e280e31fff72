package io.brickcheck.cli;

import static io.brickcheck.cli.CheckCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.brickcheck.cli.CheckCommandTest.Run;
import org.junit.jupiter.api.Test;

/** {@code check --jdbc-url}: the same report, JSON shape and exit codes as the other forms. */
class CheckJdbcUrlTest {
  static final String URL = "jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;ssl=1;AuthMech=3;"
      + "httpPath=/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492";

  @Test
  void aGoodUrlExitsZeroWithTheProfileItDescribes() {
    Run r = run("check", "--jdbc-url", URL);

    assertThat(r.status()).isZero();
    assertThat(r.out())
        .startsWith("Host https://peco.azuredatabricks.net (kind UNKNOWN), workspace 6436897454825492")
        .contains("default  /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492  (warehouse, workspace 6436897454825492 from ?o=)")
        .endsWith("OK: no problems." + System.lineSeparator());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void problemsSayWhereInTheUrlAndNeverPrintASecret() {
    String secret = "dapiCLISECRET0001";
    String url = URL.replace("?o=6436897454825492", "?o=64368974548254920000") + ";PWD=" + secret;
    for (String format : new String[] {"text", "json"}) {
      Run r = run("check", "--format", format, "--jdbc-url", url);

      assertThat(r.status()).isEqualTo(1);
      assertThat(r.out()).doesNotContain(secret)
          .contains("[DatabricksProfile/SecretInJdbcUrl] JDBC URL, PWD at character " + (url.indexOf("PWD") + 1) + ": ")
          .contains("[DatabricksProfile/InvalidWorkspaceId] JDBC URL, httpPath at character " + (url.indexOf("httpPath") + 1) + ": ");
      assertThat(r.err()).doesNotContain(secret);
    }
    JsonObject json = JsonParser.parseString(run("check", "--format", "json", "--jdbc-url", url).out()).getAsJsonObject();
    assertThat(json.getAsJsonArray("problems")).extracting(p -> p.getAsJsonObject().get("location").getAsString())
        .containsExactly("JDBC URL, PWD at character " + (url.indexOf("PWD") + 1),
            "JDBC URL, httpPath at character " + (url.indexOf("httpPath") + 1));
  }

  @Test
  void jsonHasTheShapeOfTheOtherForms() {
    Run r = run("check", "--format", "json", "--jdbc-url", URL.replace("jdbc:databricks:", "jdbc:spark:"), "--strict");

    assertThat(r.status()).isEqualTo(1);
    JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(root.keySet()).containsExactly("host", "hostKind", "workspaceId", "computes", "problems");
    assertThat(root.get("host").getAsString()).isEqualTo("https://peco.azuredatabricks.net");
    JsonObject problem = root.getAsJsonArray("problems").get(0).getAsJsonObject();
    assertThat(problem.get("code").getAsString()).isEqualTo("LegacyJdbcUrl");
    assertThat(problem.get("severity").getAsString()).isEqualTo("ERROR");
    assertThat(root.getAsJsonArray("computes").get(0).getAsJsonObject().get("source").getAsString()).isEqualTo("QUERY");
  }

  @Test
  void anUnusableUrlIsAProblemNotAUsageError() {
    Run r = run("check", "--jdbc-url", "https://peco.azuredatabricks.net/sql/1.0/warehouses/a");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("error   [DatabricksProfile/InvalidJdbcUrl] JDBC URL \"https://peco.azuredatabricks.net/sql/1.0/warehouses/a\" is not a databricks-jdbc URL")
        .contains("FAILED: 1 error, 0 warnings.");
  }

  @Test
  void theUrlExcludesTheOtherForms() {
    Run r = run("check", "--jdbc-url", URL, "--host", "peco.azuredatabricks.net", "--http-path", "/sql/1.0/warehouses/a");

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("mutually exclusive");
  }

  @Test
  void blockingProbeBuildsTheStatusFromTheUrl() throws Exception {
    try (io.brickcheck.gateway.FakeGateway gateway = io.brickcheck.gateway.FakeGateway.builder().start()) {
      String url = "jdbc:databricks://127.0.0.1:" + gateway.port() + "/default;ssl=0;ConnCatalog=main;"
          + "httpPath=/sql/1.0/warehouses/abc?o=" + gateway.workspaceId();
      Run r = run("check", "--format", "json", "--jdbc-url", url, "--probe", "blocking", "--probe-budget", "30s");

      JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
      assertThat(root.getAsJsonObject("status").getAsJsonArray("computes").get(0).getAsJsonObject().get("jdbcUrl").getAsString())
          .endsWith(";http.header.x-databricks-org-id=" + gateway.workspaceId() + ";ConnCatalog=main");
    }
  }
}
