package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.brickcheck.rules.Code;
import java.util.Map;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

/** The {@code -Abrickcheck.*} options and what the processor declares to javac and Gradle. */
class OptionsTest {
  private static final String FACTORY = "com.example.AnalyticsConnectionFactory";

  private static Compilation compileGood(String... options) {
    return Sources.javac(options).compile(Sources.good());
  }

  @Test
  void badBooleanValueIsAnErrorListingTheValidValues() {
    Compilation c = compileGood("-Abrickcheck.strict=yes");
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(
            Code.InvalidOption.tag() + " option -Abrickcheck.strict has value \"yes\". Valid values"
                + " (case-insensitive): true, false.");
  }

  @Test
  void optionWithoutValueIsAnError() {
    Compilation c = compileGood("-Abrickcheck.verbose");
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("option -Abrickcheck.verbose has no value");
  }

  @Test
  void badGeneratedAnnotationValueListsJdkAndNone() {
    Compilation c = compileGood("-Abrickcheck.generatedAnnotation=javax");
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("\"javax\". Valid values (case-insensitive): jdk, none.");
  }

  @Test
  void unknownBrickcheckKeyWarnsWithASuggestion() {
    Compilation c = compileGood("-Abrickcheck.Strict=true");
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            Code.InvalidOption.tag() + " option -Abrickcheck.Strict is not a Brickcheck option and"
                + " is ignored. Did you mean -Abrickcheck.strict?");
  }

  @Test
  void otherProcessorsOptionsAreNotOurs() {
    ProcessorOptions options = ProcessorOptions.parse(Map.of("dagger.fastInit", "x", "brickcheckx", "y"));
    assertThat(options.problems).isEmpty();
  }

  @Test
  void generatedAnnotationNoneLeavesOnlyBrickchecksMarker() throws Exception {
    Compilation c = compileGood("-Abrickcheck.generatedAnnotation=none");
    assertThat(c).succeededWithoutWarnings();
    String source = c.generatedSourceFile(FACTORY).orElseThrow().getCharContent(true).toString();
    assertThat(source).doesNotContain("@Generated");
    assertThat(source).contains("@BrickcheckGenerated");
  }

  @Test
  void jdkGeneratedAnnotationIsLeftOutWhenTheTypeDoesNotResolve() throws Exception {
    // Without the java.compiler module, javax.annotation.processing.Generated does not resolve
    // (as in a named module that does not require java.compiler).
    Compilation c = Sources.javac("--limit-modules", "java.base").compile(Sources.good());
    assertThat(c).succeededWithoutWarnings();
    String source = c.generatedSourceFile(FACTORY).orElseThrow().getCharContent(true).toString();
    assertThat(source).doesNotContain("@Generated");
  }

  @Test
  void verboseReportsEachFactoryAndASummary() {
    Compilation c = compileGood("-Abrickcheck.verbose=true");
    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("[DatabricksProfile] generated " + FACTORY + " (3 computes)");
    assertThat(c).hadNoteContaining("[DatabricksProfile] " + Sources.GOOD_FACTORIES.size() + " factories generated; 0 errors, 0 warnings, 0 suppressed; ");
  }

  @Test
  void declaresItsOptionsIsolatingModeAndTheLatestSourceVersion() {
    DatabricksProfileProcessor processor = new DatabricksProfileProcessor();
    assertThat(processor.getSupportedOptions())
        .containsExactly(
            "brickcheck.strict",
            "brickcheck.verbose",
            "brickcheck.generatedAnnotation",
            "brickcheck.profilesFile",
            "org.gradle.annotation.processing.isolating");
    assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
    assertThat(processor.getSupportedAnnotationTypes())
        .containsExactly(
            "io.brickcheck.DatabricksProfile",
            "io.brickcheck.BrickcheckGenerated",
            "javax.annotation.processing.Generated");
  }
}
