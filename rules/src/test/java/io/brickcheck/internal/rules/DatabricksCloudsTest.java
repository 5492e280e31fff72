package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10, kind 2: every row of the SDKs' environment table ({@link DatabricksClouds}) gets the
 * per-workspace, embedded-id and account-console rules, and names outside the zones get none.
 */
class DatabricksCloudsTest {

  @Test
  void theTableIsTheSdksList() {
    assertThat(DatabricksClouds.ENVIRONMENTS).extracting(DatabricksClouds.Environment::zone).containsExactly(
        ".dev.databricks.com", ".staging.cloud.databricks.com", ".cloud.databricks.us", ".cloud.databricks.mil",
        ".cloud.databricks.com", ".dev.azuredatabricks.net", ".staging.azuredatabricks.net", ".azuredatabricks.net",
        ".databricks.azure.us", ".databricks.azure.cn", ".dev.gcp.databricks.com", ".staging.gcp.databricks.com",
        ".gcp.databricks.com");
  }

  /** Columns: host | classification | embedded id. One per-workspace name for every row of the table. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      textBlock = """
          dbc-a1b2c3d4-e5f6.dev.databricks.com                   | WORKSPACE | null
          dbc-a1b2c3d4-e5f6.staging.cloud.databricks.com         | WORKSPACE | null
          dbc-a1b2c3d4-e5f6.cloud.databricks.us                  | WORKSPACE | null
          dbc-a1b2c3d4-e5f6.cloud.databricks.mil                 | WORKSPACE | null
          dbc-a1b2c3d4-e5f6.cloud.databricks.com                 | WORKSPACE | null
          adb-1234567890123456.7.dev.azuredatabricks.net         | WORKSPACE | 1234567890123456
          adb-1234567890123456.7.staging.azuredatabricks.net     | WORKSPACE | 1234567890123456
          adb-1234567890123456.7.azuredatabricks.net             | WORKSPACE | 1234567890123456
          adb-1234567890123456.7.databricks.azure.us             | WORKSPACE | 1234567890123456
          ADB-1234567890123456.12.Databricks.Azure.CN            | WORKSPACE | 1234567890123456
          1234567890123456.7.dev.gcp.databricks.com              | WORKSPACE | 1234567890123456
          1234567890123456.7.staging.gcp.databricks.com          | WORKSPACE | 1234567890123456
          1234567890123456.7.gcp.databricks.com                  | WORKSPACE | 1234567890123456
          adb-99999999999999999999.7.databricks.azure.us         | WORKSPACE | null
          acme-prod.cloud.databricks.com                         | UNKNOWN   | null
          acme-prod.cloud.databricks.us                          | UNKNOWN   | null
          peco.azuredatabricks.net                               | UNKNOWN   | null
          peco.databricks.azure.cn                               | UNKNOWN   | null
          adb-1234567890123456.7.databricks.azure.us.evil.io     | UNKNOWN   | null
          dbc-a1b2c3d4-e5f6.cloud.databricks.mil.example.org     | UNKNOWN   | null
          adb-1234567890123456.7.example.com                     | UNKNOWN   | null
          1234567890123456.7.gcp.example.com                     | UNKNOWN   | null
          """)
  void classifiesEveryCloud(String input, HostClassification kind, String embeddedId) {
    HostResult result = HostParser.parse(input);

    assertThat(result.problems()).isEmpty();
    assertThat(result.host().classification()).isEqualTo(kind);
    assertThat(result.host().embeddedWorkspaceId()).isEqualTo(embeddedId);
  }

  /** The SDKs' isAccountClient: {@code accounts.} or {@code accounts-dod.} on a Databricks zone. */
  @ParameterizedTest
  @CsvSource({
    "accounts.cloud.databricks.com", "accounts.cloud.databricks.us", "accounts-dod.cloud.databricks.mil",
    "accounts.cloud.databricks.mil", "accounts.azuredatabricks.net", "accounts.databricks.azure.us",
    "accounts.databricks.azure.cn", "accounts.gcp.databricks.com", "accounts.staging.cloud.databricks.com",
    "https://ACCOUNTS-DOD.cloud.databricks.mil/", "https://accounts.cloud.databricks.us:443"
  })
  void refusesTheAccountConsoleOfEveryCloud(String input) {
    assertThat(HostParser.parse(input).problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.InvalidHost);
      assertThat(p.message()).contains("is an account console");
      assertThat(p.suggestion()).isNull();
    });
  }

  @ParameterizedTest
  @CsvSource({"accounts.example.com", "accounts.acme.cloud.databricks.com.evil.io", "accountsx.cloud.databricks.com",
    "my-accounts.azuredatabricks.net", "accounts-dev.cloud.databricks.mil"})
  void otherAccountLikeNamesAreHosts(String input) {
    assertThat(HostParser.parse(input).problems()).isEmpty();
  }

  /** The example: the same mismatch is an error on Azure US Government as on Azure public. */
  @ParameterizedTest
  @CsvSource({
    "adb-1234567890123456.7.databricks.azure.us", "adb-1234567890123456.7.databricks.azure.cn",
    "adb-1234567890123456.7.azuredatabricks.net", "1234567890123456.7.gcp.databricks.com"
  })
  void embeddedIdsDisagreeingWithTheQueryAreAMismatchOnEveryCloud(String host) {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("p", host, "/sql/1.0/warehouses/abc?o=999"));

    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.HostWorkspaceMismatch);
      assertThat(p.isError()).isTrue();
      assertThat(p.message()).contains("names workspace \"999\" but host \"" + host + "\" is workspace \"1234567890123456\"");
      assertThat(p.suggestion()).isEqualTo("/sql/1.0/warehouses/abc");
    });
  }

  @ParameterizedTest
  @CsvSource({"dbc-a1b2c3d4-e5f6.cloud.databricks.us", "dbc-a1b2c3d4-e5f6.cloud.databricks.mil",
    "adb-1234567890123456.7.databricks.azure.cn"})
  void aQueryIdOnAGovernmentOrChinaWorkspaceHostIsStray(String host) {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("p", host, "/sql/1.0/warehouses/abc?o=1234567890123456"));

    assertThat(report.problems()).extracting(Problem::code).containsExactly(Code.StrayWorkspaceId);
  }

  /** Kind 3: a name cut short is a typo, with the whole name as the fix. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      textBlock = """
          https://adb-1234567890123456.7.azuredatabricks/net/ | adb-1234567890123456.7.azuredatabricks.net
          adb-1234567890123456.7.azuredatabricks/net          | adb-1234567890123456.7.azuredatabricks.net
          adb-1234567890123456.7.azuredatabricks              | adb-1234567890123456.7.azuredatabricks.net
          https://1234567890123456.7.gcp.databricks/com       | 1234567890123456.7.gcp.databricks.com
          dbc-a1b2c3d4-e5f6.cloud.databricks/us               | dbc-a1b2c3d4-e5f6.cloud.databricks.us
          dbc-a1b2c3d4-e5f6.cloud.databricks/mil/             | dbc-a1b2c3d4-e5f6.cloud.databricks.mil
          adb-1234567890123456.7.databricks.azure/cn          | adb-1234567890123456.7.databricks.azure.cn
          adb-1234567890123456.7.databricks.azure             | null
          dbc-a1b2c3d4-e5f6.cloud.databricks                  | null
          """)
  void aDomainCutShortIsInvalidWithTheWholeDomainAsTheFix(String input, String fix) {
    assertThat(HostParser.parse(input).problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.InvalidHost);
      assertThat(p.suggestion()).isEqualTo(fix);
      if (fix != null) {
        assertThat(p.message()).endsWith("Use \"" + fix + "\".");
        assertThat(HostParser.parse(fix).problems()).isEmpty();
      } else {
        assertThat(p.message()).contains("a Databricks domain cut short").contains("Complete the domain name");
      }
    });
  }

  /** Kind 3: the console is named first, never offered as the fix for a path on it. */
  @Test
  void aPathOnTheAccountConsoleIsAnAccountConsole() {
    List<Problem> problems = HostParser.parse("https://accounts.gcp.databricks.com/workspaces/2111501043581247").problems();

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.message()).contains("is an account console").doesNotContain("Use \"accounts.gcp.databricks.com\"");
      assertThat(p.suggestion()).isNull();
    });
  }
}
