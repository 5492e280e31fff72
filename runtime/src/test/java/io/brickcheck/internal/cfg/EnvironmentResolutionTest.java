package io.brickcheck.internal.cfg;

import io.brickcheck.Credentials;
import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.HostKind;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DATABRICKS_* resolved as databricks-sdk-java's ConfigLoader does: variables first, the file only
 * for what is unset, and only when a profile is named or no host and no credential is set.
 */
class EnvironmentResolutionTest {
  static final String SPOG = "https://peco.azuredatabricks.net";
  static final String ID = "6436897454825492";

  @TempDir Path home;

  private Map<String, String> env(String... pairs) {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    for (int i = 0; i < pairs.length; i += 2) {
      env.put(pairs[i], pairs[i + 1]);
    }
    return env;
  }

  private String cfg(String text) {
    return CfgFiles.write(home, ".databrickscfg", text).toString();
  }

  private static Map<String, String> origins(CfgSelection s) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    s.settings().settings().forEach(v -> m.put(v.key(), v.origin().toString()));
    return m;
  }

  @Test
  void variablesAloneMakeAProfileAndEveryValueRemembersItsVariable() {
    CfgSelection s = DatabricksCfg.fromEnvironment(env("DATABRICKS_HOST", SPOG, "DATABRICKS_WORKSPACE_ID", ID,
        "DATABRICKS_WAREHOUSE_ID", "abc", "DATABRICKS_TOKEN", "dapiSECRET"), null);
    assertThat(origins(s)).containsExactly(
        Map.entry("host", "env:DATABRICKS_HOST"),
        Map.entry("workspace_id", "env:DATABRICKS_WORKSPACE_ID"),
        Map.entry("warehouse_id", "env:DATABRICKS_WAREHOUSE_ID"),
        Map.entry("token", "env:DATABRICKS_TOKEN"));
    CfgReport r = s.check(HostKind.AUTO.classification());
    assertThat(r.report().problems()).isEmpty();
    assertThat(r.report().computes().get(0).path().input()).isEqualTo("/sql/1.0/warehouses/abc?o=" + ID);
    assertThat(r.origins()).containsEntry("credentials", "token (set) at env:DATABRICKS_TOKEN");
    assertThat(s.toString() + r).doesNotContain("SECRET");
  }

  @Test
  void withAHostInTheEnvironmentAndNoProfileNamedTheSdkDoesNotReadTheFile() {
    cfg("[DEFAULT]\nhost = https://other.example.com\nwarehouse_id = fromfile\n");
    CfgSelection s = DatabricksCfg.fromEnvironment(env("DATABRICKS_HOST", SPOG, "DATABRICKS_HTTP_PATH",
        "/sql/1.0/warehouses/abc?o=" + ID), null);
    assertThat(origins(s)).containsOnlyKeys("host", "http_path");
    assertThat(s.check(HostKind.AUTO.classification()).report().problems()).isEmpty();
  }

  @Test
  void withoutHostOrCredentialsTheDefaultProfileFillsTheRest() {
    String file = cfg("[DEFAULT]\nhost = " + SPOG + "\nworkspace_id = " + ID + "\n");
    CfgSelection s = DatabricksCfg.fromEnvironment(env("DATABRICKS_WAREHOUSE_ID", "abc"), null);
    assertThat(origins(s)).containsExactly(
        Map.entry("host", file + ":2:8"),
        Map.entry("workspace_id", file + ":3:16"),
        Map.entry("warehouse_id", "env:DATABRICKS_WAREHOUSE_ID"));
    assertThat(s.settings().name()).isEqualTo("DEFAULT");
    assertThat(s.check(HostKind.AUTO.classification()).report().problems()).isEmpty();
  }

  @Test
  void aNamedProfileIsReadAndAVariableOverridesItsValueWithAWarning() {
    String file = cfg("[DEFAULT]\n[prod]\nhost = " + SPOG + "\nworkspace_id = " + ID + "\nwarehouse_id = abc\ntoken = dapiFILE\n");
    CfgSelection s = DatabricksCfg.fromEnvironment(env("DATABRICKS_CONFIG_PROFILE", "prod",
        "DATABRICKS_WORKSPACE_ID", "42", "DATABRICKS_TOKEN", "dapiENV"), null);
    assertThat(origins(s)).containsEntry("workspace_id", "env:DATABRICKS_WORKSPACE_ID")
        .containsEntry("host", file + ":3:8");
    CfgReport r = s.check(HostKind.AUTO.classification());
    assertThat(r.report().workspaceId()).isEqualTo("42");
    assertThat(r.report().problems()).extracting(Problem::message).containsExactly(
        "[DatabricksProfile/OverriddenSetting] env:DATABRICKS_WORKSPACE_ID: DATABRICKS_WORKSPACE_ID \"42\" overrides"
            + " workspace_id \"" + ID + "\" of profile \"prod\" at " + file + ":4:16: the Databricks SDKs read variables"
            + " first. One value per setting is expected. Unset DATABRICKS_WORKSPACE_ID, or remove workspace_id from"
            + " the profile.",
        "[DatabricksProfile/OverriddenSetting] env:DATABRICKS_TOKEN: DATABRICKS_TOKEN overrides token of profile"
            + " \"prod\" at " + file + ":6:9: the Databricks SDKs read variables first. One value per setting is"
            + " expected. Unset DATABRICKS_TOKEN, or remove token from the profile.");
    assertThat(r.report().problems().toString()).doesNotContain("dapi");
  }

  @Test
  void databricksConfigFileNamesTheFileWithATildeForHome() {
    String file = CfgFiles.write(home, "conf/dbx.cfg", "[ci]\nhost = " + SPOG + "\nwarehouse_id = abc\nworkspace_id = 1\n").toString();
    CfgSelection s = DatabricksCfg.fromEnvironment(env("DATABRICKS_CONFIG_FILE", "~/conf/dbx.cfg",
        "DATABRICKS_CONFIG_PROFILE", "ci"), null);
    assertThat(origins(s)).containsEntry("host", file + ":2:8");
    assertThat(DatabricksCfg.locate(env("DATABRICKS_CONFIG_FILE", "~/conf/dbx.cfg"), null)).isEqualTo(Path.of(file));
    assertThat(DatabricksCfg.locate(Map.of(), home)).isEqualTo(home.resolve(".databrickscfg"));
  }

  @Test
  void aNamedProfileOrFileThatIsMissingIsAnErrorAtTheVariable() {
    cfg("[DEFAULT]\n[prod]\nhost = h.example.com\n");
    List<Problem> unknown = DatabricksCfg.fromEnvironment(env("DATABRICKS_CONFIG_PROFILE", "prdo"), null).problems();
    assertThat(unknown).extracting(Problem::message).singleElement().asString().startsWith(
        "[DatabricksProfile/UnknownConfigProfile] env:DATABRICKS_CONFIG_PROFILE: profile \"prdo\" is not in ");
    List<Problem> noFile = DatabricksCfg.fromEnvironment(env("DATABRICKS_CONFIG_FILE", home + "/nope.cfg"), null).problems();
    assertThat(noFile).extracting(Problem::code).containsExactly(Code.ConfigFileNotFound);
    assertThat(noFile.get(0).message()).startsWith("[DatabricksProfile/ConfigFileNotFound] env:DATABRICKS_CONFIG_FILE: ");
  }

  @Test
  void noHostAnywhereSaysWhichVariableToSet() {
    CfgReport r = DatabricksCfg.fromEnvironment(env("DATABRICKS_WAREHOUSE_ID", "abc"), null).check(HostKind.AUTO.classification());
    assertThat(r.report().problems()).extracting(Problem::message).containsExactly(
        "[DatabricksProfile/MissingConfigField] the environment has no host. A Databricks workspace or SPOG host is"
            + " expected. Set DATABRICKS_HOST=https://<your host>, or DATABRICKS_CONFIG_PROFILE to a profile with a host.");
    CfgReport noCompute = DatabricksCfg.fromEnvironment(env("DATABRICKS_HOST", SPOG), null).check(HostKind.AUTO.classification());
    assertThat(noCompute.report().problems()).extracting(Problem::code).containsExactly(Code.MissingConfigField);
    assertThat(noCompute.report().problems().get(0).message()).contains("Set DATABRICKS_WAREHOUSE_ID=<id>");
  }

  @Test
  void theFileRulesApplyToVariablesTooSpelledAsVariables() {
    CfgReport none = DatabricksCfg.fromEnvironment(env("DATABRICKS_HOST", SPOG, "DATABRICKS_WORKSPACE_ID", "none",
        "DATABRICKS_WAREHOUSE_ID", "abc"), null).check(HostKind.AUTO.classification());
    assertThat(none.report().errors()).extracting(Problem::message).singleElement().asString().startsWith(
        "[DatabricksProfile/PlaceholderValue] env:DATABRICKS_WORKSPACE_ID: DATABRICKS_WORKSPACE_ID is \"none\"");
    CfgReport query = DatabricksCfg.fromEnvironment(env("DATABRICKS_HOST", SPOG + "/?o=" + ID,
        "DATABRICKS_CLUSTER_ID", "0123-456789-abcdefgh"), null).check(HostKind.AUTO.classification());
    assertThat(query.report().problems()).extracting(Problem::code).containsExactly(Code.WorkspaceIdOnHost);
    assertThat(query.report().computes().get(0).path().input()).isEqualTo("sql/protocolv1/o/" + ID + "/0123-456789-abcdefgh");
    CfgReport cluster = DatabricksCfg.fromEnvironment(env("DATABRICKS_HOST", SPOG, "DATABRICKS_CLUSTER_ID", "c-1"), null)
        .check(HostKind.AUTO.classification());
    assertThat(cluster.report().problems()).extracting(Problem::message).singleElement().asString()
        .startsWith("[DatabricksProfile/MissingWorkspaceId] env:DATABRICKS_CLUSTER_ID: DATABRICKS_CLUSTER_ID \"c-1\"")
        .contains("Set DATABRICKS_WORKSPACE_ID=<the number after ?o= in your workspace URL>");
  }

  @Test
  void emptyVariablesAreUnsetAsInTheSdk() {
    cfg("[DEFAULT]\nhost = " + SPOG + "\nwarehouse_id = abc\nworkspace_id = 1\n");
    CfgSelection s = DatabricksCfg.fromEnvironment(env("DATABRICKS_HOST", "", "DATABRICKS_TOKEN", ""), null);
    assertThat(s.settings().get("host").orElseThrow().origin().isEnvironment()).isFalse();
  }

  @Test
  void credentialsComeFromVariablesBeforeTheFileAndOnlyForTheirUse() {
    String file = cfg("[DEFAULT]\n[prod]\nhost = " + SPOG + "\nclient_id = sp-1\nclient_secret = \"sp-SECRET\"  # rotated\n"
        + "[pat]\ntoken = dapiFILE\n");
    Path path = Path.of(file);
    assertThat(DatabricksCfg.credentials(path, "prod", Map.of(), null, Credentials::token, Credentials::oauthM2M))
        .contains(io.brickcheck.Credentials.oauthM2M("sp-1", "sp-SECRET"));
    assertThat(DatabricksCfg.credentials(path, "prod", Map.of("DATABRICKS_TOKEN", "dapiENV"), null, Credentials::token, Credentials::oauthM2M))
        .contains(io.brickcheck.Credentials.token("dapiENV"));
    assertThat(DatabricksCfg.credentials(null, null, env("DATABRICKS_CONFIG_PROFILE", "pat"), null, Credentials::token, Credentials::oauthM2M))
        .contains(io.brickcheck.Credentials.token("dapiFILE"));
    assertThat(DatabricksCfg.credentials(path, "prod", Map.of("DATABRICKS_CLIENT_SECRET", "sp-ENV"), null, Credentials::token, Credentials::oauthM2M))
        .contains(io.brickcheck.Credentials.oauthM2M("sp-1", "sp-ENV"));
    assertThat(DatabricksCfg.credentials(path, "DEFAULT", Map.of(), null, Credentials::token, Credentials::oauthM2M)).isEmpty();
    assertThat(DatabricksCfg.credentials(home.resolve("missing"), "prod", Map.of(), null, Credentials::token, Credentials::oauthM2M)).isEmpty();
    // Reading the same profile keeps no secret anywhere.
    assertThat(DatabricksCfg.fromFile(DatabricksCfg.read(path), "prod").toString()).doesNotContain("sp-SECRET");
  }
}
