package io.brickcheck.spring;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.brickcheck.processor.SpringPropertiesProcessor;
import io.brickcheck.rules.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build-time check: real javac with brickcheck-processor, an application class carrying the
 * real {@code @SpringBootApplication}, and property files on the source path (Maven has them on the
 * class output, which compile-testing keeps in memory). A bad URL fails the compilation with its
 * file, line and column.
 */
class BuildTimeCheckTest {
  static final String ID = "6436897454825492";
  static final String HOST = "jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;ssl=1;httpPath=";

  @TempDir Path resources;

  static JavaFileObject app(String... before) {
    List<String> lines = new ArrayList<>(List.of(
        "package com.example;", "", "import org.springframework.boot.autoconfigure.SpringBootApplication;", "",
        "@SpringBootApplication"));
    lines.addAll(List.of(before));
    lines.add("public class DemoApplication {}");
    return JavaFileObjects.forSourceLines("com.example.DemoApplication", lines);
  }

  Path write(String name, String... lines) throws IOException {
    Path file = resources.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  Compilation compile(JavaFileObject src, String... options) {
    List<String> all = new ArrayList<>(List.of("-sourcepath", resources.toString()));
    all.addAll(List.of(options));
    return Compiler.javac().withProcessors(new SpringPropertiesProcessor()).withOptions(all).compile(src);
  }

  void good() throws IOException {
    write("application.yml",
        "spring:",
        "  datasource:",
        "    url: " + HOST + "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + ID,
        "    password: ${DATABRICKS_TOKEN}");
  }

  @Test
  void goodFilesCompileWithoutAWord() throws IOException {
    good();
    write("application.properties", "spring.datasource.hikari.jdbc-url=" + HOST + "/sql/1.0/warehouses/abc?o=" + ID);
    assertThat(compile(app())).succeededWithoutWarnings();
  }

  @Test
  void aBadWorkspaceIdInAProfileFileFailsTheBuildWithItsPosition() throws IOException {
    good();
    write("application-prod.yml",
        "# prod",
        "spring:",
        "  datasource:",
        "    url: " + HOST + "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=12x4");
    JavaFileObject src = app();
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(Code.InvalidWorkspaceId.tag() + " application-prod.yml:4:10: spring.datasource.url: JDBC URL,"
            + " httpPath at character 81: workspace id \"12x4\"")
        .inFile(src)
        .onLineContaining("class DemoApplication");
  }

  @Test
  void propertiesFilesAndTheConfigFolderAreReadWithTheirPositions() throws IOException {
    write("config/application-staging.properties",
        "# a comment",
        "app.reporting.datasource.url = \\",
        "    " + HOST + "/sql/1.0/warehouses/abc?o=")
        ;
    write("application.properties", "! other", "spring.datasource.url:" + HOST.replace("ssl=1", "ssl=0") + "/sql/1.0/warehouses/abc?o=" + ID);
    Compilation c = compile(app());
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(Code.InsecureJdbcUrl.tag() + " application.properties:2:23: spring.datasource.url:");
    assertThat(c).hadWarningContaining(
        Code.EmptyWorkspaceId.tag() + " config/application-staging.properties:3:5: app.reporting.datasource.url:");
  }

  @Test
  void warningsFollowStrictModeAndSuppression() throws IOException {
    write("application.yml", "spring.datasource.url: \"" + HOST + "/sql/1.0/warehouses/abc?o=\"");
    assertThat(compile(app())).succeeded();
    assertThat(compile(app())).hadWarningContaining(Code.EmptyWorkspaceId.tag() + " application.yml:1:24: ");
    assertThat(compile(app(), "-Abrickcheck.strict=true")).hadErrorContaining(Code.EmptyWorkspaceId.tag());
    assertThat(compile(app("@SuppressWarnings(\"DatabricksProfile/EmptyWorkspaceId\")"))).succeededWithoutWarnings();
  }

  @Test
  void aPlaceholderIsLeftToStartUpAndASecretIsNeverShown() throws IOException {
    write("application.yml",
        "spring:",
        "  datasource:",
        "    url: " + HOST + "${DATABRICKS_HTTP_PATH}",
        "---",
        "spring.config.activate.on-profile: leaky",
        "other:",
        "  list:",
        "    - " + HOST + "/sql/1.0/warehouses/abc?o=" + ID + ";PWD=dapiBUILDSECRET77");
    Compilation c = compile(app());
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining(Code.SecretInJdbcUrl.tag() + " application.yml:8:7: other.list[0]: ");
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      assertThat(d.getMessage(null)).doesNotContain("dapiBUILDSECRET77");
    }
  }

  @Test
  void placeholdersWithDefaultsAreCheckedAtTheirDefaults() throws IOException {
    write("application.properties",
        "spring.datasource.url=" + HOST.replace("443", "${PORT:443}") + "/sql/1.0/warehouses/abc?o=${WS:12y}",
        "other.url=" + HOST + "/sql/1.0/warehouses/abc?o=${WS}x");
    Compilation c = compile(app());
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining(Code.InvalidWorkspaceId.tag()
        + " application.properties:1:23: spring.datasource.url (placeholders at their defaults): ");
    assertThat(c).hadErrorContaining("workspace id \"12y\"");
  }

  @Test
  void brokenYamlIsANoteNotACrash() throws IOException {
    write("application.yml", "spring:", "  datasource: [", "    url: x");
    Compilation c = compile(app());
    assertThat(c).succeeded();
    assertThat(c).hadNoteContaining("application.yml:");
  }

  @Test
  void aCompilationWithoutAnApplicationReadsNothing() throws IOException {
    write("application.yml", "spring.datasource.url: " + HOST + "/sql/1.0/warehouses/abc?o=12x4");
    JavaFileObject plain = JavaFileObjects.forSourceLines("com.example.Plain", "package com.example;", "class Plain {}");
    assertThat(compile(plain)).succeededWithoutWarnings();
  }
}
