package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.HostClassification;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of a profile given as a databricks-jdbc URL: each code with its place in the URL. */
class JdbcUrlCheckerTest {
  static final String SPOG_URL =
      "jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;ssl=1;AuthMech=3;"
          + "httpPath=/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492";

  static JdbcUrlReport check(String url) {
    return JdbcUrlChecker.check("orders", url, HostClassification.UNKNOWN, List.of());
  }

  /** Errors and warnings: the engine's notes (UnclassifiedHost on an unknown host) are not about the URL. */
  static List<Problem> problems(String url) {
    return check(url).report().problems().stream().filter(p -> p.severity() != Severity.NOTE).toList();
  }

  @Test
  void theIssuesUrlIsAProfileOnItsSpogHost() {
    JdbcUrlReport r = check(SPOG_URL);

    assertThat(r.report().problems()).isEmpty();
    assertThat(r.report().host().host().baseUrl()).isEqualTo("https://peco.azuredatabricks.net");
    assertThat(r.report().workspaceId()).isEqualTo("6436897454825492");
    assertThat(r.report().compute("default").orElseThrow().path().input())
        .isEqualTo("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492");
    assertThat(r.url().schema()).isEqualTo("default");
  }

  @Test
  void keysIgnoreCaseAndAPortKeyOverridesTheHostsPort() {
    JdbcUrlReport r = check("jdbc:databricks://peco.azuredatabricks.net:443;HTTPPATH=/sql/1.0/endpoints/e1?o=42;PORT=8443");

    assertThat(r.report().problems()).isEmpty();
    assertThat(r.report().host().host().port()).isEqualTo(8443);
    assertThat(r.report().workspaceId()).isEqualTo("42");
    assertThat(r.url().schema()).isEqualTo("default");
  }

  @Test
  void aBadWorkspaceIdIsTheEnginesCodeWithItsPlaceInTheUrl() {
    String url = "jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;httpPath=/sql/1.0/warehouses/abc?o=12a";

    assertThat(problems(url)).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.InvalidWorkspaceId);
      assertThat(p.compute()).isEqualTo("default");
      assertThat(p.message()).startsWith("[DatabricksProfile/InvalidWorkspaceId] JDBC URL, httpPath at character "
          + (url.indexOf("httpPath") + 1) + ": ").contains("\"12a\"");
    });
  }

  @Test
  void hostProblemsPointAtTheHost() {
    String azure = "jdbc:databricks://adb-1234567890.12.azuredatabricks.net:443;httpPath=/sql/1.0/warehouses/abc?o=999";
    assertThat(problems(azure))
        .singleElement().satisfies(p -> {
          assertThat(p.code()).isEqualTo(Code.HostWorkspaceMismatch);
          assertThat(p.message()).contains("JDBC URL, httpPath at character " + (azure.indexOf("httpPath") + 1) + ": ")
              .contains("\"1234567890\"");
        });
    assertThat(problems("jdbc:databricks://accounts.cloud.databricks.com:443;httpPath=/sql/1.0/warehouses/abc?o=1"))
        .extracting(Problem::code, p -> p.message().startsWith("[DatabricksProfile/InvalidHost] JDBC URL, host at character 19: "))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Code.InvalidHost, true));
    // GCP embeds the id too; a cluster path names its own.
    assertThat(problems("jdbc:databricks://1234567890.3.gcp.databricks.com;httpPath=sql/protocolv1/o/999/0123-456789-abcdefgh"))
        .extracting(Problem::code).containsExactly(Code.HostWorkspaceMismatch);
  }

  @Test
  void aKeyGivenTwiceIsRefusedAtItsSecondPlace() {
    String url = "jdbc:databricks://peco.azuredatabricks.net;httpPath=/sql/1.0/warehouses/a?o=1;HttpPath=/sql/1.0/warehouses/b?o=1";

    List<Problem> problems = problems(url);
    assertThat(problems).extracting(Problem::code).containsExactly(Code.DuplicateJdbcUrlKey);
    assertThat(problems.get(0).message()).isEqualTo(
        "[DatabricksProfile/DuplicateJdbcUrlKey] JDBC URL, HttpPath at character " + (url.indexOf("HttpPath") + 1)
            + ": key \"HttpPath\" is given a second time (first as \"httpPath\" at character 44). Each key once is"
            + " expected: keys ignore case, databricks-jdbc 3.3 refuses such a URL (\"Multiple entries with same"
            + " key\") and 3.4 silently keeps the last value. Remove one of them.");
    // What 3.4 keeps, and what Brickcheck would judge: the last.
    assertThat(check(url).url().httpPath()).contains("/sql/1.0/warehouses/b?o=1");
  }

  @Test
  void aLiteralSecretIsRefusedAndNeverShown() {
    for (String key : List.of("PWD", "pwd", "Auth_AccessToken", "OAuth2Secret", "password", "Auth_RefreshToken",
        "http.header.Authorization", "SSLKeyStorePwd")) {
      String url = "jdbc:databricks://peco.azuredatabricks.net:443/default;AuthMech=3;UID=token;" + key
          + "=dapiSECRET0123;httpPath=/sql/1.0/warehouses/a?o=1";
      JdbcUrlReport r = check(url);

      assertThat(r.report().problems()).as(key).singleElement().satisfies(p -> {
        assertThat(p.code()).isEqualTo(Code.SecretInJdbcUrl);
        assertThat(p.message()).startsWith("[DatabricksProfile/SecretInJdbcUrl] JDBC URL, " + key + " at character "
            + (url.indexOf(key + "=") + 1) + ": key \"" + key + "\" holds a literal secret").doesNotContain("SECRET0123");
      });
      assertThat(r.url().redacted()).doesNotContain("SECRET0123").contains(key + "=***;httpPath=");
      assertThat(r.url().toString()).doesNotContain("SECRET0123");
      assertThat(r.url().passThrough()).extracting(JdbcUrlEntry::key).containsExactly("AuthMech", "UID");
      assertThat(r.report().toString()).doesNotContain("SECRET0123");
    }
    // An empty PWD= holds no secret; UID=token is no secret either.
    assertThat(problems("jdbc:databricks://h.example.com;UID=token;PWD=;httpPath=/sql/1.0/warehouses/a")).isEmpty();
  }

  @Test
  void sslOffIsForLoopbackOnly() {
    String url = "jdbc:databricks://peco.azuredatabricks.net:443/default;ssl=0;httpPath=/sql/1.0/warehouses/a?o=1";
    assertThat(problems(url)).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.InsecureJdbcUrl);
      assertThat(p.message()).isEqualTo("[DatabricksProfile/InsecureJdbcUrl] JDBC URL, ssl at character "
          + (url.indexOf("ssl") + 1) + ": ssl \"0\""
          + " turns TLS off for host \"peco.azuredatabricks.net\", which is not a loopback address. Databricks serves"
          + " https only (ssl=0 is for a loopback test gateway). Use ssl=1.");
    });

    JdbcUrlReport loopback = check("jdbc:databricks://127.0.0.1:47913/default;ssl=0;httpPath=/sql/1.0/warehouses/a?o=1");
    assertThat(loopback.report().problems()).isEmpty();
    assertThat(loopback.report().host().host().baseUrl()).isEqualTo("http://127.0.0.1:47913");
    assertThat(problems("jdbc:databricks://localhost:8080;ssl=0;httpPath=/sql/1.0/warehouses/a")).isEmpty();
  }

  @Test
  void transportModeMustBeHttp() {
    String url = "jdbc:databricks://h.example.com;transportMode=binary;httpPath=/sql/1.0/warehouses/a";
    assertThat(problems(url))
        .singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(
            "[DatabricksProfile/UnsupportedTransportMode] JDBC URL, transportMode at character "
                + (url.indexOf("transportMode") + 1) + ": transportMode"
                + " \"binary\" is not supported. transportMode=http is expected: Databricks serves Thrift over HTTP"
                + " only. Use transportMode=http."));
    assertThat(problems("jdbc:databricks://h.example.com;TRANSPORTMODE=HTTP;httpPath=/sql/1.0/warehouses/a")).isEmpty();
  }

  @Test
  void theSimbaPrefixIsAWarningAndTheRestIsStillChecked() {
    JdbcUrlReport r = check("jdbc:spark://peco.azuredatabricks.net:443/default;transportMode=http;ssl=1;httpPath=/sql/1.0/warehouses/a?o=1x");

    assertThat(r.report().problems()).extracting(Problem::code).containsExactly(Code.LegacyJdbcUrl, Code.InvalidWorkspaceId);
    assertThat(r.report().problems().get(0).severity()).isEqualTo(Severity.WARNING);
    assertThat(r.report().problems().get(0).message()).isEqualTo(
        "[DatabricksProfile/LegacyJdbcUrl] JDBC URL: \"jdbc:spark://\" is the prefix of the legacy Simba Spark"
            + " driver. A databricks-jdbc URL (com.databricks:databricks-jdbc 3.3.3 or newer, which keeps ?o= on the"
            + " http path) is expected. Move to databricks-jdbc and start the URL with \"jdbc:databricks://\".");
  }

  @Test
  void anExplicitOrgIdHeaderMustNameThePathsWorkspace() {
    String url = "jdbc:databricks://peco.azuredatabricks.net;httpPath=/sql/1.0/warehouses/a?o=6436897454825492;"
        + "http.header.x-databricks-org-id=1111";
    assertThat(problems(url)).singleElement().satisfies(p -> assertThat(p.message()).isEqualTo(
        "[DatabricksProfile/OrgIdHeaderMismatch] JDBC URL, http.header.x-databricks-org-id at character "
            + (url.indexOf("http.header") + 1) + ": workspace header \"1111\" names workspace \"1111\" but httpPath"
            + " \"/sql/1.0/warehouses/a?o=6436897454825492\" routes to workspace \"6436897454825492\". One workspace is"
            + " expected: the driver routes Thrift requests by the path and every other request by the header. Set"
            + " http.header.x-databricks-org-id=6436897454825492, or remove it (Brickcheck adds it from the http path)."));
    // A cluster path's own id, any case of the key, and a value that is no id at all.
    assertThat(problems("jdbc:databricks://peco.azuredatabricks.net;httpPath=sql/protocolv1/o/42/0123-456789-abc;"
        + "HTTP.HEADER.X-Databricks-Org-Id=43")).extracting(Problem::code).containsExactly(Code.OrgIdHeaderMismatch);
    assertThat(problems("jdbc:databricks://peco.azuredatabricks.net;httpPath=/sql/1.0/warehouses/a?o=42;"
        + "http.header.x-databricks-org-id=4 2")).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("workspace header \"4 2\" is not a workspace id"));
    // The same id, zero-padded, agrees.
    assertThat(problems("jdbc:databricks://peco.azuredatabricks.net;httpPath=/sql/1.0/warehouses/a?o=42;"
        + "http.header.x-databricks-org-id=0042")).isEmpty();
  }

  @Test
  void whatIsNotAUsableUrlSaysWhy() {
    assertThat(problems("https://peco.azuredatabricks.net/sql/1.0/warehouses/a?o=1")).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.InvalidJdbcUrl);
      assertThat(p.message()).contains("is not a databricks-jdbc URL");
    });
    assertThat(problems("JDBC:Databricks://h.example.com;httpPath=/sql/1.0/warehouses/a;PWD=dapiSECRET"))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("in lower case").doesNotContain("dapiSECRET"));
    assertThat(problems("jdbc:databricks://;httpPath=/sql/1.0/warehouses/a"))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("names no host"));
    assertThat(problems("jdbc:databricks://h.example.com:443/default;AuthMech=3")).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("[DatabricksProfile/InvalidJdbcUrl] JDBC URL"
            + " \"jdbc:databricks://h.example.com:443/default;AuthMech=3\" has no httpPath. An httpPath property"
            + " naming the compute is expected, such as httpPath=/sql/1.0/warehouses/<id>?o=<workspace-id>. Add"
            + " ;httpPath=<the http path from the compute's Connection details tab>."));
    assertThat(problems("jdbc:databricks://h.example.com:443/default; httpPath=/sql/1.0/warehouses/a"))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("(key \" httpPath\" at character 45 has spaces"));
    assertThat(problems("jdbc:databricks://h.example.com:443/default?httpPath=/sql/1.0/warehouses/a"))
        .singleElement().satisfies(p -> assertThat(p.message()).contains("properties follow \";\""));
    assertThat(problems("jdbc:databricks://h.example.com;httpPath=")).singleElement()
        .satisfies(p -> assertThat(p.message()).isEqualTo("[DatabricksProfile/InvalidJdbcUrl] JDBC URL, httpPath at"
            + " character 33: httpPath is empty. The compute's http path is expected, such as"
            + " httpPath=/sql/1.0/warehouses/<id>?o=<workspace-id>. Copy it from the compute's Connection details tab."));
    assertThat(problems(null)).extracting(Problem::code).containsExactly(Code.InvalidJdbcUrl);
    // Segments with no key are no duplicates, and name nothing.
    assertThat(problems("jdbc:databricks://h.example.com;=a;=b;httpPath=/sql/1.0/warehouses/a")).isEmpty();
    assertThat(check("").report().computes()).isEmpty();
  }

  @Test
  void everyMessageHasTheContractsShape() {
    for (String url : List.of(SPOG_URL.replace("?o=", "?o=x"), SPOG_URL.replace("ssl=1", "ssl=0"),
        SPOG_URL + ";PWD=x", SPOG_URL + ";transportMode=sasl", "jdbc:spark://h.example.com;httpPath=/sql/1.0/warehouses/a",
        SPOG_URL + ";http.header.x-databricks-org-id=7", "jdbc:databricks://h;httpPath=/x")) {
      for (Problem p : problems(url)) {
        assertThat(p.message()).startsWith(p.code().tag() + " ").endsWith(".").contains("\"");
        assertThat(p.severity()).isEqualTo(p.code().defaultSeverity());
      }
    }
  }

  @Test
  void passThroughKeepsTheCallersOtherPropertiesOnce() {
    JdbcUrl url = check("jdbc:databricks://h.example.com:443/sales;transportMode=http;ssl=1;AuthMech=11;"
        + "ConnCatalog=main;httpPath=/sql/1.0/warehouses/a;UserAgentEntry=orders/1.0;;").url();

    assertThat(url.passThrough()).extracting(e -> e.key() + "=" + e.value())
        .containsExactly("AuthMech=11", "ConnCatalog=main", "UserAgentEntry=orders/1.0");
    assertThat(url.schema()).isEqualTo("sales");
  }
}
