package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.brickcheck.processor.Sources.HOST;
import static io.brickcheck.processor.Sources.WAREHOUSE;
import static io.brickcheck.processor.Sources.source;

import com.google.testing.compile.Compilation;
import io.brickcheck.rules.Code;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per processor-level code (target, missing values, factory names, internal failures):
 * the code, the quoted value and the line.
 */
class ProcessorCodesTest {
  @Test
  void nonConstantFieldIsAnInvalidTargetOnTheField() {
    Expect.assertError(
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
    Expect.assertError(
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
    Expect.assertError(
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
    Expect.assertError(
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
    Expect.assertError(
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
        Expect.assertError(
            Code.MissingHost,
            "host is empty",
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
    Expect.assertError(
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
    Expect.assertError(
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
    Expect.assertError(
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
        Expect.assertError(
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
}
