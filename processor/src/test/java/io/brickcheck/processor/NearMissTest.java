package io.brickcheck.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.brickcheck.processor.Sources.HOST;
import static io.brickcheck.processor.Sources.ID;
import static io.brickcheck.processor.Sources.WAREHOUSE;
import static io.brickcheck.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Inputs close to a rule's edge that must compile cleanly and generate their factory. */
class NearMissTest {

  private static void assertClean(String factory, JavaFileObject... sources) {
    Compilation c = Sources.compile(sources);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("com.example." + factory);
  }

  @Test
  void leadingZerosNameTheSameWorkspaceAcrossComputes() {
    assertClean(
        "PConnectionFactory",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"/sql/1.0/warehouses/abc?o=00" + ID + "\",",
            "    computes = @Compute(name = \"etl\", httpPath = \"" + WAREHOUSE + "\"))",
            "interface P {}"));
  }

  @Test
  void clusterPathAgreeingWithItsQueryIsNoMismatch() {
    // Not clean since issue 10: databricks-jdbc misreads a query after the cluster id (a warning,
    // RealInputsTest); but the two ids agree, so there is no PathQueryMismatch and the factory is made.
    Compilation c = Sources.compile(
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"sql/protocolv1/o/" + ID + "/0123-456789-abcdefgh?o=" + ID + "\")",
            "interface P {}"));
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(1);
    assertThat(c).hadWarningContaining("[DatabricksProfile/DriverMisreadsHttpPath]");
    assertThat(c).generatedSourceFile("com.example.PConnectionFactory");
  }

  @Test
  void loopbackHttpHostIsAccepted() {
    assertClean(
        "PConnectionFactory",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"http://localhost:8080\",",
            "    httpPath = \"" + WAREHOUSE + "\")",
            "interface P {}"));
  }

  @Test
  void workspaceHostNeedsNoWorkspaceIdOnAnyCompute() {
    assertClean(
        "PConnectionFactory",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"/sql/1.0/warehouses/abc\",",
            "    hostKind = HostKind.WORKSPACE,",
            "    computes = @Compute(name = \"etl\", httpPath = \"/sql/1.0/warehouses/def\"))",
            "interface P {}"));
  }

  @Test
  void perWorkspaceHostWithItsOwnClusterPathIdIsFine() {
    assertClean(
        "PConnectionFactory",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"adb-" + ID + ".12.azuredatabricks.net\",",
            "    httpPath = \"sql/protocolv1/o/" + ID + "/0123-456789-abcdefgh\")",
            "interface P {}"));
  }

  @Test
  void similarButDistinctComputeNamesAreNoDuplicates() {
    assertClean(
        "PConnectionFactory",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"" + WAREHOUSE + "\",",
            "    computes = {",
            "      @Compute(name = \"etl\", httpPath = \"" + WAREHOUSE + "\"),",
            "      @Compute(name = \"etl2\", httpPath = \"" + WAREHOUSE + "\"),",
            "      @Compute(name = \"e-tl-x\", httpPath = \"" + WAREHOUSE + "\")",
            "    })",
            "interface P {}"));
  }

  @Test
  void interfaceFieldIsImplicitlyStaticFinal() {
    assertClean(
        "WarehouseMainConnectionFactory",
        source(
            "P",
            "interface P {",
            "  @DatabricksProfile(host = \"" + HOST + "\")",
            "  String WAREHOUSE_MAIN = \"" + WAREHOUSE + "\";",
            "}"));
  }

  @Test
  void fieldValueFromConstantExpressionsIsAConstant() {
    assertClean(
        "PathConnectionFactory",
        source(
            "P",
            "class P {",
            "  static final String BASE = \"/sql/1.0/warehouses/\";",
            "  @DatabricksProfile(host = \"" + HOST + "\")",
            "  static final String PATH = BASE + \"abc?o=" + ID + "\";",
            "}"));
  }

  @Test
  void sameSimpleNameInDifferentPackagesDoesNotClash() {
    JavaFileObject a =
        com.google.testing.compile.JavaFileObjects.forSourceLines(
            "a.P",
            "package a;",
            "@io.brickcheck.DatabricksProfile(host = \"" + HOST + "\", httpPath = \"" + WAREHOUSE + "\")",
            "interface P {}");
    JavaFileObject b =
        com.google.testing.compile.JavaFileObjects.forSourceLines(
            "b.P",
            "package b;",
            "@io.brickcheck.DatabricksProfile(host = \"" + HOST + "\", httpPath = \"" + WAREHOUSE + "\")",
            "interface P {}");
    Compilation c = Sources.compile(a, b);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("a.PConnectionFactory");
    assertThat(c).generatedSourceFile("b.PConnectionFactory");
  }
}
