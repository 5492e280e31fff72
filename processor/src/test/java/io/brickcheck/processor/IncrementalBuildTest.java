package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;

import io.brickcheck.rules.Code;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 2: a second, partial build finds the first build's factory on the class path, on
 * the source path, or among its own sources (the generated folder used as a source folder). None
 * of them is a {@code FactoryNameClash}; a user's own type of that name still is. Real compilers
 * (the JDK's javac and ECJ) on real directories: compile-testing cannot put a class on the class
 * path between two runs.
 */
class IncrementalBuildTest {
  static final String PATH = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + Sources.ID;
  static final String OTHER_PATH = "/sql/1.0/warehouses/0f0f0f0f0f0f0f0f?o=" + Sources.ID;
  static final String FACTORY = "com/example/AnalyticsConnectionFactory";

  @TempDir Path dir;

  record Result(boolean ok, List<String> errors) {}

  private Path write(String relative, String text) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Path annotated(String path) throws IOException {
    return write("src/com/example/Analytics.java", "package com.example;\n"
        + "import io.brickcheck.DatabricksProfile;\n"
        + "@DatabricksProfile(host = \"" + Sources.HOST + "\", httpPath = \"" + path + "\")\n"
        + "public interface Analytics {}\n");
  }

  /** One compilation; {@code options} after the release, class path, -d and -s of {@code out}/{@code gen}. */
  static Result compile(JavaCompiler compiler, Path out, Path gen, List<Path> inputs, String... options)
      throws IOException {
    Files.createDirectories(out);
    Files.createDirectories(gen);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> all = new ArrayList<>(List.of(
        compiler instanceof EclipseCompiler ? "-17" : "--release=17",
        "-d", out.toString(), "-s", gen.toString()));
    boolean hasClassPath = false;
    for (int i = 0; i < options.length; i++) {
      if (options[i].equals("-classpath")) {
        all.add(options[i]);
        all.add(options[++i] + File.pathSeparator + System.getProperty("java.class.path"));
        hasClassPath = true;
      } else {
        all.add(options[i]);
      }
    }
    if (!hasClassPath) {
      all.addAll(List.of("-classpath", System.getProperty("java.class.path")));
    }
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          compiler.getTask(null, files, diagnostics, all, null, files.getJavaFileObjectsFromPaths(inputs));
      task.setProcessors(List.of(new DatabricksProfileProcessor()));
      boolean ok = task.call();
      List<String> errors = diagnostics.getDiagnostics().stream()
          .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> d.getMessage(Locale.ROOT))
          .toList();
      return new Result(ok, errors);
    }
  }

  /** The first, full build: the factory's source in gen1 and its class in out1. */
  private void firstBuild(JavaCompiler compiler) throws IOException {
    Result first = compile(compiler, dir.resolve("out1"), dir.resolve("gen1"), List.of(annotated(PATH)));
    assertThat(first.errors()).isEmpty();
    assertThat(Files.exists(dir.resolve("out1/" + FACTORY + ".class"))).isTrue();
    assertThat(Files.exists(dir.resolve("gen1/" + FACTORY + ".java"))).isTrue();
  }

  private String generated(String gen) throws IOException {
    return Files.readString(dir.resolve(gen + "/" + FACTORY + ".java"));
  }

  private void assertNoClash(Result second) {
    assertThat(second.errors()).isEmpty();
    assertThat(second.ok()).isTrue();
  }

  // --- javac ---

  @Test
  void previousFactoryOnTheClassPathIsReplacedNotAClash() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    firstBuild(javac);
    annotated(OTHER_PATH); // the profile changed since the first build
    Result second = compile(javac, dir.resolve("out2"), dir.resolve("gen2"), List.of(dir.resolve("src/com/example/Analytics.java")),
        "-classpath", dir.resolve("out1").toString());
    assertNoClash(second);
    assertThat(generated("gen2")).contains(OTHER_PATH);
  }

  @Test
  void previousFactoryOnTheSourcePathIsReplacedNotAClash() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    firstBuild(javac);
    annotated(OTHER_PATH);
    Result second = compile(javac, dir.resolve("out2"), dir.resolve("gen2"), List.of(dir.resolve("src/com/example/Analytics.java")),
        "-sourcepath", dir.resolve("gen1") + File.pathSeparator + dir.resolve("src"));
    assertNoClash(second);
    assertThat(generated("gen2")).contains(OTHER_PATH);
  }

  /** Maven without incremental compilation: one directory is class output, class path and -s at once. */
  @Test
  void mavenShapeWithTheSameDirectoriesTwiceIsNotAClash() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path out = dir.resolve("target/classes");
    Path gen = dir.resolve("target/generated-sources/annotations");
    Path src = annotated(PATH);
    assertThat(compile(javac, out, gen, List.of(src)).errors()).isEmpty();
    annotated(OTHER_PATH);
    Result second = compile(javac, out, gen, List.of(src),
        "-classpath", out.toString(), "-sourcepath", dir.resolve("src") + File.pathSeparator + gen);
    assertNoClash(second);
    assertThat(Files.readString(gen.resolve(FACTORY + ".java"))).contains(OTHER_PATH);
  }

  /** The generated folder as a source folder: the old factory is one of the inputs, compiled as is. */
  @Test
  void previousFactoryAmongTheSourcesIsCompiledAsItIs() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    firstBuild(javac);
    Path old = dir.resolve("gen1/" + FACTORY + ".java");
    Result second = compile(javac, dir.resolve("out2"), dir.resolve("gen2"),
        List.of(dir.resolve("src/com/example/Analytics.java"), old));
    assertNoClash(second);
    assertThat(Files.exists(dir.resolve("out2/" + FACTORY + ".class"))).isTrue();
  }

  /** ... unless the profile changed since: then the compiled factory would not be what was checked. */
  @Test
  void stalePreviousFactoryAmongTheSourcesIsAStaleFactoryError() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    firstBuild(javac);
    annotated(OTHER_PATH);
    Result second = compile(javac, dir.resolve("out2"), dir.resolve("gen2"),
        List.of(dir.resolve("src/com/example/Analytics.java"), dir.resolve("gen1/" + FACTORY + ".java")));
    assertThat(second.ok()).isFalse();
    assertThat(second.errors()).hasSize(1);
    assertThat(second.errors().get(0)).startsWith(Code.StaleFactory.tag()
        + " \"com.example.AnalyticsConnectionFactory\" from an earlier build was generated from another"
        + " version of the profile on com.example.Analytics (DEFAULT_HTTP_PATH differs), and this build"
        + " cannot replace it.");
  }

  /** A user's own type of that name, on the class path, stays a clash. */
  @Test
  void userTypeOfTheSameNameOnTheClassPathIsStillAClash() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path own = write("lib/" + FACTORY + ".java",
        "package com.example;\npublic final class AnalyticsConnectionFactory {}\n");
    assertThat(compile(javac, dir.resolve("libout"), dir.resolve("libgen"), List.of(own)).errors()).isEmpty();
    Result second = compile(javac, dir.resolve("out2"), dir.resolve("gen2"), List.of(annotated(PATH)),
        "-classpath", dir.resolve("libout").toString());
    assertThat(second.errors()).hasSize(1);
    assertThat(second.errors().get(0)).startsWith(Code.FactoryNameClash.tag());
  }

  /** A factory generated for another element (a renamed profile's old factory) is a clash too. */
  @Test
  void factoryOfAnotherElementOnTheClassPathIsAClash() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    firstBuild(javac);
    Path other = write("src2/com/example/Reports.java", "package com.example;\n"
        + "import io.brickcheck.DatabricksProfile;\n"
        + "@DatabricksProfile(host = \"" + Sources.HOST + "\", httpPath = \"" + PATH + "\", factoryName = \"Analytics\")\n"
        + "public interface Reports {}\n");
    Result second = compile(javac, dir.resolve("out2"), dir.resolve("gen2"), List.of(other),
        "-classpath", dir.resolve("out1").toString());
    assertThat(second.errors()).hasSize(1);
    assertThat(second.errors().get(0)).startsWith(Code.FactoryNameClash.tag());
  }

  // --- ECJ, as Eclipse runs it: its own generated-source folder, on the source path ---
  // ECJ's Filer refuses to write a type that its class path or source path already has, so the
  // previous factory is used as it is: fine while it matches the profile, StaleFactory otherwise.

  @Test
  void ecjWithItsGeneratedFolderOnTheSourcePathIsNotAClash() throws IOException {
    EclipseCompiler ecj = new EclipseCompiler();
    Path gen = dir.resolve(".apt_generated");
    Path out = dir.resolve("bin");
    Path src = annotated(PATH);
    assertThat(compile(ecj, out, gen, List.of(src)).errors()).isEmpty();
    Result second = compile(ecj, out, gen, List.of(src),
        "-classpath", out.toString(), "-sourcepath", dir.resolve("src") + File.pathSeparator + gen);
    assertNoClash(second);
    assertThat(Files.readString(gen.resolve(FACTORY + ".java"))).contains(PATH);
  }

  @Test
  void ecjWithThePreviousFactoryOnTheClassPathIsNotAClash() throws IOException {
    EclipseCompiler ecj = new EclipseCompiler();
    Path src = annotated(PATH);
    assertThat(compile(ecj, dir.resolve("out1"), dir.resolve("gen1"), List.of(src)).errors()).isEmpty();
    Result second = compile(ecj, dir.resolve("out2"), dir.resolve("gen2"), List.of(src),
        "-classpath", dir.resolve("out1").toString());
    assertNoClash(second);
  }

  @Test
  void ecjWithAStalePreviousFactoryOnTheSourcePathIsAStaleFactoryError() throws IOException {
    EclipseCompiler ecj = new EclipseCompiler();
    Path gen = dir.resolve(".apt_generated");
    Path out = dir.resolve("bin");
    Path src = annotated(PATH);
    assertThat(compile(ecj, out, gen, List.of(src)).errors()).isEmpty();
    annotated(OTHER_PATH);
    Result second = compile(ecj, out, gen, List.of(src),
        "-classpath", out.toString(), "-sourcepath", dir.resolve("src") + File.pathSeparator + gen);
    assertThat(second.errors()).hasSize(1);
    assertThat(second.errors().get(0)).startsWith(Code.StaleFactory.tag());
    assertThat(second.errors().get(0)).contains("(DEFAULT_HTTP_PATH differs)");
  }
}
