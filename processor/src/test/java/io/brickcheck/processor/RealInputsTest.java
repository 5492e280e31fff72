package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.brickcheck.processor.Sources.source;

import com.google.testing.compile.Compilation;
import io.brickcheck.rules.Code;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 as javac shows it: each kind of fault on real inputs, with the diagnostic's kind and the
 * line it points at.
 */
class RealInputsTest {
  static final String CLUSTER = "sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh";

  /** Kind 1, the example: the standard dbt layout on an unrecognised per-workspace host. */
  static JavaFileObject standardLayout() {
    return source(
        "Acme",
        "@DatabricksProfile(",
        "    host = \"acme-prod.cloud.databricks.com\",",
        "    httpPath = \"/sql/1.0/warehouses/a1b2c3d4e5f6a7b8\",",
        "    computes = @Compute(name = \"python\", httpPath = \"" + CLUSTER + "\"))",
        "interface Acme {}");
  }

  @Test
  void aClusterPathBesideAWarehouseOnAnUnknownHostCompilesWithANoteOnTheHost() {
    JavaFileObject src = standardLayout();
    Compilation c = Sources.compile(src);

    assertThat(c).succeededWithoutWarnings();
    assertThat(c).hadNoteContaining(Code.UnclassifiedHost.tag() + " host \"acme-prod.cloud.databricks.com\"")
        .inFile(src).onLineContaining("host = ");
    assertThat(c).generatedSourceFile("com.example.AcmeConnectionFactory");
  }

  @Test
  void theNoteBreaksNoWerrorBuildEvenWhenStrict() {
    Compilation c = Sources.javac("-Werror", "-Abrickcheck.strict=true").compile(standardLayout());

    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("hostKind = WORKSPACE");
  }

  @Test
  void declaringTheHostKindIsTheWayToTheGuarantee() {
    JavaFileObject src = source(
        "Acme",
        "@DatabricksProfile(",
        "    host = \"acme-prod.cloud.databricks.com\",",
        "    hostKind = HostKind.SPOG,",
        "    httpPath = \"/sql/1.0/warehouses/a1b2c3d4e5f6a7b8\",",
        "    computes = @Compute(name = \"python\", httpPath = \"" + CLUSTER + "\"))",
        "interface Acme {}");

    Expect.assertError(Code.MissingWorkspaceId, "(hostKind = SPOG)", "httpPath = \"/sql/1.0/warehouses/a1b2c3d4e5f6a7b8\"", src);
  }

  /** Kind 2, the example: Azure US Government is as per-workspace as Azure public. */
  @Test
  void anEmbeddedIdOnAzureGovernmentDisagreeingWithTheQueryFailsOnThePath() {
    Expect.assertError(
        Code.HostWorkspaceMismatch,
        "host \"adb-1234567890123456.7.databricks.azure.us\" is workspace \"1234567890123456\"",
        "httpPath = ",
        source(
            "Gov",
            "@DatabricksProfile(",
            "    host = \"adb-1234567890123456.7.databricks.azure.us\",",
            "    httpPath = \"/sql/1.0/warehouses/abc?o=999\")",
            "interface Gov {}"));
  }

  @Test
  void theDodAccountConsoleFailsOnTheHost() {
    Expect.assertError(
        Code.InvalidHost,
        "is an account console",
        "host = ",
        source(
            "Dod",
            "@DatabricksProfile(",
            "    host = \"https://accounts-dod.cloud.databricks.mil/\",",
            "    httpPath = \"/sql/1.0/warehouses/abc\")",
            "interface Dod {}"));
  }

  /** Kinds 3 and 4: the fix is the bare host, and the id goes where the annotation puts it. */
  @Test
  void aWorkspaceUrlFromTheBrowserFailsOnTheHostNamingTheIdAndTheAttribute() {
    Compilation c = Expect.assertError(
        Code.InvalidHost,
        "carries workspace id \"1234567890123456\"",
        "host = ",
        source(
            "Peco",
            "@DatabricksProfile(",
            "    host = \"https://peco.azuredatabricks.net/?o=1234567890123456\",",
            "    hostKind = HostKind.SPOG,",
            "    httpPath = \"/sql/1.0/warehouses/abc\")",
            "interface Peco {}"));

    assertThat(c).hadErrorCount(1);
    assertThat(Expect.message(c.errors(), Code.InvalidHost))
        .endsWith("Use \"peco.azuredatabricks.net\" as host and add ?o=1234567890123456 to httpPath and to every compute's http path.");
  }

  @Test
  void aDomainCutShortFailsWithTheWholeName() {
    Expect.assertError(
        Code.InvalidHost,
        "Use \"adb-1234567890123456.7.azuredatabricks.net\"",
        "host = ",
        source(
            "Typo",
            "@DatabricksProfile(",
            "    host = \"https://adb-1234567890123456.7.azuredatabricks/net/\",",
            "    httpPath = \"/sql/1.0/warehouses/abc\")",
            "interface Typo {}"));
  }

  /** Kind 6 on the compute that has it. */
  @Test
  void aNearMissOfTheWorkspaceKeyWarnsOnItsCompute() {
    JavaFileObject src = source(
        "Near",
        "@DatabricksProfile(",
        "    host = \"peco.azuredatabricks.net\",",
        "    httpPath = \"/sql/1.0/warehouses/abc?o=1234567890123456\",",
        "    computes = {",
        "      @Compute(name = \"etl\", httpPath = \"/sql/1.0/warehouses/def?o=1234567890123456\"),",
        "      @Compute(name = \"bi\", httpPath = \"/sql/1.0/warehouses/ghi?workspace_id=1234567890123456\")",
        "    })",
        "interface Near {}");
    Compilation c = Sources.compile(src);

    assertThat(c).hadWarningContaining(Code.WorkspaceKeyNearMiss.tag() + " http path \"/sql/1.0/warehouses/ghi?workspace_id=")
        .inFile(src).onLineContaining("name = \"bi\"");
    // The near miss leaves bi without an id beside explicit ?o= ids: that is the error it causes.
    assertThat(c).hadErrorContaining(Code.MissingWorkspaceId.tag()).inFile(src).onLineContaining("name = \"bi\"");
    assertThat(Expect.message(c.errors(), Code.MissingWorkspaceId)).contains("Add ?o=1234567890123456 to @Compute(name = \"bi\", httpPath = ...)");
  }

  /** Kind 7 on the attribute that has it. */
  @Test
  void aTrailingSlashAfterTheWarehouseIdWarnsOnThePath() {
    JavaFileObject src = source(
        "Slash",
        "@DatabricksProfile(",
        "    host = \"peco.azuredatabricks.net\",",
        "    httpPath = \"/sql/1.0/warehouses/a1b2c3d4e5f6a7b8/?o=1234567890123456\")",
        "interface Slash {}");
    Compilation c = Sources.compile(src);

    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("databricks-jdbc reads warehouse id \"a1b2c3d4e5f6a7b8/\"")
        .inFile(src).onLineContaining("httpPath = ");
  }

  /** Issue 11, item 3: a hidden character fails on the value that has it, shown escaped. */
  @Test
  void aBidiOverrideInAComputeNameFailsOnThatCompute() {
    JavaFileObject src = source(
        "Bidi",
        "@DatabricksProfile(",
        "    host = \"peco.azuredatabricks.net\",",
        "    httpPath = \"/sql/1.0/warehouses/abc?o=1\",",
        "    computes = @Compute(name = \"etl\\u202e\", httpPath = \"/sql/1.0/warehouses/def?o=1\"))",
        "interface Bidi {}");
    Compilation c = Expect.assertError(Code.HiddenCharacter, "compute name \"etl\\u202e\"", "name = \"etl", src);

    assertThat(Expect.message(c.errors(), Code.HiddenCharacter).toLowerCase(Locale.ROOT)).doesNotContain("\u202e");
  }
}
