package io.brickcheck.internal.dbt;

import static io.brickcheck.internal.dbt.GeneratedDbtOutputTest.parts;
import static io.brickcheck.internal.dbt.GeneratedDbtOutputTest.pos;
import static io.brickcheck.internal.dbt.GeneratedDbtOutputTest.profileWithHost;
import static io.brickcheck.internal.dbt.GeneratedDbtOutputTest.unsupported;
import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileReport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 10, kind 8: Jinja's string filters after env_var, with dbt's and Python's semantics. */
class DbtFiltersTest {
  static final String ISSUE_HOST = "\"{{ env_var('DATABRICKS_HOST') | replace('https://', '') }}\"";

  @Test
  void theIssuesExampleStripsTheSchemeTheDatabricksCliPutsInDatabricksHost() {
    DbtSelection s = select(ISSUE_HOST);

    assertThat(s.output().host().parts()).containsExactly(new DbtValue.EnvVar("DATABRICKS_HOST", null,
        List.of(new DbtFilter.Replace("https://", "", null)), pos(5, 14)));
    assertThat(s.checkStatically(HostClassification.UNKNOWN).problems()).isEmpty();
    ProfileReport report = s.check(Map.of("DATABRICKS_HOST", "https://peco.azuredatabricks.net"),
        HostClassification.UNKNOWN);
    assertThat(report.spec().host()).isEqualTo("peco.azuredatabricks.net");
    assertThat(report.problems()).isEmpty();
    // Unset: the variable is named, at the template's column.
    assertThat(s.check(Map.of(), HostClassification.UNKNOWN).problems()).extracting(Problem::message).singleElement()
        .asString().startsWith("[DatabricksProfile/MissingEnvironmentVariable] profiles.yml:5:14: environment"
            + " variable \"DATABRICKS_HOST\" is not set");
  }

  @Test
  void spellingsQuotesSpacesAndChainsAllRenderAlike() {
    Map<String, String> env = Map.of("H", " HTTPS://Peco.AzureDatabricks.NET/ ");
    for (String yaml : List.of(
        "\"{{ env_var('H') | trim | lower | replace('https://', '') | trim('/') }}\"",
        "'{{env_var(\"H\")|trim|lower|replace(\"https://\",\"\")|trim(\"/\")}}'",
        "\"{{\n env_var( 'H' )\n |  trim()  |lower() | replace( old='https://', new='' ) | trim(chars='/') }}\"",
        "\"{{ env_var('H') | trim | replace('HTTPS://', '', 1) | lower | replace('/', '', count=5) }}\"")) {
      assertThat(host(yaml, env)).as(yaml).isEqualTo("peco.azuredatabricks.net");
    }
    assertThat(host("\"{{ env_var('H') | upper }}.cloud.databricks.com\"", Map.of("H", "dbc-A1"))).isEqualTo(
        "DBC-A1.cloud.databricks.com");
  }

  @Test
  void defaultFollowsDbtWhereAnUnsetVariableFailsBeforeAnyFilter() {
    // dbt: env_var('X') raises EnvVarMissingError when X is unset; the filter never runs.
    assertThat(select("\"{{ env_var('X') | default('peco.azuredatabricks.net') }}\"").check(Map.of(), HostClassification.UNKNOWN)
        .problems()).extracting(Problem::message).singleElement().asString()
        .contains("environment variable \"X\" is not set")
        .endsWith("(the default filter does not help: dbt's env_var fails before any filter runs).");
    // Set but empty: Jinja's default replaces undefined only, unless boolean is true.
    assertThat(host("\"{{ env_var('X') | default('a.cloud.databricks.com') }}\"", Map.of("X", ""))).isEmpty();
    assertThat(host("\"{{ env_var('X') | default('a.cloud.databricks.com', true) }}\"", Map.of("X", "")))
        .isEqualTo("a.cloud.databricks.com");
    assertThat(host("\"{{ env_var('X', '') | d('a.cloud.databricks.com', True) }}\"", Map.of()))
        .isEqualTo("a.cloud.databricks.com");
    assertThat(host("\"{{ env_var('X', '') | default(default_value='b', boolean=true) }}\"", Map.of()))
        .isEqualTo("b");
    assertThat(host("\"{{ env_var('X') | default('a', false) }}\"", Map.of("X", "set"))).isEqualTo("set");
    assertThat(host("\"{{ env_var('X') | default }}\"", Map.of("X", "set"))).isEqualTo("set");
    assertThat(host("\"{{ env_var('X') | default(boolean=true) | trim(none) | replace('a', 'b', none) }}\"",
        Map.of("X", ""))).isEmpty();
  }

  @Test
  void filtersDoWhatPythonStringsDo() {
    assertThat(new DbtFilter.Replace("", "-", null).apply("abc")).isEqualTo("-a-b-c-");
    assertThat(new DbtFilter.Replace("", "-", 2).apply("abc")).isEqualTo("-a-bc");
    assertThat(new DbtFilter.Replace("", "-", null).apply("")).isEqualTo("-");
    assertThat(new DbtFilter.Replace("", "-", null).apply("a\uD83D\uDE00")).isEqualTo("-a-\uD83D\uDE00-");
    assertThat(new DbtFilter.Replace("a", "d'oh, ", 2).apply("aaaaargh")).isEqualTo("d'oh, d'oh, aaargh");
    assertThat(new DbtFilter.Replace("a", "b", 0).apply("aa")).isEqualTo("aa");
    assertThat(new DbtFilter.Replace("a", "b", -1).apply("aa")).isEqualTo("bb");
    assertThat(new DbtFilter.Replace("aa", "b", null).apply("aaa")).isEqualTo("ba");
    // Python's whitespace includes no-break spaces and the separators 0x1C-0x1F; Java's trim() differs.
    assertThat(new DbtFilter.Trim(null).apply("\u00A0\u2007 \t\u001Chost\u3000\n")).isEqualTo("host");
    assertThat(new DbtFilter.Trim(null).apply("\u200Bhost")).isEqualTo("\u200Bhost");
    assertThat(new DbtFilter.Trim("/ ").apply("/ /sql/1.0/ /")).isEqualTo("sql/1.0");
    assertThat(new DbtFilter.Trim("").apply(" a ")).isEqualTo(" a ");
    assertThat(new DbtFilter.Lower().apply("ADB-1.2.AzureDatabricks.NET")).isEqualTo("adb-1.2.azuredatabricks.net");
    assertThat(new DbtFilter.Upper().apply("straße")).isEqualTo("STRASSE");
  }

  @Test
  void aLiteralAfterAFilteredTemplateIsStillCheckedAtCompileTime() {
    String yaml = "p:\n  target: t\n  outputs:\n    t:\n      host: peco.azuredatabricks.net\n"
        + "      type: databricks\n      http_path: \"{{ env_var('WH') | trim }}?o=12a\"\n";
    DbtSelection s = DbtProfilesReader.parse(yaml, "profiles.yml").select("p", null);

    assertThat(s.checkStatically(HostClassification.UNKNOWN).problems()).extracting(Problem::code)
        .containsExactly(Code.InvalidWorkspaceId);
    assertThat(s.checkStatically(HostClassification.UNKNOWN).problems().get(0).message())
        .startsWith("[DatabricksProfile/InvalidWorkspaceId] profiles.yml:7:18: workspace id \"12a\"");
    ProfileReport report = s.check(Map.of("WH", " /sql/1.0/warehouses/a1 "), HostClassification.UNKNOWN);
    assertThat(report.spec().defaultHttpPath()).isEqualTo("/sql/1.0/warehouses/a1?o=12a");
  }

  @Test
  void everyOtherFilterOrFormIsUnsupportedAndNamed() {
    assertThat(unsupported("\"{{ env_var('A') | title }}\"")).startsWith("profiles.yml:5:14:")
        .contains("which uses the filter \"title\". Only {{ env_var('NAME') }}")
        .contains("followed by the filters replace, trim, lower, upper and default");
    assertThat(unsupported("\"{{ env_var('A') | replace('x') }}\""))
        .contains("uses the filter \"replace\" with arguments Brickcheck cannot read; replace('old', 'new'[,"
            + " count]) is expected");
    assertThat(unsupported("\"{{ env_var('A') | replace('x', 'y', 'z') }}\"")).contains("filter \"replace\"");
    assertThat(unsupported("\"{{ env_var('A') | upper(1) }}\"")).contains("an argument it does not take");
    assertThat(unsupported("\"{{ env_var('A') | trim(5) }}\"")).contains("filter \"trim\"");
    assertThat(unsupported("\"{{ env_var('A') | default(x) }}\"")).contains("not quoted text, a number");
    assertThat(unsupported("\"{{ env_var('A') | default('a', 'b') }}\"")).contains("filter \"default\"");
    assertThat(unsupported("\"{{ env_var('A') | replace(old='a', 'b') }}\"")).contains("positional argument after");
    assertThat(unsupported("\"{{ env_var('A') | replace('a', 'b', old='c') }}\"")).contains("an argument twice");
    assertThat(unsupported("\"{{ env_var('A') | }}\"")).contains("without a filter name");
    assertThat(unsupported("\"{{ env_var('A') ~ 'x' }}\"")).contains("has \"~\" after env_var(...)");
    assertThat(unsupported("\"{{ env_var('A') | replace('a\\\\b', '') }}\"")).contains("backslash");
    assertThat(unsupported("\"{{ env_var('A') | Trim }}\"")).contains("filter \"Trim\"");
    assertThat(unsupported("\"{{ 'x' | upper }}\"")).contains("which Brickcheck cannot render");
    assertThat(unsupported("\"{{ env_var('DBT_ENV_SECRET_HOST') | replace('https://', '') }}\""))
        .contains("filters DBT_ENV_SECRET_* variable DBT_ENV_SECRET_HOST, which dbt hands to its filters as a"
            + " placeholder");
    // Without a filter, a secret-prefixed variable is read as before.
    assertThat(parts("\"{{ env_var('DBT_ENV_SECRET_HOST') }}\"")).hasSize(1);
  }

  @Test
  void theRecipeOfAGeneratedFactoryReplaysFiltersAtRunTime() {
    DbtSelection s = GeneratedDbtOutput.builder("profiles.yml", "p", "t", "4:5")
        .host("{{ env_var('DATABRICKS_HOST') | replace('https://', '') | trim('/') }}", "5:13", "5:14")
        .defaultHttpPath("{{ env_var('WH') | trim }}?o=6436897454825492", "7:18", "7:19")
        .compute("etl.hourly", "9:9", "sql/protocolv1/o/6436897454825492/{{ env_var('C') | lower }}", "10:22", "10:56")
        .selection();

    ProfileReport report = s.check(Map.of("DATABRICKS_HOST", "https://peco.azuredatabricks.net/",
        "WH", "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8\n", "C", "0123-456789-ABCDEFGH"), HostClassification.UNKNOWN);
    assertThat(report.problems()).isEmpty();
    assertThat(report.spec().host()).isEqualTo("peco.azuredatabricks.net");
    assertThat(report.spec().defaultHttpPath()).isEqualTo("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492");
    assertThat(report.spec().computes().get(0).httpPath())
        .isEqualTo("sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh");
    assertThat(s.check(Map.of(), HostClassification.UNKNOWN).problems()).extracting(Problem::message)
        .anyMatch(m -> m.startsWith("[DatabricksProfile/MissingEnvironmentVariable] profiles.yml:5:14:"))
        .anyMatch(m -> m.startsWith("[DatabricksProfile/MissingEnvironmentVariable] profiles.yml:10:56:"));
  }

  @Test
  void theSourceOfAFilteredTemplateNamesEveryFilter() {
    DbtValue.EnvVar var = (DbtValue.EnvVar) parts(
        "\"{{ env_var(\\\"A\\\", 'x') | replace(\\\"'\\\", '', 2) | trim | d('y', true) | upper }}\"").get(0);
    assertThat(var.source()).isEqualTo(
        "{{ env_var('A', 'x') | replace(\"'\", '', 2) | trim | default('y', true) | upper }}");
  }

  static DbtSelection select(String hostYaml) {
    DbtSelection s = DbtProfilesReader.parse(profileWithHost(hostYaml), "profiles.yml").select("p", null);
    assertThat(s.problems()).isEmpty();
    return s;
  }

  static String host(String hostYaml, Map<String, String> env) {
    return select(hostYaml).output().host().render(env).value();
  }
}
