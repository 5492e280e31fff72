package io.brickcheck.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Location;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileReport;
import io.brickcheck.rules.Severity;
import io.brickcheck.internal.rules.SpecForm;
import io.brickcheck.rules.Subject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A problem is data: code, severity, subject, the compute's index and name, the text without tag,
 * the location; {@link Problem#message()} is the one renderer of the tag and the location.
 */
class ProblemAsDataTest {
  static final String ID = "6436897454825492";
  static final String GOOD = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + ID;

  @Test
  void theMessageIsTagThenLocationThenText() {
    Problem p = Problem.of(Code.InvalidHost, Subject.HOST, null, "host \"x\" is bad. A host is expected. Fix it");

    assertThat(p.text()).isEqualTo("host \"x\" is bad. A host is expected. Fix it.");
    assertThat(p.message()).isEqualTo("[DatabricksProfile/InvalidHost] host \"x\" is bad. A host is expected. Fix it.");
    assertThat(p.at(Location.file("profiles.yml", 6, 13)).message())
        .isEqualTo("[DatabricksProfile/InvalidHost] profiles.yml:6:13: host \"x\" is bad. A host is expected. Fix it.");
    assertThat(p.at(Location.environment("DATABRICKS_HOST")).message())
        .startsWith("[DatabricksProfile/InvalidHost] env:DATABRICKS_HOST: host");
    assertThat(p.at(Location.jdbcUrl("httpPath", 57)).message())
        .startsWith("[DatabricksProfile/InvalidHost] JDBC URL, httpPath at character 57: host");
    // A location is kept as fields, and a later at(null) does not drop it.
    Problem placed = p.at(Location.file("/home/me/.databrickscfg", 3, 16)).at(null);
    assertThat(placed.location()).isEqualTo(new Location(Location.Kind.FILE, "/home/me/.databrickscfg", 3, 16, null));
    assertThat(placed.computeIndex()).isEqualTo(Problem.NO_INDEX);
  }

  @Test
  void aTextCarryingATagIsRefused() {
    assertThatThrownBy(() -> new Problem(Code.InvalidHost, Severity.ERROR, Subject.HOST, Problem.NO_INDEX, null,
            "[DatabricksProfile/InvalidHost] host", null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void strictModeAndSuggestionsKeepIndexAndLocation() {
    Problem p = Problem.of(Code.UnrecognizedHttpPath, Subject.HTTP_PATH, null, "x")
        .forCompute(2, "etl").at(Location.file("f.yml", 1, 2)).withSuggestion("/sql/1.0/warehouses/a");

    Problem strict = p.asError();
    assertThat(strict.severity()).isEqualTo(Severity.ERROR);
    assertThat(strict.computeIndex()).isEqualTo(2);
    assertThat(strict.location()).isEqualTo(p.location());
    assertThat(strict.suggestion()).isEqualTo("/sql/1.0/warehouses/a");
    assertThat(strict.message()).isEqualTo(p.message());
  }

  @Test
  void everyComputeProblemNamesTheComputeByIndexEvenWhenNamesRepeat() {
    ProfileSpec spec = new ProfileSpec("p", "peco.azuredatabricks.net", HostClassification.UNKNOWN, GOOD, List.of(
        new ComputeSpec("etl", GOOD),
        new ComputeSpec("etl", "/sql/1.0/warehouses/abc?o=12a"),
        new ComputeSpec("etl", "/sql/1.0/warehouses/def?o=9x")));

    ProfileReport report = ProfileChecker.check(spec);

    assertThat(report.problems()).extracting(p -> p.code() + "@" + p.computeIndex() + ":" + p.compute())
        .containsExactly(
            "DuplicateCompute@2:etl",
            "InvalidWorkspaceId@2:etl",
            "DuplicateCompute@3:etl",
            "InvalidWorkspaceId@3:etl");
    assertThat(report.problems().get(1).text()).contains("\"12a\"");
    assertThat(report.problems().get(3).text()).contains("\"9x\"");
  }

  @Test
  void crossComputeRulesNameTheComputeTheyAreAboutByIndex() {
    // Two computes named alike route differently: the conflict is about the second, index 2; the
    // missing id about the third, index 3, and the default path's about index 0.
    ProfileSpec spec = new ProfileSpec("p", "peco.azuredatabricks.net", HostClassification.SPOG,
        "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8", List.of(
            new ComputeSpec("bi", "/sql/1.0/warehouses/aaa?o=1"),
            new ComputeSpec("bi", "/sql/1.0/warehouses/bbb?o=2"),
            new ComputeSpec("x", "/sql/1.0/warehouses/ccc")), SpecForm.ANNOTATION);

    ProfileReport report = ProfileChecker.check(spec);

    assertThat(report.problems()).extracting(p -> p.code() + "@" + p.computeIndex())
        .contains("ComputeWorkspaceConflict@2", "MissingWorkspaceId@0", "MissingWorkspaceId@3")
        .doesNotContain("ComputeWorkspaceConflict@1");
  }

  @Test
  void hostAndProfileProblemsNameNoCompute() {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("p", "http://peco.azuredatabricks.net", GOOD));

    assertThat(report.problems()).extracting(Problem::code, Problem::computeIndex, Problem::compute)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Code.InvalidHost, Problem.NO_INDEX, null));
  }

  @Test
  void aJdbcUrlProblemCarriesItsPlaceInTheUrlAsALocation() {
    String url = "jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;ssl=1;"
        + "httpPath=/sql/1.0/warehouses/abc?o=12a";

    List<Problem> problems = JdbcUrlChecker.check("u", url, HostClassification.UNKNOWN, List.of()).report().problems();

    assertThat(problems).hasSize(1);
    Problem p = problems.get(0);
    assertThat(p.location()).isEqualTo(Location.jdbcUrl("httpPath", url.indexOf("httpPath") + 1));
    assertThat(p.computeIndex()).isZero();
    assertThat(p.message()).startsWith("[DatabricksProfile/InvalidWorkspaceId] JDBC URL, httpPath at character "
        + (url.indexOf("httpPath") + 1) + ": workspace id \"12a\"");
  }
}
