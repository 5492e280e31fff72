package io.brickcheck.internal.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Code;
import io.brickcheck.internal.rules.ComputeReport;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, kind 8: dbt compute names map to Java names; an unset credential variable is named,
 * never valued; one unset variable hides no other problem of the file.
 */
class DbtProfilesAsWrittenTest {
  static final Map<String, String> PROD_ENV = Map.of(
      "DATABRICKS_HOST", "https://peco.azuredatabricks.net/", "DATABRICKS_TOKEN", "dapi-secret-value");

  final DbtProfilesFile file = DbtTestFiles.parse("as-written.yml");

  @Test
  void dbtComputeNamesWithDotsAndLeadingDigitsAreValid() {
    DbtSelection prod = file.select("analytics", null);

    assertThat(prod.checkStatically(HostClassification.UNKNOWN).problems()).isEmpty();
    ProfileReport report = prod.check(PROD_ENV, HostClassification.UNKNOWN);
    assertThat(report.problems()).isEmpty();
    assertThat(report.spec().host()).isEqualTo("peco.azuredatabricks.net");
    assertThat(report.computes()).extracting(ComputeReport::name)
        .containsExactly("default", "etl.hourly", "2xl_warehouse");
    assertThat(report.workspaceId()).isEqualTo("6436897454825492");
  }

  @Test
  void namesThatCollideAfterTheMappingAreDuplicatesNamingBoth() {
    List<Problem> problems = file.select("analytics", "clash").checkStatically(HostClassification.UNKNOWN).problems();

    assertThat(problems).extracting(Problem::message).containsExactly(
        "[DatabricksProfile/DuplicateCompute] as-written.yml:37:9: compute name \"etl-hourly\" collides with"
            + " compute \"etl.hourly\" (both become openEtlHourly()). Names must differ after case folding and"
            + " after every character other than a letter or digit is removed. Rename one of them.",
        "[DatabricksProfile/DuplicateCompute] as-written.yml:41:9: compute name \"compute-2xl\" collides with"
            + " compute \"2xl\" (both become the constant COMPUTE_2XL_HTTP_PATH). Names must differ after the"
            + " name-to-constant mapping. Rename one of them.",
        "[DatabricksProfile/DuplicateCompute] as-written.yml:43:9: compute name \"Default\" collides with the"
            + " default compute (both become openDefault()). The name \"default\" is reserved for the"
            + " profile's own http path. Declare that path as http_path, or rename the compute.");
    assertThat(problems).extracting(Problem::compute).containsExactly("etl-hourly", "compute-2xl", "Default");
  }

  @Test
  void withoutSecretsEveryProblemOfTheTargetIsReportedTogether() {
    ProfileReport report = file.select("analytics", "ci").check(Map.of(), HostClassification.UNKNOWN);

    assertThat(report.problems()).extracting(Problem::code, p -> position(p)).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Code.MissingEnvironmentVariable, "as-written.yml:7:14"),
        org.assertj.core.groups.Tuple.tuple(Code.MissingEnvironmentVariable, "as-written.yml:17:43"),
        org.assertj.core.groups.Tuple.tuple(Code.InvalidComputeName, "as-written.yml:18:9"),
        org.assertj.core.groups.Tuple.tuple(Code.InvalidWorkspaceId, "as-written.yml:8:18"),
        org.assertj.core.groups.Tuple.tuple(Code.MissingSecretVariable, "as-written.yml:10:19"),
        org.assertj.core.groups.Tuple.tuple(Code.MissingSecretVariable, "as-written.yml:11:23"));
    assertThat(report.problems().get(4).message()).isEqualTo("[DatabricksProfile/MissingSecretVariable]"
        + " as-written.yml:10:19: environment variable \"DATABRICKS_CLIENT_ID\" of client_id of target \"ci\" of"
        + " profile \"analytics\" is not set. dbt needs it when it connects with this target (it stops with"
        + " \"Env var required but not provided\"); Brickcheck itself never reads credentials. Set"
        + " DATABRICKS_CLIENT_ID where dbt runs; where only the settings are checked (CI without secrets)"
        + " this warning can be ignored.");
    assertThat(report.problems().get(5).message()).contains("\"DATABRICKS_CLIENT_SECRET\" of client_secret");
    assertThat(report.problems().get(4).isError()).isFalse();
    // A token with a default is complete without its variable; its default is never shown.
    assertThat(report.problems()).extracting(Problem::message).noneMatch(m -> m.contains("DBT_TOKEN")
        || m.contains("never-shown"));
  }

  @Test
  void theHostThatRendersIsJudgedWhileAnotherVariableIsMissing() {
    ProfileReport report = file.select("analytics", "ci")
        .check(Map.of("DATABRICKS_HOST", "https://peco.azuredatabricks.net/x", "DATABRICKS_CLIENT_ID", "id",
            "DATABRICKS_CLIENT_SECRET", "s"), HostClassification.UNKNOWN);

    assertThat(report.problems()).extracting(Problem::code).containsExactly(Code.MissingEnvironmentVariable,
        Code.InvalidComputeName, Code.InvalidHost, Code.InvalidWorkspaceId);
    assertThat(report.problems().get(2).message())
        .startsWith("[DatabricksProfile/InvalidHost] as-written.yml:7:13: ").contains("peco.azuredatabricks.net/x");
  }

  @Test
  void aSecretValueOrDefaultNeverReachesAMessage() {
    String yaml = "p:\n  target: t\n  outputs:\n    t:\n      type: databricks\n"
        + "      host: peco.azuredatabricks.net\n      http_path: /sql/1.0/warehouses/a?o=1\n"
        + "      token: \"{{ env_var('T') | default('dapi-in-filter', true) | replace('dapi-x', 'dapi-y') }}\"\n"
        + "      client_secret: \"{{ env_var('S') }}dapi-literal-tail\"\n"
        + "      client_id: \"{{ env_var('I', 'id-default') }}\"\n";
    ProfileReport report = DbtProfilesReader.parse(yaml, "profiles.yml").select("p", null).check(Map.of(), HostClassification.UNKNOWN);

    assertThat(report.problems()).extracting(Problem::code)
        .containsExactly(Code.MissingSecretVariable, Code.MissingSecretVariable);
    assertThat(report.problems()).extracting(Problem::message).allSatisfy(m -> assertThat(m)
        .doesNotContain("dapi").doesNotContain("id-default").doesNotContain("in-filter"));
    assertThat(report.problems()).extracting(Problem::message).anyMatch(m -> m.contains("\"T\" of token"))
        .anyMatch(m -> m.contains("\"S\" of client_secret"));
    // Set (even empty): no warning. Strict mode makes the warning an error.
    assertThat(DbtProfilesReader.parse(yaml, "profiles.yml").select("p", null)
        .check(Map.of("T", "", "S", "x"), HostClassification.UNKNOWN).problems()).isEmpty();
    assertThat(report.strict().problems()).allMatch(Problem::isError);
    // Compile time never judges credentials: its environment is not the one dbt runs in.
    assertThat(DbtProfilesReader.parse(yaml, "profiles.yml").select("p", null).checkStatically(HostClassification.UNKNOWN).problems())
        .isEmpty();
  }

  private static String position(Problem p) {
    String rest = p.message().substring(p.message().indexOf("] ") + 2);
    return rest.substring(0, rest.indexOf(": "));
  }
}
