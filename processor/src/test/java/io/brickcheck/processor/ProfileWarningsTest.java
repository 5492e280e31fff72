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

/** Rule-engine warnings: the compilation succeeds, the warning is on the value, the factory exists. */
class ProfileWarningsTest {
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
    assertThat(Expect.message(c.warnings(), code)).contains(quoted);
    assertThat(c).generatedSourceFile("com.example.PConnectionFactory");
  }
}
