package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.brickcheck.processor.Sources.HOST;
import static io.brickcheck.processor.Sources.source;

import com.google.testing.compile.Compilation;
import io.brickcheck.rules.Code;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @SuppressWarnings("DatabricksProfile[/Code]")} and {@code -Abrickcheck.strict}. */
class SuppressionAndStrictTest {
  private static final String GATEWAY = "/gateway/abc?o=" + Sources.ID;

  private static JavaFileObject gatewayProfile(String typeAnnotation, String enclosingAnnotation) {
    return source(
        "Outer",
        enclosingAnnotation,
        "class Outer {",
        "  " + typeAnnotation,
        "  @DatabricksProfile(",
        "      host = \"" + HOST + "\",",
        "      httpPath = \"" + GATEWAY + "\")",
        "  interface P {}",
        "}");
  }

  @Test
  void familyKeyOnTheElementSilencesItsWarnings() {
    Compilation c = Sources.compile(gatewayProfile("@SuppressWarnings(\"DatabricksProfile\")", ""));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("com.example.PConnectionFactory");
    assertThat(c).hadNoteContaining("1 suppressed");
  }

  @Test
  void codeKeyOnAnEnclosingTypeSilencesThatCode() {
    Compilation c =
        Sources.compile(gatewayProfile("", "@SuppressWarnings(\"DatabricksProfile/UnrecognizedHttpPath\")"));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void anotherCodesKeyDoesNotSilence() {
    Compilation c =
        Sources.compile(gatewayProfile("@SuppressWarnings({\"unchecked\", \"DatabricksProfile/EmptyWorkspaceId\"})", ""));
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(Code.UnrecognizedHttpPath.tag());
  }

  @Test
  void errorsCannotBeSuppressed() {
    JavaFileObject src =
        source(
            "P",
            "@SuppressWarnings(\"DatabricksProfile\")",
            "@DatabricksProfile(",
            "    host = \"http://" + HOST + "\",",
            "    httpPath = \"" + Sources.WAREHOUSE + "\")",
            "interface P {}");
    Compilation c = Sources.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(Code.InvalidHost.tag()).inFile(src).onLineContaining("host = ");
  }

  @Test
  void strictModeTurnsWarningsIntoErrorsAndGeneratesNothing() {
    JavaFileObject src = gatewayProfile("", "");
    Compilation c = Sources.javac("-Abrickcheck.strict=true", "-Abrickcheck.verbose=true").compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(Code.UnrecognizedHttpPath.tag()).inFile(src).onLineContaining("httpPath = ");
    assertThat(Sources.generated(c)).isEmpty();
  }

  @Test
  void strictModeKeepsSuppressedWarningsSilent() {
    Compilation c =
        Sources.javac("-Abrickcheck.strict=TRUE")
            .compile(gatewayProfile("@SuppressWarnings(\"DatabricksProfile/UnrecognizedHttpPath\")", ""));
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void suppressionKeysAreCaseSensitiveLikeTheCodes() {
    assertThat(Diagnostics.isSuppressed(Code.StrayWorkspaceId, null)).isFalse();
    Compilation c = Sources.compile(gatewayProfile("@SuppressWarnings(\"databricksprofile\")", ""));
    assertThat(c).hadWarningContaining(Code.UnrecognizedHttpPath.tag());
  }
}
