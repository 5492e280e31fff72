package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Severity;
import io.brickcheck.rules.Subject;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Issue 10, kinds 1 and 4, and hidden characters (issue 11), on whole profiles. */
class Issue10ProfileTest {
  static final String WAREHOUSE = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8";
  static final String CLUSTER = "sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh";

  /** The issue's example: the standard dbt layout on a per-workspace host nobody recognises. */
  @Test
  void aClusterPathIdIsNoEvidenceOfASpogHost() {
    ProfileReport report = ProfileChecker.check(
        ProfileSpec.of("prod", "acme-prod.cloud.databricks.com", WAREHOUSE, new ComputeSpec("python", CLUSTER)));

    assertThat(report.hasErrors()).isFalse();
    assertThat(report.warnings()).isEmpty();
    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.UnclassifiedHost);
      assertThat(p.severity()).isEqualTo(Severity.NOTE);
      assertThat(p.subject()).isEqualTo(Subject.HOST);
      assertThat(p.message()).isEqualTo("[DatabricksProfile/UnclassifiedHost] host \"acme-prod.cloud.databricks.com\""
          + " is not known to serve one workspace or many, and compute \"default\" names no workspace, so whether"
          + " ?o= is needed cannot be checked at compile time. A declared host kind is expected for that check."
          + " Declare hostKind = WORKSPACE if the host serves one workspace, or hostKind = SPOG if it fronts many"
          + " (then add ?o=1234567890123456 to every http path).");
    });
    assertThat(report.strict().hasErrors()).as("a note stays a note in strict mode").isFalse();
    assertThat(report.workspaceId()).isEqualTo("1234567890123456");
  }

  @ParameterizedTest
  @CsvSource({"acme-prod.cloud.databricks.com", "peco.azuredatabricks.net", "analytics.example.com", "acme.databricks.azure.us"})
  void declaringTheHostKindReplacesTheNoteWithTheRule(String host) {
    ProfileSpec spec = ProfileSpec.of("prod", host, WAREHOUSE, new ComputeSpec("python", CLUSTER));

    assertThat(ProfileChecker.check(spec.withHostKind(HostClassification.WORKSPACE)).problems()).isEmpty();
    assertThat(ProfileChecker.check(spec.withHostKind(HostClassification.SPOG)).problems())
        .singleElement().satisfies(p -> {
          assertThat(p.code()).isEqualTo(Code.MissingWorkspaceId);
          assertThat(p.isError()).isTrue();
          assertThat(p.compute()).isEqualTo("default");
        });
  }

  @Test
  void anExplicitIdOnAnotherComputeIsEvidence() {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("prod", "acme-prod.cloud.databricks.com", WAREHOUSE,
        new ComputeSpec("python", CLUSTER), new ComputeSpec("bi", "/sql/1.0/warehouses/b?o=1234567890123456")));

    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.MissingWorkspaceId);
      assertThat(p.compute()).isEqualTo("default");
      assertThat(p.message()).contains("while compute \"bi\" routes to workspace \"1234567890123456\" with ?o=");
      assertThat(p.suggestion()).isEqualTo(WAREHOUSE + "?o=1234567890123456");
    });
  }

  @Test
  void twoClusterPathsInOneWorkspaceAndNothingElseNeedNothing() {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("prod", "acme-prod.cloud.databricks.com", CLUSTER,
        new ComputeSpec("python", "sql/protocolv1/o/1234567890123456/0456-789012-zyxwvuts")));

    assertThat(report.problems()).isEmpty();
  }

  @Test
  void aRecognisedWorkspaceHostNeedsNoNote() {
    assertThat(ProfileChecker.check(ProfileSpec.of("p", "dbc-a1b2c3d4-e5f6.cloud.databricks.us", WAREHOUSE,
        new ComputeSpec("python", CLUSTER))).problems()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SpecForm.class)
  void theNoteSpeaksTheFormsWords(SpecForm form) {
    String message = ProfileChecker.check(ProfileSpec.of("p", "acme.example.com", WAREHOUSE).withForm(form))
        .problems().get(0).message();

    assertThat(message).contains(form.declare(HostClassification.WORKSPACE)).contains(form.declare(HostClassification.SPOG));
    if (form == SpecForm.CLI) {
      assertThat(message).contains("--host-kind workspace").contains("--host-kind spog");
    }
  }

  /** Kind 4, the issue's example: a workspace URL pasted from the browser. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          ANNOTATION | Use "peco.azuredatabricks.net" as host and add ?o=1234567890123456 to httpPath and to every compute's http path.
          DBT        | Use "peco.azuredatabricks.net" as host and add ?o=1234567890123456 to http_path and to every compute's http path.
          CLI        | Use "peco.azuredatabricks.net" as --host and add ?o=1234567890123456 to --http-path and to every compute's http path.
          """)
  void aWorkspaceIdOnTheHostIsNamedWithWhereItGoes(SpecForm form, String fix) {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("p", "https://peco.azuredatabricks.net/?o=1234567890123456",
        WAREHOUSE, new ComputeSpec("etl", "/sql/1.0/warehouses/b")).withForm(form).withHostKind(HostClassification.SPOG));

    assertThat(report.problems()).as("rules that need the host wait for it").singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.InvalidHost);
      assertThat(p.message()).isEqualTo("[DatabricksProfile/InvalidHost] host"
          + " \"https://peco.azuredatabricks.net/?o=1234567890123456\" carries workspace id \"1234567890123456\" in"
          + " its query. The host is the server name only, and a workspace id belongs on the http path (Thrift"
          + " routes by the path; the Java SDK drops a host's query). " + fix);
      assertThat(p.suggestion()).isEqualTo("peco.azuredatabricks.net");
    });
  }

  @ParameterizedTest
  @CsvSource({
    "https://peco.azuredatabricks.net/?o=0001234567890123456#, 1234567890123456",
    "peco.azuredatabricks.net?w=42, 42",
    "https://peco.azuredatabricks.net/?workspace_id=42, 42",
    "https://peco.azuredatabricks.net/browse?x=1&o=42, 42",
    "https://acme-prod.cloud.databricks.us/?o=7, 7",
    "https://acme.databricks.azure.cn/?o=7, 7"
  })
  void everyFormOfAWorkspaceIdOnTheHostIsNamed(String host, String id) {
    Problem p = HostParser.parse(host).problems().get(0);

    assertThat(p.message()).contains("carries workspace id \"" + id + "\"").contains("add ?o=" + id + " to httpPath");
  }

  @Test
  void aPerWorkspaceHostWithItsOwnIdInTheQueryIsToldItNeedsNone() {
    Problem p = HostParser.parse("https://adb-1234567890123456.7.databricks.azure.us/?o=1234567890123456").problems().get(0);

    assertThat(p.message()).endsWith("Use \"adb-1234567890123456.7.databricks.azure.us\" as host (a per-workspace host needs no ?o=).");
  }

  @ParameterizedTest
  @CsvSource({
    "'', SPOG", "'', WORKSPACE", "'   ', SPOG", "https://, SPOG", "https://peco.azuredatabricks.net/x, WORKSPACE"
  })
  void anInvalidHostSkipsTheRulesThatQuoteIt(String host, HostClassification kind) {
    ProfileReport report = ProfileChecker.check(new ProfileSpec("p", host, kind, "/sql/1.0/warehouses/a?o=1",
        List.of(new ComputeSpec("etl", "/sql/1.0/warehouses/b"))));

    // The explicit ?o= on default is evidence needing no host; on a declared per-workspace host it is not needed.
    assertThat(report.problems()).extracting(Problem::code).containsExactlyElementsOf(kind == HostClassification.WORKSPACE
        ? List.of(Code.InvalidHost)
        : List.of(Code.InvalidHost, Code.MissingWorkspaceId));
    assertThat(report.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContain("host \"\""));
  }

  @Test
  void anEmptyHostIsSaidToBeEmptyWithoutQuotingNothing() {
    assertThat(HostParser.parse("").problems().get(0).message())
        .isEqualTo("[DatabricksProfile/InvalidHost] host is empty. A Databricks host name is expected, such as"
            + " \"peco.azuredatabricks.net\". Set host to your workspace or SPOG host.");
    assertThat(HostParser.parse(null, SpecForm.CLI).problems().get(0).message()).contains("Set --host to");
    assertThat(HttpPathParser.parse("").problems().get(0).message())
        .startsWith("[DatabricksProfile/InvalidHttpPath] http path is empty.");
  }

  /** Issue 11, item 3: characters that make a value read as something else, everywhere. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource({"202a", "202e", "2066", "2069", "200b", "200e", "200f", "2060", "feff", "00ad", "061c", "d800", "dc00"})
  void hiddenCharactersAreRefusedInEveryValueAndShownEscaped(String hex) {
    String c = String.valueOf((char) Integer.parseInt(hex, 16));
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("p", "peco" + c + ".azuredatabricks.net",
        "/sql/1.0/ware" + c + "houses/a?o=1", new ComputeSpec("et" + c + "l", "/sql/1.0/warehouses/b?o=1")));

    assertThat(report.problems()).extracting(Problem::code, Problem::subject).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Code.HiddenCharacter, Subject.HOST),
        org.assertj.core.groups.Tuple.tuple(Code.HiddenCharacter, Subject.HTTP_PATH),
        org.assertj.core.groups.Tuple.tuple(Code.HiddenCharacter, Subject.COMPUTE_NAME));
    assertThat(report.problems()).allSatisfy(p -> {
      assertThat(p.isError()).isTrue();
      assertThat(p.message()).contains("\\u" + hex).doesNotContain(c);
    });
    assertThat(report.problems().get(0).message()).contains("host \"peco\\u" + hex + ".azuredatabricks.net\"")
        .contains("at index 4").endsWith("Retype it as \"peco.azuredatabricks.net\".");
    assertThat(report.problems().get(0).suggestion()).isEqualTo("peco.azuredatabricks.net");
  }

  @Test
  void pairedSurrogatesAreNotHiddenCharacters() {
    // An emoji is two chars, a pair: not hidden, merely not a host name.
    assertThat(HostParser.parse("peco\ud83d\ude00.azuredatabricks.net").problems()).extracting(Problem::code)
        .containsExactly(Code.InvalidHost);
  }

  @Test
  void aHiddenCharacterInUserInformationIsNeverEchoed() {
    Problem p = HostParser.parse("https://dapiSECRET\u202e@peco.azuredatabricks.net").problems().get(0);

    assertThat(p.code()).isEqualTo(Code.HiddenCharacter);
    assertThat(p.message()).doesNotContain("dapiSECRET");
  }
}
