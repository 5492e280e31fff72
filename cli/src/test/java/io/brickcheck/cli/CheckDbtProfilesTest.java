package io.brickcheck.cli;

import static io.brickcheck.cli.CheckCommandTest.assertUsage;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code check --profiles FILE --profile NAME [--target T]} (issue 5). */
class CheckDbtProfilesTest {

  static CheckCommandTest.Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = BrickcheckCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true), env);
    return new CheckCommandTest.Run(status, out.toString(), err.toString());
  }

  static String file(String name) {
    try {
      return Path.of(CheckDbtProfilesTest.class.getResource("/dbt/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aDbtProfilePrintsExactlyWhatTheSameFlagsWouldPrint() {
    CheckCommandTest.Run dbt = run(Map.of("DATABRICKS_TOKEN", "dapi-cli-secret"), "check", "--profiles",
        file("happy.yml"), "--profile", "jaffle_shop");
    CheckCommandTest.Run flags = CheckCommandTest.run("check", "--host", "peco.azuredatabricks.net",
        "--http-path", "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492",
        "--compute", "Cluster1=sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh");

    assertThat(dbt.status()).isZero();
    assertThat(dbt.out()).isEqualTo(flags.out()).endsWith("OK: no problems." + System.lineSeparator());
    assertThat(dbt.err()).isEmpty();
  }

  @Test
  void yamlProblemsAreProblemsWithTheirPositionAndExitOne() {
    CheckCommandTest.Run r = run(Map.of(), "check", "--format", "json", "--profiles", file("unknown-target.yml"),
        "--profile", "jaffle_shop");

    assertThat(r.status()).isEqualTo(1);
    JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(root.keySet()).containsExactly("host", "hostKind", "workspaceId", "computes", "problems");
    assertThat(root.get("host").isJsonNull()).isTrue();
    JsonObject problem = root.getAsJsonArray("problems").get(0).getAsJsonObject();
    assertThat(problem.get("code").getAsString()).isEqualTo("UnknownDbtTarget");
    assertThat(problem.get("message").getAsString()).isEqualTo("[DatabricksProfile/UnknownDbtTarget]"
        + " unknown-target.yml:2:11: target \"prdo\" is not in profile \"jaffle_shop\". Targets: \"dev\","
        + " \"prod\". Did you mean \"prod\"?");
    assertThat(problem.get("location").getAsString()).isEqualTo("unknown-target.yml:2:11");
  }

  @Test
  void ruleProblemsCarryTheFilePositionAndTheTargetFlagSelects() {
    CheckCommandTest.Run r = run(Map.of(), "check", "--profiles", file("errors.yml"), "--profile", "rules", "--target", "prod");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("error   [default] [DatabricksProfile/InvalidWorkspaceId] errors.yml:39:18: workspace id \"12a\"")
        .contains("FAILED: 4 errors, 0 warnings.");
  }

  @Test
  void withoutSecretsTheCredentialVariableIsAWarningAndTheExitStatusStaysZero() {
    CheckCommandTest.Run r = run(Map.of(), "check", "--profiles", file("happy.yml"), "--profile", "jaffle_shop");

    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("warning [DatabricksProfile/MissingSecretVariable] happy.yml:8:15: environment"
        + " variable \"DATABRICKS_TOKEN\" of token of target \"prod\" of profile \"jaffle_shop\" is not set.")
        .contains("0 errors, 1 warning");
  }

  /** Issue 10 kind 8: every problem of the target at once, text and JSON alike, no secret shown. */
  @Test
  void oneMissingVariableHidesNoOtherProblemInTextAndJson() {
    String[] text = {"check", "--profiles", file("as-written.yml"), "--profile", "analytics", "--target", "ci"};
    CheckCommandTest.Run r = run(Map.of("DBT_TOKEN", "dapi-cli-secret"), text);

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out())
        .contains("[DatabricksProfile/MissingEnvironmentVariable] as-written.yml:7:14: environment variable"
            + " \"DATABRICKS_HOST\" is not set")
        .contains("[DatabricksProfile/MissingEnvironmentVariable] as-written.yml:17:43: environment variable"
            + " \"XL_WH\" is not set")
        .contains("[DatabricksProfile/InvalidComputeName] as-written.yml:18:9: compute name \"nächtlich\"")
        .contains("[DatabricksProfile/InvalidWorkspaceId] as-written.yml:8:18: workspace id \"12a\"")
        .contains("[DatabricksProfile/MissingSecretVariable] as-written.yml:10:19:")
        .contains("[DatabricksProfile/MissingSecretVariable] as-written.yml:11:23:")
        .contains("FAILED: 4 errors, 2 warnings.")
        .doesNotContain("dapi");

    String[] json = {"check", "--format", "json", "--profiles", file("as-written.yml"), "--profile", "analytics",
        "--target", "ci"};
    CheckCommandTest.Run j = run(Map.of("DATABRICKS_HOST", "https://peco.azuredatabricks.net"), json);
    assertThat(j.status()).isEqualTo(1);
    assertThat(j.out()).doesNotContain("dapi");
    JsonObject root = JsonParser.parseString(j.out()).getAsJsonObject();
    assertThat(root.getAsJsonArray("problems")).extracting(e -> e.getAsJsonObject().get("code").getAsString())
        .containsExactly("MissingEnvironmentVariable", "InvalidComputeName", "InvalidWorkspaceId",
            "MissingSecretVariable", "MissingSecretVariable");
  }

  @Test
  void theIssuesFilteredHostAndDbtComputeNamesPassInTextAndJson() {
    Map<String, String> env = Map.of("DATABRICKS_HOST", "https://peco.azuredatabricks.net/", "DATABRICKS_TOKEN", "t");
    CheckCommandTest.Run r = run(env, "check", "--profiles", file("as-written.yml"), "--profile", "analytics");

    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("peco.azuredatabricks.net").contains("etl.hourly").contains("2xl_warehouse")
        .endsWith("OK: no problems." + System.lineSeparator());
    CheckCommandTest.Run j = run(env, "check", "--format", "json", "--profiles", file("as-written.yml"),
        "--profile", "analytics");
    assertThat(j.status()).isZero();
    JsonObject root = JsonParser.parseString(j.out()).getAsJsonObject();
    assertThat(root.getAsJsonArray("problems")).isEmpty();
    assertThat(root.get("host").toString()).contains("peco.azuredatabricks.net");
  }

  @Test
  void templatesRenderFromTheEnvironment() {
    String[] args = {"check", "--profiles", file("templates.yml"), "--profile", "jaffle_shop", "--target", "staging"};

    CheckCommandTest.Run unset = run(Map.of(), args);
    assertThat(unset.status()).isEqualTo(1);
    assertThat(unset.out()).contains("[DatabricksProfile/MissingEnvironmentVariable] templates.yml:17:19:"
        + " environment variable \"STAGING_PATH\" is not set");
    CheckCommandTest.Run set = run(Map.of("STAGING_PATH", "/sql/1.0/warehouses/s?o=7"), args);
    assertThat(set.status()).isZero();
    assertThat(set.out()).contains("default  /sql/1.0/warehouses/s?o=7  (warehouse, workspace 7 from ?o=)");
  }

  @Test
  void aMissingFileIsAProblemNotACrash() {
    CheckCommandTest.Run r = run(Map.of(), "check", "--profiles", "/nonexistent/profiles.yml", "--profile", "p");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("[DatabricksProfile/ProfilesFileNotFound] \"/nonexistent/profiles.yml\" does not exist")
        .doesNotContain("Host null");
  }

  @Test
  void flagsAndAFileTogetherOrNeitherAreUsageErrors() {
    assertUsage(run(Map.of(), "check", "--host", "h", "--http-path", "/p", "--profiles", "f", "--profile", "p"),
        "are mutually exclusive");
    assertUsage(run(Map.of(), "check"), "Missing required argument (specify one of these)");
    assertUsage(run(Map.of(), "check", "--profiles", "f"), "Missing required argument(s): --profile=NAME");
    assertUsage(run(Map.of(), "check", "--profile", "p", "--target", "t"), "--profiles=FILE");
  }
}
