package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.brickcheck.processor.Sources.HOST;
import static io.brickcheck.processor.Sources.ID;
import static io.brickcheck.processor.Sources.WAREHOUSE;
import static io.brickcheck.processor.Sources.source;

import com.google.testing.compile.Compilation;
import io.brickcheck.rules.Code;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per rule-engine error javac can report: the code, the quoted value, and the line of the
 * narrowest position (each attribute on its own line, marker comments on array elements).
 */
class ProfileErrorsTest {
  @Test
  void httpHostFailsOnTheHostValue() {
    Expect.assertError(
        Code.InvalidHost,
        "\"http://" + HOST + "\"",
        "host = ",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"http://" + HOST + "\",",
            "    httpPath = \"" + WAREHOUSE + "\")",
            "interface P {}"));
  }

  @Test
  void semicolonInHttpPathFailsOnTheHttpPathValue() {
    Expect.assertError(
        Code.InvalidHttpPath,
        "\"/sql/1.0/warehouses/abc;o=1\"",
        "httpPath = ",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"/sql/1.0/warehouses/abc;o=1\")",
            "interface P {}"));
  }

  @Test
  void malformedWorkspaceIdFailsOnTheHttpPathValue() {
    Expect.assertError(
        Code.InvalidWorkspaceId,
        "\"12a\"",
        "httpPath = ",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"/sql/1.0/warehouses/abc?o=12a\")",
            "interface P {}"));
  }

  @Test
  void twoDifferentIdsInOnePathFail() {
    Expect.assertError(
        Code.ConflictingWorkspaceIds,
        "\"111\"",
        "httpPath = ",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"/sql/1.0/warehouses/abc?o=111&o=222\")",
            "interface P {}"));
  }

  @Test
  void clusterPathAndQueryNamingDifferentWorkspacesFail() {
    Expect.assertError(
        Code.PathQueryMismatch,
        "\"sql/protocolv1/o/111/0123-456789-abcdefgh?o=222\"",
        "httpPath = ",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"sql/protocolv1/o/111/0123-456789-abcdefgh?o=222\")",
            "interface P {}"));
  }

  @Test
  void computeInAnotherWorkspaceFailsOnItsArrayElement() {
    Expect.assertError(
        Code.ComputeWorkspaceConflict,
        "\"222\"",
        "// etl",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"" + WAREHOUSE + "\",",
            "    computes = {",
            "      @Compute(name = \"bi\", httpPath = \"" + WAREHOUSE + "\"), // bi",
            "      @Compute(name = \"etl\", httpPath = \"/sql/1.0/warehouses/b?o=222\") // etl",
            "    })",
            "interface P {}"));
  }

  @Test
  void computeWithoutWorkspaceIdFailsOnItsArrayElementNamingTheIdToAdd() {
    Compilation c =
        Expect.assertError(
            Code.MissingWorkspaceId,
            "\"/sql/1.0/warehouses/b\"",
            "// etl",
            source(
                "P",
                "@DatabricksProfile(",
                "    host = \"" + HOST + "\",",
                "    httpPath = \"" + WAREHOUSE + "\",",
                "    computes = {",
                "      @Compute(name = \"bi\", httpPath = \"" + WAREHOUSE + "\"), // bi",
                "      @Compute(name = \"etl\", httpPath = \"/sql/1.0/warehouses/b\") // etl",
                "    })",
                "interface P {}"));
    assertThat(c).hadErrorContaining("Add ?o=" + ID);
  }

  @Test
  void spogHostWithoutAnyWorkspaceIdFails() {
    Expect.assertError(
        Code.MissingWorkspaceId,
        "\"" + HOST + "\"",
        "httpPath = ",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"/sql/1.0/warehouses/abc\",",
            "    hostKind = HostKind.SPOG)",
            "interface P {}"));
  }

  @Test
  void idThatDiffersFromTheHostsEmbeddedIdFails() {
    Expect.assertError(
        Code.HostWorkspaceMismatch,
        "\"999\"",
        "httpPath = ",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"adb-1234.5.azuredatabricks.net\",",
            "    httpPath = \"/sql/1.0/warehouses/abc?o=999\")",
            "interface P {}"));
  }

  @Test
  void computeNameThatCannotBeAMethodFailsOnItsArrayElement() {
    Expect.assertError(
        Code.InvalidComputeName,
        "\"9lives\"",
        "// bad-name",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"" + WAREHOUSE + "\",",
            "    computes = {",
            "      @Compute(name = \"etl\", httpPath = \"" + WAREHOUSE + "\"), // etl",
            "      @Compute(name = \"9lives\", httpPath = \"" + WAREHOUSE + "\") // bad-name",
            "    })",
            "interface P {}"));
  }

  @Test
  void duplicateComputeFailsOnTheSecondOccurrence() {
    Expect.assertError(
        Code.DuplicateCompute,
        "\"ETL\"",
        "// second",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"" + WAREHOUSE + "\",",
            "    computes = {",
            "      @Compute(name = \"etl\", httpPath = \"" + WAREHOUSE + "\"), // first",
            "      @Compute(name = \"ETL\", httpPath = \"" + WAREHOUSE + "\") // second",
            "    })",
            "interface P {}"));
  }

  @Test
  void exactDuplicateNameFailsOnTheSecondOccurrenceOnly() {
    Compilation c =
        Expect.assertError(
            Code.DuplicateCompute,
            "\"etl\"",
            "// second",
            source(
                "P",
                "@DatabricksProfile(",
                "    host = \"" + HOST + "\",",
                "    httpPath = \"" + WAREHOUSE + "\",",
                "    computes = {",
                "      @Compute(name = \"etl\", httpPath = \"" + WAREHOUSE + "\"), // first",
                "      @Compute(name = \"etl\", httpPath = \"" + WAREHOUSE + "\") // second",
                "    })",
                "interface P {}"));
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void fieldFormPathProblemsPointAtTheField() {
    Expect.assertError(
        Code.InvalidWorkspaceId,
        "\"12a\"",
        "String PATH",
        source(
            "P",
            "class P {",
            "  @DatabricksProfile(",
            "      host = \"" + HOST + "\")",
            "  static final String PATH = \"/sql/1.0/warehouses/abc?o=12a\";",
            "}"));
  }

  @Test
  void everyProblemOfAnElementIsReportedAndOtherElementsStillGenerate() {
    JavaFileObject bad =
        source(
            "Bad",
            "@DatabricksProfile(",
            "    host = \"http://" + HOST + "\",",
            "    httpPath = \"/sql/1.0/warehouses/abc?o=12a\",",
            "    computes = @Compute(name = \"9x\", httpPath = \"" + WAREHOUSE + "\"))",
            "interface Bad {}");
    JavaFileObject good =
        source("Good", "@DatabricksProfile(", "    host = \"" + HOST + "\",", "    httpPath = \"" + WAREHOUSE + "\")", "interface Good {}");
    Compilation c = Sources.compile(bad, good);
    assertThat(c).hadErrorCount(3);
    assertThat(c).hadErrorContaining(Code.InvalidHost.tag());
    assertThat(c).hadErrorContaining(Code.InvalidWorkspaceId.tag());
    assertThat(c).hadErrorContaining(Code.InvalidComputeName.tag());
    assertThat(Sources.generated(c)).containsExactly("com.example.GoodConnectionFactory");
  }

  /** Asserts the code's error on the marked line, the quoted value, and that nothing was generated. */
}
