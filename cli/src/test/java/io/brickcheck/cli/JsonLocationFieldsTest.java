package io.brickcheck.cli;

import static io.brickcheck.cli.CheckDbtProfilesTest.file;
import static io.brickcheck.cli.CheckDbtProfilesTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON report's structured place of each problem ({@code file}, {@code line}, {@code column},
 * {@code variable}, {@code key}, {@code profile}, {@code target}, {@code compute},
 * {@code computeIndex}) for every source, read from the problem's fields; the {@code location}
 * string and the {@code message} stay as they were.
 */
class JsonLocationFieldsTest {
  static final String SPOG = "https://peco.azuredatabricks.net";
  static final String ID = "6436897454825492";

  @TempDir Path home;

  static JsonArray problems(CheckCommandTest.Run r) {
    return JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonArray("problems");
  }

  static JsonObject withCode(JsonArray problems, String code) {
    for (JsonElement p : problems) {
      if (p.getAsJsonObject().get("code").getAsString().equals(code)) {
        return p.getAsJsonObject();
      }
    }
    throw new AssertionError("no " + code + " in " + problems);
  }

  static String str(JsonObject o, String key) {
    return o.get(key).isJsonNull() ? null : o.get(key).getAsString();
  }

  static Integer num(JsonObject o, String key) {
    return o.get(key).isJsonNull() ? null : o.get(key).getAsInt();
  }

  @Test
  void aDbtProblemHasFileLineColumnProfileTargetAndCompute() {
    CheckCommandTest.Run r = run(Map.of(), "check", "--format", "json", "--profiles", file("errors.yml"),
        "--profile", "rules");

    JsonArray problems = problems(r);
    JsonObject id = withCode(problems, "InvalidWorkspaceId");
    assertThat(str(id, "location")).isEqualTo("errors.yml:39:18");
    assertThat(str(id, "file")).isEqualTo("errors.yml");
    assertThat(num(id, "line")).isEqualTo(39);
    assertThat(num(id, "column")).isEqualTo(18);
    assertThat(str(id, "profile")).isEqualTo("rules");
    // No --target: the profile's own target: is the one read, and named.
    assertThat(str(id, "target")).isEqualTo("prod");
    assertThat(str(id, "compute")).isEqualTo("default");
    assertThat(num(id, "computeIndex")).isZero();
    assertThat(str(id, "variable")).isNull();
    assertThat(str(id, "key")).isNull();
    // The message is the location string after the tag, then the text: unchanged.
    assertThat(str(id, "message")).startsWith("[DatabricksProfile/InvalidWorkspaceId] errors.yml:39:18: workspace id \"12a\"");

    JsonObject name = withCode(problems, "InvalidComputeName");
    assertThat(num(name, "line")).isEqualTo(43);
    assertThat(num(name, "column")).isEqualTo(9);
    assertThat(num(name, "computeIndex")).isEqualTo(2);

    JsonObject host = withCode(problems, "InvalidHost");
    assertThat(num(host, "line")).isEqualTo(38);
    assertThat(host.get("computeIndex").isJsonNull()).isTrue();
  }

  @Test
  void aDbtFileProblemBeforeAnyTargetNamesTheTargetAsked() {
    CheckCommandTest.Run r = run(Map.of(), "check", "--format", "json", "--profiles", file("unknown-target.yml"),
        "--profile", "jaffle_shop", "--target", "prdo");

    JsonObject p = problems(r).get(0).getAsJsonObject();
    assertThat(str(p, "code")).isEqualTo("UnknownDbtTarget");
    assertThat(str(p, "file")).isEqualTo("unknown-target.yml");
    assertThat(str(p, "profile")).isEqualTo("jaffle_shop");
    assertThat(str(p, "target")).isEqualTo("prdo");
  }

  @Test
  void aConfigFileProblemHasItsAbsoluteFileAndSection() throws Exception {
    Path cfg = home.resolve(".databrickscfg");
    Files.writeString(cfg, "[prod]\nhost = " + SPOG + "/?o=" + ID + "\nworkspace_id = 42\nwarehouse_id = abc\n",
        StandardCharsets.UTF_8);

    CheckCommandTest.Run r = run(Map.of(), "check", "--format", "json", "--databrickscfg", cfg.toString(), "--profile", "prod");

    JsonObject mismatch = withCode(problems(r), "ConfigWorkspaceMismatch");
    assertThat(str(mismatch, "file")).isEqualTo(cfg.toString());
    assertThat(num(mismatch, "line")).isEqualTo(3);
    assertThat(num(mismatch, "column")).isEqualTo(16);
    assertThat(str(mismatch, "profile")).isEqualTo("prod");
    assertThat(str(mismatch, "target")).isNull();
    JsonObject onHost = withCode(problems(r), "WorkspaceIdOnHost");
    assertThat(num(onHost, "line")).isEqualTo(2);
    assertThat(num(onHost, "column")).isEqualTo(8);
  }

  @Test
  void anEnvironmentProblemNamesTheVariableAndNoFilePosition() throws Exception {
    Path cfg = home.resolve(".databrickscfg");
    Files.writeString(cfg, "[prod]\nhost = " + SPOG + "\nworkspace_id = " + ID + "\n", StandardCharsets.UTF_8);

    CheckCommandTest.Run r = run(Map.of("HOME", home.toString(), "DATABRICKS_CONFIG_PROFILE", "prod",
        "DATABRICKS_WAREHOUSE_ID", "abc", "DATABRICKS_WORKSPACE_ID", "none"), "check", "--env", "--format", "json");

    JsonObject placeholder = withCode(problems(r), "PlaceholderValue");
    assertThat(str(placeholder, "location")).isEqualTo("env:DATABRICKS_WORKSPACE_ID");
    assertThat(str(placeholder, "variable")).isEqualTo("DATABRICKS_WORKSPACE_ID");
    assertThat(str(placeholder, "file")).isNull();
    assertThat(num(placeholder, "line")).isNull();
    assertThat(num(placeholder, "column")).isNull();
    // The variables chose the profile of the file, and that profile is named.
    assertThat(str(placeholder, "profile")).isEqualTo("prod");
    JsonObject note = withCode(problems(r), "UnclassifiedHost");
    assertThat(str(note, "file")).isEqualTo(cfg.toString());
    assertThat(num(note, "line")).isEqualTo(2);
  }

  @Test
  void aProfileVariableNamingNoSectionIsItsLocation() throws Exception {
    Path cfg = home.resolve(".databrickscfg");
    Files.writeString(cfg, "[prod]\nhost = " + SPOG + "\n", StandardCharsets.UTF_8);

    CheckCommandTest.Run r = run(Map.of("HOME", home.toString(), "DATABRICKS_CONFIG_PROFILE", "nope"),
        "check", "--env", "--format", "json");

    JsonObject unknown = withCode(problems(r), "UnknownConfigProfile");
    assertThat(str(unknown, "variable")).isEqualTo("DATABRICKS_CONFIG_PROFILE");
    assertThat(str(unknown, "message")).startsWith("[DatabricksProfile/UnknownConfigProfile] env:DATABRICKS_CONFIG_PROFILE: ");
    assertThat(str(unknown, "profile")).isEqualTo("nope");
  }

  @Test
  void aJdbcUrlProblemHasTheKeyAndItsCharacterAsColumn() {
    String url = "jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;ssl=1;"
        + "httpPath=/sql/1.0/warehouses/abc?o=12a";

    CheckCommandTest.Run r = CheckCommandTest.run("check", "--format", "json", "--jdbc-url", url);

    JsonObject id = withCode(problems(r), "InvalidWorkspaceId");
    assertThat(str(id, "key")).isEqualTo("httpPath");
    assertThat(num(id, "column")).isEqualTo(url.indexOf("httpPath") + 1);
    assertThat(str(id, "location")).isEqualTo("JDBC URL, httpPath at character " + (url.indexOf("httpPath") + 1));
    assertThat(str(id, "file")).isNull();
    assertThat(num(id, "line")).isNull();
    assertThat(num(id, "computeIndex")).isZero();
    assertThat(str(id, "profile")).isNull();
  }

  @Test
  void repeatedComputeNamesFromFlagsAreToldApartByIndex() {
    CheckCommandTest.Run r = CheckCommandTest.run("check", "--format", "json", "--host", "peco.azuredatabricks.net",
        "--http-path", "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + ID,
        "--compute", "etl=/sql/1.0/warehouses/def?o=" + ID,
        "--compute", "etl=/sql/1.0/warehouses/ghi?o=12a");

    JsonObject id = withCode(problems(r), "InvalidWorkspaceId");
    assertThat(str(id, "compute")).isEqualTo("etl");
    assertThat(num(id, "computeIndex")).isEqualTo(2);
    assertThat(num(withCode(problems(r), "DuplicateCompute"), "computeIndex")).isEqualTo(2);
  }
}
