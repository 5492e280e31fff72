package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.brickcheck.processor.Sources.HOST;
import static io.brickcheck.processor.Sources.ID;
import static io.brickcheck.processor.Sources.WAREHOUSE;
import static io.brickcheck.processor.Sources.source;

import com.google.testing.compile.Compilation;
import io.brickcheck.rules.Code;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per code javac can report: the code, the quoted value, and the line of the narrowest
 * position (each attribute on its own line, marker comments on array elements).
 */
class ProfileErrorsTest {

  @Test
  void httpHostFailsOnTheHostValue() {
    assertError(
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
    assertError(
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
    assertError(
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
    assertError(
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
    assertError(
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
    assertError(
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
        assertError(
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
    assertError(
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
    assertError(
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
    assertError(
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
    assertError(
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
        assertError(
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
  void nonConstantFieldIsAnInvalidTargetOnTheField() {
    assertError(
        Code.InvalidTarget,
        "not final",
        "String PATH",
        source(
            "P",
            "class P {",
            "  @DatabricksProfile(",
            "      host = \"" + HOST + "\")",
            "  static String PATH = \"" + WAREHOUSE + "\";",
            "}"));
  }

  @Test
  void nonStringFieldIsAnInvalidTarget() {
    assertError(
        Code.InvalidTarget,
        "of type int, not String",
        "int PATH",
        source(
            "P",
            "class P {",
            "  @DatabricksProfile(",
            "      host = \"" + HOST + "\")",
            "  static final int PATH = 1;",
            "}"));
  }

  @Test
  void httpPathOnAFieldIsAnInvalidTargetOnTheAttribute() {
    assertError(
        Code.InvalidTarget,
        "\"" + WAREHOUSE + "\"",
        "httpPath = ",
        source(
            "P",
            "class P {",
            "  @DatabricksProfile(",
            "      host = \"" + HOST + "\",",
            "      httpPath = \"" + WAREHOUSE + "\")",
            "  static final String PATH = \"" + WAREHOUSE + "\";",
            "}"));
  }

  @Test
  void annotationTypeIsAnInvalidTarget() {
    assertError(
        Code.InvalidTarget,
        "annotation type P",
        "@DatabricksProfile(",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"" + WAREHOUSE + "\")",
            "@interface P {}"));
  }

  @Test
  void missingHostFailsOnTheAnnotation() {
    assertError(
        Code.MissingHost,
        "\"P\"",
        "@DatabricksProfile(",
        source(
            "P",
            "@DatabricksProfile(",
            "    httpPath = \"" + WAREHOUSE + "\")",
            "interface P {}"));
  }

  @Test
  void emptyHostFailsOnTheHostValueAndOnlyOnce() {
    Compilation c =
        assertError(
            Code.MissingHost,
            "host \"\"",
            "host = ",
            source(
                "P",
                "@DatabricksProfile(",
                "    host = \"\",",
                "    httpPath = \"" + WAREHOUSE + "\")",
                "interface P {}"));
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void missingHttpPathOnATypeFailsOnTheAnnotation() {
    assertError(
        Code.MissingHttpPath,
        "\"P\"",
        "@DatabricksProfile(",
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\")",
            "interface P {}"));
  }

  @Test
  void emptyFieldValueIsAMissingHttpPathOnTheField() {
    assertError(
        Code.MissingHttpPath,
        "\"\"",
        "String PATH",
        source(
            "P",
            "class P {",
            "  @DatabricksProfile(",
            "      host = \"" + HOST + "\")",
            "  static final String PATH = \"\";",
            "}"));
  }

  @Test
  void fieldFormPathProblemsPointAtTheField() {
    assertError(
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
  void twoProfilesWithOneFactoryNameBothFailOnTheirFactoryName() {
    JavaFileObject a =
        source(
            "A",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"" + WAREHOUSE + "\",",
            "    factoryName = \"Shared\")",
            "interface A {}");
    JavaFileObject b =
        source(
            "B",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"" + WAREHOUSE + "\",",
            "    factoryName = \"Shared\")",
            "interface B {}");
    Compilation c = Sources.compile(a, b);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining(Code.FactoryNameClash.tag()).inFile(a).onLineContaining("factoryName = ");
    assertThat(c).hadErrorContaining(Code.FactoryNameClash.tag()).inFile(b).onLineContaining("factoryName = ");
    assertThat(c).hadErrorContaining("\"com.example.SharedConnectionFactory\"");
    assertThat(c).hadErrorContaining("Set factoryName = \"A\"").inFile(a).onLineContaining("factoryName = ");
    assertThat(c).hadErrorContaining("Set factoryName = \"B\"").inFile(b).onLineContaining("factoryName = ");
    assertThat(Sources.generated(c)).isEmpty();
  }

  @Test
  void nestedTypesOfOneNameClashAndGetTheirOuterNameSuggested() {
    JavaFileObject x =
        source(
            "X",
            "class X {",
            "  @DatabricksProfile(",
            "      host = \"" + HOST + "\",",
            "      httpPath = \"" + WAREHOUSE + "\")",
            "  interface Inner {}",
            "}");
    JavaFileObject y =
        source(
            "Y",
            "class Y {",
            "  @DatabricksProfile(",
            "      host = \"" + HOST + "\",",
            "      httpPath = \"" + WAREHOUSE + "\")",
            "  interface Inner {}",
            "}");
    Compilation c = Sources.compile(x, y);
    assertThat(c).hadErrorContaining("\"com.example.InnerConnectionFactory\", as would the profile on com.example.Y.Inner")
        .inFile(x)
        .onLineContaining("@DatabricksProfile(");
    assertThat(c).hadErrorContaining("Set factoryName = \"XInner\"");
    assertThat(c).hadErrorContaining("Set factoryName = \"YInner\"");
  }

  @Test
  void factoryNameOfAnExistingTypeIsAClash() {
    JavaFileObject existing = source("AnalyticsConnectionFactory", "class AnalyticsConnectionFactory {}");
    assertError(
        Code.FactoryNameClash,
        "\"com.example.AnalyticsConnectionFactory\"",
        "@DatabricksProfile(",
        source(
            "Analytics",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"" + WAREHOUSE + "\")",
            "interface Analytics {}"),
        existing);
  }

  @Test
  void factoryNameThatIsNoIdentifierFailsOnTheAttributeWithASuggestion() {
    Compilation c =
        assertError(
            Code.InvalidFactoryName,
            "\"my-factory\"",
            "factoryName = ",
            source(
                "P",
                "@DatabricksProfile(",
                "    host = \"" + HOST + "\",",
                "    httpPath = \"" + WAREHOUSE + "\",",
                "    factoryName = \"my-factory\")",
                "interface P {}"));
    assertThat(c).hadErrorContaining("Use factoryName = \"MyFactory\"");
  }

  @Test
  void unexpectedFailureIsOneInternalErrorOnTheElementAndTheOthersStillGenerate() {
    JavaFileObject bad =
        source("Bad", "@DatabricksProfile(", "    host = \"" + HOST + "\",", "    httpPath = \"" + WAREHOUSE + "\")", "interface Bad {}");
    JavaFileObject good =
        source("Good", "@DatabricksProfile(", "    host = \"" + HOST + "\",", "    httpPath = \"" + WAREHOUSE + "\")", "interface Good {}");
    DatabricksProfileProcessor failing =
        new DatabricksProfileProcessor(
            e -> {
              if (e.getSimpleName().contentEquals("Bad")) {
                throw new IllegalStateException("boom");
              }
            });
    Compilation c =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(failing)
            .withOptions("-Abrickcheck.verbose=true")
            .compile(bad, good);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining(Code.InternalError.tag() + " the Brickcheck processor failed on Bad with java.lang.IllegalStateException: \"boom\"")
        .inFile(bad)
        .onLineContaining("interface Bad");
    assertThat(c).hadErrorContaining("Please report it");
    assertThat(Sources.generated(c)).containsExactly("com.example.GoodConnectionFactory");
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

  // Warnings: the compilation succeeds and the factory is still generated.

  @Test
  void unrecognizedHttpPathWarnsOnTheHttpPathValue() {
    assertWarning(Code.UnrecognizedHttpPath, "\"/gateway/abc?o=" + ID + "\"", "/gateway/abc?o=" + ID);
  }

  @Test
  void blankWorkspaceIdWarns() {
    assertWarning(Code.EmptyWorkspaceId, "\"/sql/1.0/warehouses/abc?o=&o=" + ID + "\"", "/sql/1.0/warehouses/abc?o=&o=" + ID);
  }

  @Test
  void uppercaseWorkspaceKeyWarns() {
    assertWarning(Code.UppercaseWorkspaceKey, "\"/sql/1.0/warehouses/abc?O=" + ID + "\"", "/sql/1.0/warehouses/abc?O=" + ID);
  }

  @Test
  void workspaceIdOnADeclaredWorkspaceHostWarns() {
    JavaFileObject src =
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"" + WAREHOUSE + "\",",
            "    hostKind = HostKind.WORKSPACE)",
            "interface P {}");
    Compilation c = Sources.compile(src);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(Code.StrayWorkspaceId.tag()).inFile(src).onLineContaining("httpPath = ");
    assertThat(c).hadWarningContaining("\"" + ID + "\"");
    assertThat(c).generatedSourceFile("com.example.PConnectionFactory");
  }

  private static void assertWarning(Code code, String quoted, String path) {
    JavaFileObject src =
        source("P", "@DatabricksProfile(", "    host = \"" + HOST + "\",", "    httpPath = \"" + path + "\")", "interface P {}");
    Compilation c = Sources.compile(src);
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(1);
    assertThat(c).hadWarningContaining(code.tag()).inFile(src).onLineContaining("httpPath = ");
    assertThat(message(c.warnings(), code)).contains(quoted);
    assertThat(c).generatedSourceFile("com.example.PConnectionFactory");
  }

  /** Asserts the code's error on the marked line, the quoted value, and that nothing was generated. */
  static Compilation assertError(
      Code code, String quoted, String lineMarker, JavaFileObject src, JavaFileObject... others) {
    JavaFileObject[] all = new JavaFileObject[others.length + 1];
    all[0] = src;
    System.arraycopy(others, 0, all, 1, others.length);
    Compilation c = Sources.compile(all);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(code.tag() + " ").inFile(src).onLineContaining(lineMarker);
    String message = message(c.errors(), code);
    assertThat(message).contains(quoted);
    // The message form: tag, what is wrong, what is expected, the fix.
    assertThat(message.split("\\. ").length).isAtLeast(3);
    assertThat(Sources.generated(c)).isEmpty();
    return c;
  }

  private static String message(List<Diagnostic<? extends JavaFileObject>> diagnostics, Code code) {
    return diagnostics.stream()
        .map(d -> d.getMessage(Locale.ROOT))
        .filter(m -> m.startsWith(code.tag()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + code.tag() + " in " + diagnostics));
  }
}
