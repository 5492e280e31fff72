package io.brickcheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.HostKind;
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
   * dbt reader, whose codes DbtProfilesReaderTest, DbtTemplatesTest, DbtYamlSafetyTest and
   * DbtProfilesLocatorTest assert with their exact messages; the JDBC URL checker): not the
   * profile checker's to raise.
   */
  static final Set<Code> NOT_IN_ENGINE = EnumSet.of(
      Code.ProbeFailed, Code.UnsupportedDriver, Code.UnsupportedSdk,
      Code.InvalidTarget, Code.MissingHost, Code.MissingHttpPath, Code.FactoryNameClash,
      Code.InvalidFactoryName, Code.InvalidOption, Code.InternalError,
      Code.InvalidProfilesFile, Code.ProfilesFileNotFound, Code.UnknownDbtProfile, Code.UnknownDbtTarget,
      Code.MissingDbtField, Code.UnsupportedProfileType, Code.UnsupportedTemplate,
      Code.MissingEnvironmentVariable,
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
            profile(SPOG, "/sql/1.0/warehouses/abc").withHostKind(HostKind.SPOG),
            profile(SPOG, "/sql/1.0/warehouses/abc")),
        Arguments.of(Code.StrayWorkspaceId,
            profile("adb-42.3.azuredatabricks.net", OK_PATH),
            profile("adb-42.3.azuredatabricks.net", "/sql/1.0/warehouses/abc")),
        Arguments.of(Code.StrayWorkspaceId,
            profile(SPOG, OK_PATH).withHostKind(HostKind.WORKSPACE),
            profile(SPOG, OK_PATH).withHostKind(HostKind.SPOG)),
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
            profile(SPOG, OK_PATH, new ComputeSpec("etl", OK_PATH), new ComputeSpec("etl2", OK_PATH))));
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
