package io.brickcheck.internal.rules;

import io.brickcheck.rules.Subject;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.HostClassification;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every code the rule engine owns, shown firing on one profile and not firing on its nearest
 * correct neighbour. A code added to the engine without a case here fails {@link #everyCodeHasACase}.
 */
class CodeCatalogueTest {
  static final String SPOG = "peco.azuredatabricks.net";
  static final String OK_PATH = "/sql/1.0/warehouses/abc?o=42";

  /**
   * Codes that need the network, the classpath or javac, or that belong to a profile source (the
   * dbt reader, whose codes DbtProfilesReaderTest, GeneratedDbtOutputTest, DbtYamlSafetyTest,
   * DbtProfilesLocatorTest and DbtProfilesAsWrittenTest assert with their exact messages; the
   * .databrickscfg reader; the JDBC URL checker): not the rule engine's to raise.
   */
  static final Set<Code> NOT_IN_ENGINE = EnumSet.of(
      Code.ProbeFailed, Code.UnsupportedDriver, Code.UnsupportedSdk,
      // Failure signatures of responses and driver exceptions: FailureSignaturesTest, end to end.
      Code.LoginRedirect, Code.OAuthConfigNotLoaded, Code.HostLevelToken, Code.WorkspaceHeaderOnTokenEndpoint,
      Code.InvalidTarget, Code.MissingHost, Code.MissingHttpPath, Code.FactoryNameClash,
      Code.InvalidFactoryName, Code.InvalidOption, Code.InternalError, Code.StaleFactory,
      Code.InvalidProfilesFile, Code.ProfilesFileNotFound, Code.UnknownDbtProfile, Code.UnknownDbtTarget,
      Code.MissingDbtField, Code.UnsupportedProfileType, Code.UnsupportedTemplate,
      Code.MissingEnvironmentVariable, Code.MissingSecretVariable,
      // The ~/.databrickscfg and DATABRICKS_* source: DatabricksCfgReaderTest, CfgChecksTest and
      // EnvironmentResolutionTest assert each with its message and position.
      Code.InvalidConfigFile, Code.ConfigFileNotFound, Code.UnknownConfigProfile, Code.MissingConfigField,
      Code.MisspelledConfigKey, Code.PlaceholderValue, Code.WorkspaceIdOnAccountHost, Code.WorkspaceIdOnHost,
      Code.ConfigWorkspaceMismatch, Code.OverriddenSetting,
      // JDBC URL codes: JdbcUrlCheckerTest asserts each with its message and place in the URL.
      Code.InvalidJdbcUrl, Code.LegacyJdbcUrl, Code.DuplicateJdbcUrlKey, Code.SecretInJdbcUrl,
      Code.InsecureJdbcUrl, Code.UnsupportedTransportMode, Code.OrgIdHeaderMismatch);

  static Stream<Arguments> cases() {
    return Stream.of(
        // code, firing profile, near miss
        Arguments.of(Code.InvalidHost, profile("http://peco.azuredatabricks.net", OK_PATH), profile("http://localhost:8080", OK_PATH)),
        Arguments.of(Code.InvalidHost, profile("accounts.cloud.databricks.com", OK_PATH), profile("accounts.example.databricks.com", OK_PATH)),
        Arguments.of(Code.InvalidHttpPath, profile(SPOG, "/sql/1.0/warehouses/abc;o=42"), profile(SPOG, "/sql/1.0/warehouses/abc%3Bo=42")),
        Arguments.of(Code.InvalidHttpPath, profile(SPOG, "/sql/1.0/warehouses/abc?o=42 "), profile(SPOG, "/sql/1.0/warehouses/abc?o=42/")),
        Arguments.of(Code.UnrecognizedHttpPath, profile(SPOG, "/sql/1.0/warehouse/abc?o=42"), profile(SPOG, "/sql/1.0/warehouses/abc?o=42")),
        Arguments.of(Code.InvalidWorkspaceId, profile(SPOG, "/sql/1.0/warehouses/abc?o=42a"), profile(SPOG, "/sql/1.0/warehouses/abc?o=042")),
        Arguments.of(Code.InvalidWorkspaceId, profile(SPOG, "/sql/1.0/warehouses/abc?o=12345678901234567890"), profile(SPOG, "/sql/1.0/warehouses/abc?o=1234567890123456789")),
        Arguments.of(Code.EmptyWorkspaceId, profile(SPOG, "/sql/1.0/warehouses/abc?o=&o=42"), profile(SPOG, "/sql/1.0/warehouses/abc?&o=42")),
        Arguments.of(Code.UppercaseWorkspaceKey, profile(SPOG, "/sql/1.0/warehouses/abc?O=42"), profile(SPOG, "/sql/1.0/warehouses/abc?Oo=42&o=42")),
        Arguments.of(Code.ConflictingWorkspaceIds, profile(SPOG, "/sql/1.0/warehouses/abc?o=42&o=43"), profile(SPOG, "/sql/1.0/warehouses/abc?o=42&o=0042")),
        Arguments.of(Code.PathQueryMismatch, profile(SPOG, "sql/protocolv1/o/42/c-1?o=43"), profile(SPOG, "sql/protocolv1/o/42/c-1?o=042")),
        Arguments.of(Code.ComputeWorkspaceConflict,
            profile(SPOG, OK_PATH, new ComputeSpec("etl", "sql/protocolv1/o/43/c-1")),
            profile(SPOG, OK_PATH, new ComputeSpec("etl", "sql/protocolv1/o/42/c-1"))),
        Arguments.of(Code.MissingWorkspaceId,
            profile(SPOG, OK_PATH, new ComputeSpec("etl", "/sql/1.0/warehouses/def")),
            profile(SPOG, OK_PATH, new ComputeSpec("etl", "/sql/1.0/warehouses/def?o=42"))),
        Arguments.of(Code.MissingWorkspaceId,
            profile(SPOG, "/sql/1.0/warehouses/abc").withHostKind(HostClassification.SPOG),
            profile(SPOG, "/sql/1.0/warehouses/abc")),
        Arguments.of(Code.StrayWorkspaceId,
            profile("adb-42.3.azuredatabricks.net", OK_PATH),
            profile("adb-42.3.azuredatabricks.net", "/sql/1.0/warehouses/abc")),
        Arguments.of(Code.StrayWorkspaceId,
            profile(SPOG, OK_PATH).withHostKind(HostClassification.WORKSPACE),
            profile(SPOG, OK_PATH).withHostKind(HostClassification.SPOG)),
        Arguments.of(Code.HostWorkspaceMismatch,
            profile("adb-41.3.azuredatabricks.net", OK_PATH),
            profile("adb-42.3.azuredatabricks.net", OK_PATH)),
        Arguments.of(Code.HostWorkspaceMismatch,
            profile("41.3.gcp.databricks.com", "sql/protocolv1/o/42/c-1"),
            profile("41.3.gcp.databricks.com", "sql/protocolv1/o/41/c-1")),
        Arguments.of(Code.InvalidComputeName,
            profile(SPOG, OK_PATH, new ComputeSpec("nightly batch", OK_PATH)),
            profile(SPOG, OK_PATH, new ComputeSpec("nightly-batch", OK_PATH))),
        Arguments.of(Code.DuplicateCompute,
            profile(SPOG, OK_PATH, new ComputeSpec("etl", OK_PATH), new ComputeSpec("Etl", OK_PATH)),
            profile(SPOG, OK_PATH, new ComputeSpec("etl", OK_PATH), new ComputeSpec("etl2", OK_PATH))),
        // Issue 10, kind 1: a cluster path's /o/<id>/ is no evidence; a note says what to declare.
        Arguments.of(Code.UnclassifiedHost,
            profile("acme-prod.cloud.databricks.com", "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8",
                new ComputeSpec("python", "sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh")),
            profile("acme-prod.cloud.databricks.com", "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8",
                new ComputeSpec("python", "sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh"))
                .withHostKind(HostClassification.WORKSPACE)),
        // Kind 6: near misses of the workspace key.
        Arguments.of(Code.WorkspaceKeyNearMiss, profile(SPOG, "/sql/1.0/warehouses/abc?0=42"), profile(SPOG, OK_PATH)),
        Arguments.of(Code.WorkspaceKeyNearMiss, profile(SPOG, "/sql/1.0/warehouses/abc&o=42"), profile(SPOG, OK_PATH)),
        Arguments.of(Code.WorkspaceKeyNearMiss, profile(SPOG, "/sql/1.0/warehouses/abc?org=42"), profile(SPOG, "/sql/1.0/warehouses/abc?orgs=1&o=42")),
        Arguments.of(Code.WorkspaceKeyNearMiss, profile(SPOG, "/sql/1.0/warehouses/abc?workspace_id=42"), profile(SPOG, OK_PATH)),
        Arguments.of(Code.WorkspaceKeyNearMiss, profile(SPOG, "/sql/1.0/warehouses/abc?w=42"), profile(SPOG, "/sql/1.0/warehouses/abc?ww=1&o=42")),
        Arguments.of(Code.WorkspaceKeyNearMiss, profile(SPOG, "/sql/1.0/warehouses/abc%3Fo%3D42"), profile(SPOG, "/sql/1.0/warehouses/abc%3Fx?o=42")),
        Arguments.of(Code.WorkspaceKeyNearMiss, profile(SPOG, "/sql/1.0/warehouses/abc??o=42"), profile(SPOG, "/sql/1.0/warehouses/abc?oo=1&o=42")),
        // Kind 7: forms databricks-jdbc 3.4.5 misreads.
        Arguments.of(Code.DriverMisreadsHttpPath, profile(SPOG, "/sql/1.0/warehouses/abc/?o=42"), profile(SPOG, OK_PATH)),
        Arguments.of(Code.DriverMisreadsHttpPath, profile(SPOG, "sql/protocolv1/o/42/0123-456789-abcdefgh?o=42"),
            profile(SPOG, "sql/protocolv1/o/42/0123-456789-abcdefgh")),
        Arguments.of(Code.DriverMisreadsHttpPath, profile(SPOG, "sql/protocolv1/o/42/0123-456789-abcdefgh/"),
            profile(SPOG, "/sql/protocolv1/o/42/0123-456789-abcdefgh")),
        // Issue 11, item 3: characters that make a value read as something else.
        Arguments.of(Code.HiddenCharacter, profile("peco\u202e.azuredatabricks.net", OK_PATH), profile(SPOG, OK_PATH)),
        Arguments.of(Code.HiddenCharacter, profile(SPOG, "/sql/1.0/warehouses/abc\u200b?o=42"), profile(SPOG, OK_PATH)),
        Arguments.of(Code.HiddenCharacter, profile(SPOG, "/sql/1.0/warehouses/abc?o=42\ud800"), profile(SPOG, "/sql/1.0/warehouses/abc?o=42")),
        Arguments.of(Code.HiddenCharacter, profile(SPOG, OK_PATH, new ComputeSpec("etl\u2066", OK_PATH)),
            profile(SPOG, OK_PATH, new ComputeSpec("etl", OK_PATH))),
        // Issue 11, item 1: profile and target names never carry text that could become code.
        Arguments.of(Code.InvalidProfileName,
            ProfileSpec.of("sales\\reports", SPOG, OK_PATH),
            ProfileSpec.of("sales-reports", SPOG, OK_PATH)));
  }

  /**
   * More bad profiles for the properties over every message: the examples of issue 10 and variants
   * of each kind, on every cloud and in every form.
   */
  static Stream<ProfileSpec> moreBadProfiles() {
    return Stream.of(
        profile("https://adb-1234567890123456.7.azuredatabricks/net/", OK_PATH),
        profile("https://adb-1234567890123456.7.databricks.azure/cn", OK_PATH),
        profile("adb-1234567890123456.7.azuredatabricks", OK_PATH),
        profile("https://accounts.gcp.databricks.com/workspaces/2111501043581247", OK_PATH),
        profile("https://accounts-dod.cloud.databricks.mil/?o=1", OK_PATH),
        profile("https://peco.azuredatabricks.net/?o=1234567890123456", "/sql/1.0/warehouses/abc"),
        profile("https://peco.azuredatabricks.net/?o=1234567890123456#", "/sql/1.0/warehouses/abc").withForm(SpecForm.DBT),
        profile("https://adb-1234567890123456.7.azuredatabricks.net/?o=1234567890123456", "/sql/1.0/warehouses/abc").withForm(SpecForm.CLI),
        profile("", "/sql/1.0/warehouses/abc").withHostKind(HostClassification.SPOG),
        profile(null, "/sql/1.0/warehouses/abc?o=1").withHostKind(HostClassification.WORKSPACE),
        profile("https://", "/sql/1.0/warehouses/abc?o=1", new ComputeSpec("etl", "/sql/1.0/warehouses/d")),
        profile(" peco.azuredatabricks.net\n", OK_PATH),
        profile("ftp://peco.azuredatabricks.net/x", OK_PATH),
        profile("https://user:pw@peco.azuredatabricks.net", OK_PATH),
        profile(SPOG, "/sql/1.0/warehouses/abc?o=42\n"),
        profile(SPOG, ""),
        profile(SPOG, "/sql/1.0/warehouses/abc?O=42&0=42&org=42"),
        profile(SPOG, "/sql/1.0/warehouses/abc?o%3D42"),
        profile(SPOG, "/sql/1.0/warehouses/abc?o=&o=42"),
        profile(SPOG, OK_PATH, new ComputeSpec("etl", "/sql/1.0/warehouses/def/")),
        profile(SPOG, OK_PATH, new ComputeSpec("etl", "/sql/1.0/warehouses/def?o=43")),
        profile(SPOG, OK_PATH, new ComputeSpec("1 etl", OK_PATH), new ComputeSpec("", OK_PATH)),
        profile("adb-1234567890123456.7.databricks.azure.us", "/sql/1.0/warehouses/abc?o=999"),
        profile("dbc-a1b2c3d4-e5f6.cloud.databricks.mil", "/sql/1.0/warehouses/abc?o=999"),
        profile(SPOG, "/sql/1.0/warehouses/abc").withHostKind(HostClassification.SPOG).withForm(SpecForm.CLI));
  }

  static Stream<ProfileSpec> everyProfile() {
    return Stream.concat(
        cases().flatMap(a -> Stream.of((ProfileSpec) a.get()[1], (ProfileSpec) a.get()[2])), moreBadProfiles());
  }

  /**
   * Issue 10, kind 3: every value a message proposes, put where it belongs and checked again,
   * clears the code that proposed it. Over the whole catalogue and the extra profiles.
   */
  @Test
  void everySuggestedValueClearsItsOwnCode() {
    int suggestions = 0;
    for (ProfileSpec spec : everyProfile().toList()) {
      for (Problem p : ProfileChecker.check(spec).problems()) {
        if (p.suggestion() == null) {
          continue;
        }
        suggestions++;
        ProfileSpec fixed = apply(spec, p);
        String where = p.subject() == Subject.COMPUTE_NAME ? p.suggestion() : p.compute();
        assertThat(ProfileChecker.check(fixed).problems())
            .as("%s suggested %s for %s; checked again", p.message(), Text.quote(p.suggestion()), spec)
            .noneMatch(q -> q.code() == p.code() && q.subject() == p.subject()
                && java.util.Objects.equals(q.compute(), where));
        assertThat(p.message()).as("the message shows what it suggests").contains(Text.quote(p.suggestion())
            .substring(1, Math.min(Text.quote(p.suggestion()).length() - 1, 20)));
      }
    }
    assertThat(suggestions).as("suggestions seen").isGreaterThan(30);
  }

  /** Issue 10, kind 4: no message quotes an empty or missing value. */
  @Test
  void noMessageQuotesAnEmptyOrMissingValue() {
    everyProfile().forEach(spec -> {
      List<Problem> problems = ProfileChecker.check(spec).problems();
      assertThat(problems).allSatisfy(p -> assertThat(p.message())
          .doesNotContain("host \"\"").doesNotContainIgnoringCase("host null")
          .doesNotContain("http path \"\"").doesNotContain("name \"\"").doesNotContain("\"null\""));
    });
  }

  /** The spec with the suggestion put in the place the problem is about. */
  static ProfileSpec apply(ProfileSpec spec, Problem p) {
    String value = p.suggestion();
    return switch (p.subject()) {
      case HOST -> new ProfileSpec(spec.name(), value, spec.hostKind(), spec.defaultHttpPath(), spec.computes(), spec.form());
      case HTTP_PATH -> ComputeNames.DEFAULT.equals(p.compute())
          ? new ProfileSpec(spec.name(), spec.host(), spec.hostKind(), value, spec.computes(), spec.form())
          : new ProfileSpec(spec.name(), spec.host(), spec.hostKind(), spec.defaultHttpPath(),
              replaced(spec.computes(), p.compute(), c -> new ComputeSpec(c.name(), value)), spec.form());
      case COMPUTE_NAME -> new ProfileSpec(spec.name(), spec.host(), spec.hostKind(), spec.defaultHttpPath(),
          replaced(spec.computes(), p.compute(), c -> new ComputeSpec(value, c.httpPath())), spec.form());
      case PROFILE -> throw new AssertionError("no value to replace for " + p);
    };
  }

  static List<ComputeSpec> replaced(List<ComputeSpec> computes, String name, java.util.function.UnaryOperator<ComputeSpec> change) {
    List<ComputeSpec> out = new java.util.ArrayList<>(computes);
    for (int i = 0; i < out.size(); i++) {
      if (java.util.Objects.equals(out.get(i).name(), name)) {
        out.set(i, change.apply(out.get(i)));
        return out;
      }
    }
    throw new AssertionError("no compute " + name);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void firesOnTheBadValueAndNotOnItsNearMiss(Code code, ProfileSpec bad, ProfileSpec nearMiss) {
    List<Problem> fired = ProfileChecker.check(bad).problems();
    List<Problem> quiet = ProfileChecker.check(nearMiss).problems();

    assertThat(fired).extracting(Problem::code).contains(code);
    assertThat(fired).filteredOn(p -> p.code() == code).allSatisfy(p -> {
      assertThat(p.severity()).isEqualTo(code.defaultSeverity());
      assertThat(p.message()).startsWith(code.tag() + " ").contains("\"").endsWith(".");
    });
    assertThat(quiet).extracting(Problem::code).doesNotContain(code);
  }

  @Test
  void everyCodeHasACase() {
    Set<Code> covered = EnumSet.noneOf(Code.class);
    cases().forEach(a -> covered.add((Code) a.get()[0]));
    Set<Code> expected = EnumSet.allOf(Code.class);
    expected.removeAll(NOT_IN_ENGINE);

    assertThat(covered).isEqualTo(expected);
  }

  @Test
  void tagsAreStable() {
    assertThat(Code.InvalidWorkspaceId.tag()).isEqualTo("[DatabricksProfile/InvalidWorkspaceId]");
    assertThat(Code.StrayWorkspaceId.suppressionKey()).isEqualTo("DatabricksProfile/StrayWorkspaceId");
    assertThat(Arrays.stream(Code.values()).map(Code::name)).doesNotHaveDuplicates();
  }

  static ProfileSpec profile(String host, String path, ComputeSpec... computes) {
    return ProfileSpec.of("p", host, path, computes);
  }
}
