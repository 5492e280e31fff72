package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Severity;
import io.brickcheck.rules.WorkspaceIdSource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileCheckerTest {
  static final String SPOG = "peco.azuredatabricks.net";
  static final String WAREHOUSE = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492";
  static final String CLUSTER = "sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh";

  @Test
  void agreesOnOneWorkspaceAcrossWarehouseAndClusterPaths() {
    ProfileReport report =
        ProfileChecker.check(ProfileSpec.of("prod", SPOG, WAREHOUSE, new ComputeSpec("Cluster1", CLUSTER)));

    assertThat(report.problems()).isEmpty();
    assertThat(report.workspaceId()).isEqualTo("6436897454825492");
    assertThat(report.hostKind()).isEqualTo(HostClassification.UNKNOWN);
    assertThat(report.computes()).extracting(ComputeReport::name).containsExactly("default", "Cluster1");
    assertThat(report.compute("Cluster1").orElseThrow().workspaceIdSource()).isEqualTo(WorkspaceIdSource.CLUSTER_PATH);
  }

  @Test
  void reportsConflictOnEachComputeThatDisagreesWithTheFirst() {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("p", SPOG, "/sql/1.0/warehouses/a?o=1",
        new ComputeSpec("etl", "/sql/1.0/warehouses/b?o=2"),
        new ComputeSpec("bi", "/sql/1.0/warehouses/c?o=001"),
        new ComputeSpec("ml", "sql/protocolv1/o/3/c")));

    assertThat(report.problems()).extracting(Problem::code, Problem::compute).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Code.ComputeWorkspaceConflict, "etl"),
        org.assertj.core.groups.Tuple.tuple(Code.ComputeWorkspaceConflict, "ml"));
    assertThat(report.problems().get(0).message())
        .contains("compute \"etl\" routes to workspace \"2\" but compute \"default\" routes to \"1\"");
    assertThat(report.workspaceId()).isNull();
  }

  @Test
  void missingIdNamesTheIdToAdd() {
    ProfileReport report = ProfileChecker.check(
        ProfileSpec.of("p", SPOG, "/sql/1.0/warehouses/a", new ComputeSpec("etl", "/sql/1.0/warehouses/b?o=77")));

    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.MissingWorkspaceId);
      assertThat(p.compute()).isEqualTo("default");
      assertThat(p.message()).contains("Add ?o=77");
    });
  }

  @Test
  void spogHostNeedsAnIdOnEveryCompute() {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("p", SPOG, "/sql/1.0/warehouses/a",
        new ComputeSpec("etl", "/sql/1.0/warehouses/b")).withHostKind(HostClassification.SPOG));

    assertThat(report.hostKind()).isEqualTo(HostClassification.SPOG);
    assertThat(report.problems()).extracting(Problem::code).containsExactly(Code.MissingWorkspaceId, Code.MissingWorkspaceId);
    assertThat(report.problems().get(0).message()).contains("hostKind = SPOG");
  }

  @Test
  void perWorkspaceHostNeedsNoIdOnAWarehouseBesideALegacyClusterPath() {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("p", "adb-6436897454825492.12.azuredatabricks.net",
        "/sql/1.0/warehouses/a", new ComputeSpec("c", CLUSTER)));

    assertThat(report.problems()).isEmpty();
  }

  @Test
  void strayIdOnAPerWorkspaceHostIsAWarning() {
    ProfileReport report = ProfileChecker.check(
        ProfileSpec.of("p", "dbc-a1b2-c3d4.cloud.databricks.com", "/sql/1.0/warehouses/a?o=5"));

    assertThat(report.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.StrayWorkspaceId);
      assertThat(p.severity()).isEqualTo(Severity.WARNING);
      assertThat(p.message()).contains("is a per-workspace host");
    });
    assertThat(report.hasErrors()).isFalse();
    assertThat(report.strict().hasErrors()).isTrue();
  }

  @Test
  void declaredWorkspaceHostMakesAnIdStray() {
    ProfileReport report = ProfileChecker.check(
        ProfileSpec.of("p", SPOG, "/sql/1.0/warehouses/a?o=5").withHostKind(HostClassification.WORKSPACE));

    assertThat(report.problems()).extracting(Problem::code).containsExactly(Code.StrayWorkspaceId);
    assertThat(report.problems().get(0).message()).contains("declared a per-workspace host (hostKind = WORKSPACE)");
  }

  @Test
  void hostEmbeddedIdMustMatchTheQueryAndTheClusterPath() {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("p", "adb-111.1.azuredatabricks.net",
        "/sql/1.0/warehouses/a?o=222", new ComputeSpec("c", "sql/protocolv1/o/333/c")));

    assertThat(report.problems()).extracting(Problem::code).containsExactly(
        Code.ComputeWorkspaceConflict, Code.HostWorkspaceMismatch, Code.HostWorkspaceMismatch);
    assertThat(report.problems().get(1).message()).contains("names workspace \"222\" but host \"adb-111.1.azuredatabricks.net\" is workspace \"111\"");
  }

  @Test
  void pathsWithErrorsTakeNoPartInCrossChecks() {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("p", SPOG, "/sql/1.0/warehouses/a?o=1",
        new ComputeSpec("etl", "/sql/1.0/warehouses/b?o=2&o=3")));

    assertThat(report.problems()).extracting(Problem::code).containsExactly(Code.ConflictingWorkspaceIds);
    assertThat(report.problems().get(0).compute()).isEqualTo("etl");
  }

  @Test
  void reportsEveryProblemInAStableOrder() {
    ProfileSpec spec = new ProfileSpec("p", "http://peco.azuredatabricks.net", HostClassification.UNKNOWN, "/x?O=1",
        List.of(new ComputeSpec("1bad", "/sql/1.0/warehouses/b?o=zz"), new ComputeSpec("ETL", ""), new ComputeSpec("etl", "/sql/1.0/warehouses/c")));

    ProfileReport first = ProfileChecker.check(spec);

    assertThat(first.problems()).extracting(Problem::code).containsExactly(
        Code.InvalidHost,
        Code.UppercaseWorkspaceKey, Code.UnrecognizedHttpPath,
        Code.InvalidComputeName, Code.InvalidWorkspaceId,
        Code.InvalidHttpPath,
        Code.DuplicateCompute);
    assertThat(ProfileChecker.check(spec)).isEqualTo(first);
  }

  @Test
  void computeNamesCollideCaseInsensitivelyAndAfterMapping() {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("p", SPOG, WAREHOUSE,
        new ComputeSpec("nightly-batch", WAREHOUSE),
        new ComputeSpec("nightly_batch", WAREHOUSE),
        new ComputeSpec("NightlyBatch", WAREHOUSE),
        new ComputeSpec("Default", WAREHOUSE),
        new ComputeSpec("default", WAREHOUSE)));

    assertThat(report.problems()).extracting(Problem::code, Problem::compute).containsExactly(
        org.assertj.core.groups.Tuple.tuple(Code.DuplicateCompute, "nightly_batch"),
        org.assertj.core.groups.Tuple.tuple(Code.DuplicateCompute, "NightlyBatch"),
        org.assertj.core.groups.Tuple.tuple(Code.DuplicateCompute, "Default"),
        org.assertj.core.groups.Tuple.tuple(Code.DuplicateCompute, "default"));
    assertThat(report.problems().get(0).message()).contains("collides with compute \"nightly-batch\" (both become openNightlyBatch())");
    assertThat(report.problems().get(3).message()).contains("reserved for the profile's own http path");
  }

  @Test
  void nullValuesAreProblemsNotExceptions() {
    ProfileReport report = ProfileChecker.check(
        new ProfileSpec(null, null, HostClassification.UNKNOWN, null, List.of(new ComputeSpec(null, null))));

    assertThat(report.problems()).extracting(Problem::code)
        .containsExactly(Code.InvalidHost, Code.InvalidHttpPath, Code.InvalidComputeName, Code.InvalidHttpPath);
  }

  @Test
  void discoveredUnifiedHostWithoutAnIdIsAMissingIdWarning() {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("prod", SPOG, "/sql/1.0/warehouses/a"));

    List<Problem> problems = ProfileChecker.checkDiscovered(report, HostClassification.SPOG);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.MissingWorkspaceId);
      assertThat(p.severity()).isEqualTo(Severity.WARNING);
      assertThat(p.message()).contains("host \"peco.azuredatabricks.net\" says it is a unified (SPOG) host")
          .contains("profile \"prod\"");
    });
    assertThat(ProfileChecker.checkDiscovered(report, HostClassification.WORKSPACE)).isEmpty();
    assertThat(ProfileChecker.checkDiscovered(report, HostClassification.UNKNOWN)).isEmpty();
  }

  @Test
  void discoveredWorkspaceHostWithAnIdIsAStrayIdWarning() {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("prod", SPOG, WAREHOUSE));

    assertThat(ProfileChecker.checkDiscovered(report, HostClassification.WORKSPACE))
        .extracting(Problem::code).containsExactly(Code.StrayWorkspaceId);
    assertThat(ProfileChecker.checkDiscovered(report, HostClassification.SPOG)).isEmpty();
  }

  @Test
  void discoveryAddsNothingTheStaticCheckAlreadySaid() {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("p", "adb-6436897454825492.1.azuredatabricks.net", WAREHOUSE));

    assertThat(report.problems()).extracting(Problem::code).containsExactly(Code.StrayWorkspaceId);
    assertThat(ProfileChecker.checkDiscovered(report, HostClassification.WORKSPACE)).isEmpty();
  }
}
