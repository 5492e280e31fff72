package io.brickcheck.internal.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** env_var templates: what is checked at compile time, what is deferred, how run time renders. */
class GeneratedDbtOutputTest {
  static final Map<String, String> ENV = Map.of("WH", "a1b2c3d4e5f6a7b8", "ETL_WH", "e7");

  final DbtSelection prod = DbtTestFiles.parse("templates.yml").select("jaffle_shop", "prod");

  @Test
  void staticCheckJudgesTheLiteralQueryOfATemplatedPathAndDefersTheRest() {
    DbtStaticCheck check = prod.checkStatically(HostClassification.UNKNOWN);

    assertThat(check.report()).isNull();
    assertThat(check.deferred()).extracting(DbtValue::position).extracting(Object::toString)
        .containsExactly("templates.yml:6:13", "templates.yml:7:18", "templates.yml:11:22");
    assertThat(check.deferred().get(1).envVarNames()).containsExactly("WH");
    assertThat(check.problems()).extracting(Problem::message).containsExactly(
        "[DatabricksProfile/InvalidWorkspaceId] templates.yml:11:22: workspace id \"12a\" in http path"
            + " \"/sql/1.0/warehouses/{{env_var(\\\"ETL_WH\\\")}}?o=12a\" is not a workspace id. 1 to 19 ASCII"
            + " digits, at most 9223372036854775807, are expected. Use the numeric id from your workspace URL"
            + " (?o=<digits>).");
    assertThat(check.problems().get(0).compute()).isEqualTo("etl");
  }

  @Test
  void runTimeFailsWithMissingEnvironmentVariableNamingTheVariableAndItsPosition() {
    ProfileReport report = prod.check(Map.of(), HostClassification.UNKNOWN);

    assertThat(report.problems()).extracting(Problem::message).containsExactly(
        "[DatabricksProfile/MissingEnvironmentVariable] templates.yml:7:39: environment variable \"WH\" is not"
            + " set, and http_path of target \"prod\" of profile \"jaffle_shop\" has no default for it. A value"
            + " for WH is expected when the connection is made. Set WH, or give a default:"
            + " {{ env_var('WH', '<default>') }}.",
        "[DatabricksProfile/MissingEnvironmentVariable] templates.yml:11:22: environment variable \"ETL_WH\""
            + " is not set, and http_path of compute \"etl\" of target \"prod\" of profile \"jaffle_shop\" has"
            + " no default for it. A value for ETL_WH is expected when the connection is made. Set ETL_WH, or"
            + " give a default: {{ env_var('ETL_WH', '<default>') }}.",
        // Issue 10 kind 8: a missing variable hides nothing else: the literal query is still judged...
        "[DatabricksProfile/InvalidWorkspaceId] templates.yml:11:22: workspace id \"12a\" in http path"
            + " \"/sql/1.0/warehouses/{{env_var(\\\"ETL_WH\\\")}}?o=12a\" is not a workspace id. 1 to 19 ASCII"
            + " digits, at most 9223372036854775807, are expected. Use the numeric id from your workspace URL"
            + " (?o=<digits>).",
        // ...and the unset credential is named, never valued, as a warning.
        "[DatabricksProfile/MissingSecretVariable] templates.yml:8:15: environment variable"
            + " \"DATABRICKS_TOKEN\" of token of target \"prod\" of profile \"jaffle_shop\" is not set. dbt needs"
            + " it when it connects with this target (it stops with \"Env var required but not provided\");"
            + " Brickcheck itself never reads credentials. Set DATABRICKS_TOKEN where dbt runs; where only the"
            + " settings are checked (CI without secrets) this warning can be ignored.");
    assertThat(report.problems()).extracting(Problem::isError).containsExactly(true, true, true, false);
    assertThat(report.host().input()).isNull();
    assertThat(prod.toSpec(Map.of()).isOk()).isFalse();
  }

  @Test
  void runTimeRendersWithTheEnvironmentAndAppliesTheSameRulesWithTheSameCodes() {
    ProfileReport report = prod.check(ENV, HostClassification.UNKNOWN);

    assertThat(report.spec().host()).isEqualTo("peco.azuredatabricks.net"); // the default
    assertThat(report.spec().defaultHttpPath()).isEqualTo("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492");
    assertThat(report.problems()).extracting(Problem::code)
        .containsExactly(Code.InvalidWorkspaceId, Code.MissingSecretVariable);
    assertThat(prod.check(Map.of("WH", "w", "ETL_WH", "e", "DATABRICKS_TOKEN", ""), HostClassification.UNKNOWN).problems())
        .extracting(Problem::code).containsExactly(Code.InvalidWorkspaceId);
    assertThat(report.problems().get(0).message())
        .startsWith("[DatabricksProfile/InvalidWorkspaceId] templates.yml:11:22: workspace id \"12a\" in http path"
            + " \"/sql/1.0/warehouses/e7?o=12a\"");
  }

  @Test
  void aSetVariableWinsOverTheDefaultEvenWhenEmpty() {
    DbtValue host = prod.output().host();

    assertThat(host.render(Map.of("DATABRICKS_HOST", "adb-1.2.azuredatabricks.net")).value()).isEqualTo("adb-1.2.azuredatabricks.net");
    assertThat(host.render(Map.of("DATABRICKS_HOST", "")).value()).isEmpty();
    assertThat(host.render(Map.of()).value()).isEqualTo("peco.azuredatabricks.net");
  }

  @Test
  void aTemplatedTargetNeedsAnExplicitTargetAtCompileTimeAndRendersAtRunTime() {
    DbtProfilesFile file = DbtTestFiles.parse("templates.yml");

    assertThat(file.select("jaffle_shop", null).problems()).extracting(Problem::message).containsExactly(
        "[DatabricksProfile/UnsupportedTemplate] templates.yml:2:11: target of profile \"jaffle_shop\" is"
            + " \"{{ env_var('DBT_TARGET', 'prod') }}\", known only at run time. A target known now is expected"
            + " here. Name the target explicitly.");
    assertThat(file.select("jaffle_shop", null, Map.of()).output().target()).isEqualTo("prod");
    assertThat(file.select("jaffle_shop", null, Map.of("DBT_TARGET", "staging")).output().target()).isEqualTo("staging");
  }

  @Test
  void aWholeValueTemplateIsEntirelyDeferredAndExactlyPositioned() {
    DbtSelection staging = DbtTestFiles.parse("templates.yml").select("jaffle_shop", "staging");

    assertThat(staging.checkStatically(HostClassification.UNKNOWN).problems()).isEmpty();
    assertThat(staging.checkStatically(HostClassification.UNKNOWN).deferred()).hasSize(1);
    assertThat(staging.check(Map.of(), HostClassification.UNKNOWN).problems()).extracting(Problem::message)
        .singleElement().asString().startsWith("[DatabricksProfile/MissingEnvironmentVariable] templates.yml:17:19:");
    assertThat(staging.check(Map.of("STAGING_PATH", "/sql/1.0/warehouses/s?o=1"), HostClassification.UNKNOWN).problems()).isEmpty();
  }

  @Test
  void templateSpellingsDbtAcceptsAreParsed() {
    assertThat(parts("\"{{env_var('A')}}\"")).containsExactly(new DbtValue.EnvVar("A", null, pos(5, 14)));
    assertThat(parts("\"{{  env_var( \\\"A\\\" ,  \\\"d\\\" )  }}\"")).singleElement()
        .isEqualTo(new DbtValue.EnvVar("A", "d", pos(5, 13)));
    assertThat(parts("'{{ env_var(\"A\", '''') }}'")).hasSize(1);
    assertThat(parts("x{{ env_var('A') }}y{{ env_var('B', '') }}z")).containsExactly(
        new DbtValue.Literal("x"), new DbtValue.EnvVar("A", null, pos(5, 14)), new DbtValue.Literal("y"),
        new DbtValue.EnvVar("B", "", pos(5, 33)), new DbtValue.Literal("z"));
    assertThat(parts("\"a}}b\"")).containsExactly(new DbtValue.Literal("a}}b"));
    assertThat(parts("\"{ {not a template} }\"")).containsExactly(new DbtValue.Literal("{ {not a template} }"));
  }

  @Test
  void everyOtherTemplateIsUnsupportedAtItsOwnPosition() {
    assertThat(unsupported("\"/sql/{% if x %}a{% endif %}\"")).startsWith("profiles.yml:5:19: host of target")
        .contains("uses the template \"{% if x %}\"");
    assertThat(unsupported("\"{{ env_var('A') | title }}\"")).startsWith("profiles.yml:5:14:");
    assertThat(unsupported("\"{{ env_var('A', 5) }}\"")).startsWith("profiles.yml:5:14:");
    assertThat(unsupported("\"{{ env_var('') }}\"")).contains("whose variable name is empty or has spaces");
    assertThat(unsupported("\"{# comment #}\"")).startsWith("profiles.yml:5:14:");
    assertThat(unsupported("\"abc{{ env_var('A')\"")).startsWith("profiles.yml:5:17:")
        .contains("has \"{{\" without a closing \"}}\"");
    assertThat(unsupported("\"{{ env_var('A', 'a\\\\b') }}\"")).contains("has a backslash");
  }

  static List<DbtValue.Part> parts(String hostYaml) {
    DbtSelection s = DbtProfilesReader.parse(profileWithHost(hostYaml), "profiles.yml").select("p", null);
    assertThat(s.problems()).isEmpty();
    return s.output().host().parts();
  }

  static String unsupported(String hostYaml) {
    List<Problem> problems = DbtProfilesReader.parse(profileWithHost(hostYaml), "profiles.yml").select("p", null).problems();
    assertThat(problems).extracting(Problem::code).containsExactly(Code.UnsupportedTemplate);
    return problems.get(0).message().substring("[DatabricksProfile/UnsupportedTemplate] ".length());
  }

  /** The host value starts at line 5, column 13. */
  static String profileWithHost(String hostYaml) {
    return "p:\n  target: t\n  outputs:\n    t:\n      host: " + hostYaml + "\n      type: databricks\n"
        + "      http_path: /sql/1.0/warehouses/a?o=1\n";
  }

  static YamlPosition pos(int line, int column) {
    return new YamlPosition("profiles.yml", line, column);
  }
}
