package io.brickcheck.internal.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Code;
import io.brickcheck.internal.rules.ComputeSpec;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileReport;
import io.brickcheck.internal.rules.ProfileSpec;
import io.brickcheck.internal.rules.SpecForm;
import io.brickcheck.rules.Subject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 5: selecting a dbt output and the position of every problem in the file. */
class DbtProfilesReaderTest {

  @Test
  void theIssuesExampleSelectsTheProfilesOwnTargetAndPassesEveryRule() {
    DbtSelection selection = DbtTestFiles.parse("happy.yml").select("jaffle_shop", null);

    assertThat(selection.problems()).isEmpty();
    DbtOutput out = selection.output();
    assertThat(out.target()).isEqualTo("prod");
    assertThat(out.position()).isEqualTo(new YamlPosition("happy.yml", 4, 5));
    assertThat(out.host().literal()).contains("peco.azuredatabricks.net");
    assertThat(out.host().position()).hasToString("happy.yml:6:13");
    assertThat(out.httpPath().position()).hasToString("happy.yml:7:18");
    assertThat(out.computes()).extracting(DbtCompute::name).containsExactly("Cluster1");
    assertThat(out.computes().get(0).namePosition()).hasToString("happy.yml:10:9");
    assertThat(out.computes().get(0).httpPath().position()).hasToString("happy.yml:11:22");
    assertThat(out.secrets()).containsExactly(new DbtSecret("token", new YamlPosition("happy.yml", 8, 14),
        DbtSecret.Source.ENV_VAR, List.of("DATABRICKS_TOKEN"),
        List.of(new DbtValue.EnvVar("DATABRICKS_TOKEN", null, new YamlPosition("happy.yml", 8, 15)))));

    DbtStaticCheck check = selection.checkStatically(HostClassification.UNKNOWN);
    assertThat(check.problems()).isEmpty();
    assertThat(check.isDeferred()).isFalse();
    assertThat(check.report().workspaceId()).isEqualTo("6436897454825492");
    assertThat(selection.toSpec(Map.of()).spec()).isEqualTo(new ProfileSpec("jaffle_shop.prod",
        "peco.azuredatabricks.net", HostClassification.UNKNOWN, "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492",
        List.of(new ComputeSpec("Cluster1",
            "sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh")), SpecForm.DBT));
  }

  @Test
  void anExplicitTargetWinsOverTheProfilesOwn() {
    DbtSelection selection = DbtTestFiles.parse("unknown-target.yml").select("jaffle_shop", "dev");

    assertThat(selection.output().httpPath().literal()).contains("/sql/1.0/warehouses/dev?o=6436897454825492");
  }

  @Test
  void aMistypedTargetInTheFilePointsAtItAndSuggestsTheClosest() {
    assertOnly(DbtTestFiles.parse("unknown-target.yml").select("jaffle_shop", null),
        "[DatabricksProfile/UnknownDbtTarget] unknown-target.yml:2:11: target \"prdo\" is not in profile"
            + " \"jaffle_shop\". Targets: \"dev\", \"prod\". Did you mean \"prod\"?");
  }

  @Test
  void aMistypedTargetGivenByTheCallerPointsAtOutputs() {
    assertOnly(DbtTestFiles.parse("unknown-target.yml").select("jaffle_shop", "qa"),
        "[DatabricksProfile/UnknownDbtTarget] unknown-target.yml:3:3: target \"qa\" is not in profile"
            + " \"jaffle_shop\". Targets: \"dev\", \"prod\". Name one of them, or add \"qa\" under outputs:.");
  }

  @Test
  void anUnknownProfileListsTheProfilesAndSuggestsTheClosest() {
    assertOnly(DbtTestFiles.parse("happy.yml").select("jafle_shop", null),
        "[DatabricksProfile/UnknownDbtProfile] happy.yml:1:1: profile \"jafle_shop\" is not in happy.yml."
            + " Profiles: \"jaffle_shop\". Did you mean \"jaffle_shop\"?");
    assertOnly(DbtTestFiles.parse("happy.yml").select("analytics", null),
        "[DatabricksProfile/UnknownDbtProfile] happy.yml:1:1: profile \"analytics\" is not in happy.yml."
            + " Profiles: \"jaffle_shop\". Name one of them, or add \"analytics\" to happy.yml.");
  }

  @Test
  void aTypeOtherThanDatabricksIsUnsupportedAtTheTypeValue() {
    assertOnly(DbtTestFiles.parse("errors.yml").select("wrong_type", null),
        "[DatabricksProfile/UnsupportedProfileType] errors.yml:6:13: target \"prod\" of profile \"wrong_type\""
            + " has type \"snowflake\". Brickcheck reads \"type: databricks\" outputs only. Select a databricks"
            + " target, or set type: databricks.");
  }

  @Test
  void aMissingHostIsReportedAtTheTargetKey() {
    assertOnly(DbtTestFiles.parse("errors.yml").select("no_host", null),
        "[DatabricksProfile/MissingDbtField] errors.yml:12:5: target \"prod\" of profile \"no_host\" has no"
            + " host. A Databricks host such as \"peco.azuredatabricks.net\" is expected. Add host: <your"
            + " workspace or SPOG host>.");
  }

  @Test
  void aProfileWithoutTargetUsesDefaultAsDbtDoesAndStillNeedsAType() {
    assertOnly(DbtTestFiles.parse("errors.yml").select("no_type", null),
        "[DatabricksProfile/MissingDbtField] errors.yml:47:5: target \"default\" of profile \"no_type\" has"
            + " no type. \"type: databricks\" is expected. Add type: databricks.");
  }

  @Test
  void aTemplateOtherThanEnvVarIsUnsupportedAtItsOwnColumn() {
    assertOnly(DbtTestFiles.parse("errors.yml").select("bad_template", null),
        "[DatabricksProfile/UnsupportedTemplate] errors.yml:20:14: host of target \"prod\" of profile"
            + " \"bad_template\" uses the template \"{{ var('host') }}\", which Brickcheck cannot render."
            + " Only {{ env_var('NAME') }} and {{ env_var('NAME', 'default') }} are supported, optionally"
            + " followed by the filters replace, trim, lower, upper and default. Use one of them, or write"
            + " the value itself.");
  }

  @Test
  void aListWhereAMappingBelongsIsAnInvalidFile() {
    assertOnly(DbtTestFiles.parse("errors.yml").select("list_outputs", null),
        "[DatabricksProfile/InvalidProfilesFile] errors.yml:25:5: outputs of profile \"list_outputs\" must be"
            + " a mapping from target names to connections, found a list. Entries such as prod: are expected."
            + " Write one target name per line under outputs:.");
  }

  @Test
  void anUnquotedTemplateGetsAHintToQuoteIt() {
    List<Problem> problems = DbtTestFiles.parse("errors.yml").select("unquoted_template", null).problems();

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.InvalidProfilesFile);
      assertThat(p.message()).startsWith("[DatabricksProfile/InvalidProfilesFile] errors.yml:31:13: host of")
          .contains("found a mapping (an unquoted {{ ... }} is read as a YAML mapping: put the template in quotes)");
    });
  }

  @Test
  void ruleProblemsPointAtTheValueTheyAreAbout() {
    DbtSelection selection = DbtTestFiles.parse("errors.yml").select("rules", null);

    ProfileReport report = selection.check(Map.of(), HostClassification.UNKNOWN);
    assertThat(report.problems()).extracting(Problem::code, p -> p.message().substring(0, p.message().indexOf(": ") + 1))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Code.InvalidHost, "[DatabricksProfile/InvalidHost] errors.yml:38:13:"),
            org.assertj.core.groups.Tuple.tuple(Code.InvalidWorkspaceId, "[DatabricksProfile/InvalidWorkspaceId] errors.yml:39:18:"),
            org.assertj.core.groups.Tuple.tuple(Code.InvalidComputeName, "[DatabricksProfile/InvalidComputeName] errors.yml:43:9:"),
            org.assertj.core.groups.Tuple.tuple(Code.ComputeWorkspaceConflict, "[DatabricksProfile/ComputeWorkspaceConflict] errors.yml:44:22:"));
    assertThat(report.problems().get(1).message()).isEqualTo("[DatabricksProfile/InvalidWorkspaceId]"
        + " errors.yml:39:18: workspace id \"12a\" in http path \"/sql/1.0/warehouses/abc?o=12a\" is not a"
        + " workspace id. 1 to 19 ASCII digits, at most 9223372036854775807, are expected. Use the numeric id"
        + " from your workspace URL (?o=<digits>).");
    // Statically the same: every value is literal.
    assertThat(selection.checkStatically(HostClassification.UNKNOWN).problems()).isEqualTo(report.problems());
  }

  @Test
  void positionOfMapsEverySubjectToItsValue() {
    DbtOutput out = DbtTestFiles.parse("happy.yml").select("jaffle_shop", null).output();

    assertThat(out.positionOf(Problem.of(Code.InvalidHost, Subject.HOST, null, "x"))).hasToString("happy.yml:6:13");
    assertThat(out.positionOf(Problem.of(Code.InvalidHttpPath, Subject.HTTP_PATH, null, "x").forCompute(0, "default")))
        .hasToString("happy.yml:7:18");
    assertThat(out.positionOf(Problem.of(Code.InvalidHttpPath, Subject.HTTP_PATH, null, "x").forCompute(1, "Cluster1")))
        .hasToString("happy.yml:11:22");
    assertThat(out.positionOf(Problem.of(Code.DuplicateCompute, Subject.COMPUTE_NAME, null, "x").forCompute(1, "Cluster1")))
        .hasToString("happy.yml:10:9");
    // The index decides, not the name: a problem naming no compute by index is about the target.
    assertThat(out.positionOf(Problem.of(Code.InvalidHttpPath, Subject.HTTP_PATH, "Cluster1", "x"))).hasToString("happy.yml:4:5");
    assertThat(out.positionOf(Problem.of(Code.MissingWorkspaceId, Subject.PROFILE, null, "x"))).hasToString("happy.yml:4:5");
  }

  @Test
  void theConfigBlockIsNotAProfile() {
    DbtProfilesFile file = DbtProfilesReader.parse("config:\n  send_anonymous_usage_stats: false\np:\n  outputs: {}\n", "profiles.yml");

    assertThat(file.profileNames()).containsExactly("p");
    assertThat(file.select("config", null).problems()).extracting(Problem::code).containsExactly(Code.UnknownDbtProfile);
  }

  @Test
  void mergeKeysShareABaseOutputWithOwnKeysWinning() {
    String yaml = """
        p:
          target: prod
          outputs:
            dev: &base
              type: databricks
              host: peco.azuredatabricks.net
              http_path: /sql/1.0/warehouses/dev?o=1
            prod:
              <<: *base
              http_path: /sql/1.0/warehouses/prod?o=1
        """;
    DbtOutput out = DbtProfilesReader.parse(yaml, "profiles.yml").select("p", null).output();

    assertThat(out.host().literal()).contains("peco.azuredatabricks.net");
    assertThat(out.host().position()).hasToString("profiles.yml:6:13");
    assertThat(out.httpPath().literal()).contains("/sql/1.0/warehouses/prod?o=1");
    assertThat(out.httpPath().position()).hasToString("profiles.yml:10:18");
  }

  @Test
  void unknownKeysAndTheirTemplatesAreIgnored() {
    String yaml = """
        p:
          target: prod
          outputs:
            prod:
              type: databricks
              host: peco.azuredatabricks.net
              http_path: /sql/1.0/warehouses/abc?o=1
              schema: "{{ var('schema') }}"
              threads: "{{ env_var('THREADS') | int }}"
              catalog: main
        """;

    assertThat(DbtProfilesReader.parse(yaml, "profiles.yml").select("p", null).problems()).isEmpty();
  }

  @Test
  void missingComputePathAndBadComputeShapesAreAllReported() {
    String yaml = """
        p:
          outputs:
            default:
              type: databricks
              host: peco.azuredatabricks.net
              http_path: /sql/1.0/warehouses/abc?o=1
              compute:
                etl: {}
                batch: sql/protocolv1/o/1/c
        """;

    assertThat(DbtProfilesReader.parse(yaml, "profiles.yml").select("p", null).problems())
        .extracting(Problem::message)
        .containsExactly(
            "[DatabricksProfile/MissingDbtField] profiles.yml:8:9: compute \"etl\" of target \"default\" of"
                + " profile \"p\" has no http_path. An http path such as"
                + " \"sql/protocolv1/o/<workspace-id>/<cluster-id>\" is expected. Add http_path: under \"etl:\".",
            "[DatabricksProfile/InvalidProfilesFile] profiles.yml:9:16: compute \"batch\" of target \"default\""
                + " of profile \"p\" must be a mapping with http_path:, found text. Write http_path: <path>"
                + " indented under \"batch:\".");
  }

  static void assertOnly(DbtSelection selection, String message) {
    assertThat(selection.isSelected()).isFalse();
    assertThat(selection.problems()).extracting(Problem::message).containsExactly(message);
    assertThat(selection.checkStatically(HostClassification.UNKNOWN).problems()).isEqualTo(selection.problems());
    assertThat(selection.check(Map.of(), HostClassification.UNKNOWN).problems()).isEqualTo(selection.problems());
  }
}
