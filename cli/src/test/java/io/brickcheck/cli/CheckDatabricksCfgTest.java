package io.brickcheck.cli;

import static io.brickcheck.cli.CheckCommandTest.assertUsage;
import static io.brickcheck.cli.CheckDbtProfilesTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --databrickscfg [FILE] [--profile NAME]} and {@code check --env} (issue 13). */
class CheckDatabricksCfgTest {
  static final String SPOG = "https://peco.azuredatabricks.net";
  static final String ID = "6436897454825492";

  @TempDir Path home;

  Path cfg(String text) throws Exception {
    Path file = home.resolve(".databrickscfg");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void aProfilePrintsWhatTheSameFlagsWouldPrint() throws Exception {
    Path file = cfg("[DEFAULT]\n[prod]\nhost = " + SPOG + "\nworkspace_id = " + ID + "\nwarehouse_id = a1b2c3d4e5f6a7b8\n"
        + "cluster_id = 0123-456789-abcdefgh\ntoken = dapiCLISECRET\n");
    CheckCommandTest.Run cfg = run(Map.of(), "check", "--databrickscfg", file.toString(), "--profile", "prod");
    CheckCommandTest.Run flags = CheckCommandTest.run("check", "--host", SPOG,
        "--http-path", "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + ID,
        "--compute", "cluster=sql/protocolv1/o/" + ID + "/0123-456789-abcdefgh");

    assertThat(cfg.status()).isZero();
    assertThat(cfg.out()).isEqualTo(flags.out()).doesNotContain("CLISECRET");
    CheckCommandTest.Run json = run(Map.of(), "check", "--format", "json", "--databrickscfg", file.toString(), "--profile", "prod");
    CheckCommandTest.Run flagsJson = CheckCommandTest.run("check", "--format", "json", "--host", SPOG,
        "--http-path", "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + ID,
        "--compute", "cluster=sql/protocolv1/o/" + ID + "/0123-456789-abcdefgh");
    assertThat(json.out()).isEqualTo(flagsJson.out());
  }

  @Test
  void problemsCarryTheirFilePositionInTheTextAndInJson() throws Exception {
    Path file = cfg("[prod]\nhost = " + SPOG + "/?o=" + ID + "\nworkspace_id = 42\nwarehouse_id = abc\n");
    CheckCommandTest.Run text = run(Map.of(), "check", "--databrickscfg", file.toString(), "--profile", "prod");
    assertThat(text.status()).isEqualTo(1);
    assertThat(text.out())
        .contains("warning [DatabricksProfile/WorkspaceIdOnHost] " + file + ":2:8: host \"" + SPOG + "/?o=" + ID + "\"")
        .contains("error   [DatabricksProfile/ConfigWorkspaceMismatch] " + file + ":3:16: workspace_id names workspace \"42\"")
        .contains("FAILED: 1 error, 1 warning.");

    CheckCommandTest.Run json = run(Map.of(), "check", "--format", "json", "--databrickscfg", file.toString(), "--profile", "prod");
    JsonArray problems = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("problems");
    assertThat(problems).hasSize(2);
    JsonObject mismatch = problems.get(1).getAsJsonObject();
    assertThat(mismatch.get("code").getAsString()).isEqualTo("ConfigWorkspaceMismatch");
    assertThat(mismatch.get("location").getAsString()).isEqualTo(file + ":3:16");
    assertThat(problems.get(0).getAsJsonObject().get("location").getAsString()).isEqualTo(file + ":2:8");
  }

  @Test
  void withoutFileOrProfileTheSdksDefaultsApply() throws Exception {
    cfg("[DEFAULT]\nhost = " + SPOG + "\nworkspace_id = " + ID + "\nwarehouse_id = abc\n[ci]\nhost = " + SPOG
        + "\nwarehouse_id = def\n");
    CheckCommandTest.Run byDefault = run(Map.of("HOME", home.toString()), "check", "--databrickscfg");
    assertThat(byDefault.status()).isZero();
    assertThat(byDefault.out()).contains("/sql/1.0/warehouses/abc?o=" + ID);
    CheckCommandTest.Run byVariable = run(Map.of("HOME", home.toString(), "DATABRICKS_CONFIG_PROFILE", "ci"),
        "check", "--databrickscfg", "--strict");
    assertThat(byVariable.out()).contains("/sql/1.0/warehouses/def  (warehouse, no workspace id)");
    CheckCommandTest.Run missing = run(Map.of(), "check", "--databrickscfg", home.resolve("nope").toString());
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.out()).startsWith("No profile was read.").contains("[DatabricksProfile/ConfigFileNotFound]")
        .doesNotContain("Host null");
  }

  @Test
  void envResolvesVariablesFirstAndPrintsPositionsOfBoth() throws Exception {
    Path file = cfg("[prod]\nhost = " + SPOG + "\nworkspace_id = " + ID + "\n");
    CheckCommandTest.Run r = run(Map.of("HOME", home.toString(), "DATABRICKS_CONFIG_PROFILE", "prod",
        "DATABRICKS_WAREHOUSE_ID", "abc", "DATABRICKS_WORKSPACE_ID", "none", "DATABRICKS_TOKEN", "dapiENVSECRET"),
        "check", "--env", "--format", "json");
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).doesNotContain("dapiENVSECRET");
    JsonArray problems = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("problems");
    assertThat(problems).extracting(p -> p.getAsJsonObject().get("code").getAsString() + " "
        + p.getAsJsonObject().get("location").getAsString())
        .containsExactly("OverriddenSetting env:DATABRICKS_WORKSPACE_ID", "PlaceholderValue env:DATABRICKS_WORKSPACE_ID",
            // No usable id and a host name that says nothing: the note says what to declare.
            "UnclassifiedHost " + file + ":2:8");
    assertThat(problems.get(0).getAsJsonObject().get("message").getAsString()).contains(file + ":3:16");

    CheckCommandTest.Run ok = run(Map.of("DATABRICKS_HOST", SPOG, "DATABRICKS_HTTP_PATH", "/sql/1.0/warehouses/abc?o=" + ID),
        "check", "--env");
    assertThat(ok.status()).isZero();
    assertThat(ok.out()).startsWith("Host https://peco.azuredatabricks.net (kind UNKNOWN), workspace " + ID);
  }

  @Test
  void usageErrors() {
    assertUsage(run(Map.of(), "check", "--env", "--databrickscfg"), "mutually exclusive");
    assertUsage(run(Map.of(), "check", "--env", "--profile", "p"), "--profile goes with --profiles or --databrickscfg");
    assertUsage(run(Map.of(), "check", "--host", "h", "--http-path", "/p", "--profile", "p"),
        "--profile goes with --profiles or --databrickscfg");
  }
}
