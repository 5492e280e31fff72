package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor under the Eclipse compiler (ECJ, as in Eclipse IDEs): the good inputs compile and
 * generate the same sources as under javac, byte for byte. Also real compilers on real directories
 * (ECJ and the JDK's javac, no in-memory file manager), for the Filer's CLASS_OUTPUT lookup of a dbt
 * profiles.yml.
 */
class EclipseCompilerTest {

  @Test
  void goodInputsGenerateTheGoldenSourcesUnderEcj(@TempDir Path dir) throws IOException {
    compileAndCompare(new EclipseCompiler(), dir, Sources.GOOD, Sources.GOOD_FACTORIES, false);
  }

  /**
   * Maven's order: src/main/resources is copied to the class output before compiling, and the
   * processor finds profiles.yml there through the Filer, without any option.
   */
  @Test
  void dbtProfilesAreFoundInTheClassOutputUnderEcj(@TempDir Path dir) throws IOException {
    compileAndCompare(
        new EclipseCompiler(), dir, DbtProfileProcessorTest.GOOD, DbtProfileProcessorTest.GOOD_FACTORIES, true);
  }

  @Test
  void dbtProfilesAreFoundInTheClassOutputUnderJavac(@TempDir Path dir) throws IOException {
    compileAndCompare(
        javax.tools.ToolProvider.getSystemJavaCompiler(),
        dir,
        DbtProfileProcessorTest.GOOD,
        DbtProfileProcessorTest.GOOD_FACTORIES,
        true);
  }

  private void compileAndCompare(
      JavaCompiler compiler, Path dir, List<String> resources, List<String> factories, boolean profilesInOutput)
      throws IOException {
    Path src = dir.resolve("src");
    Path gen = dir.resolve("gen");
    Path out = dir.resolve("out");
    Files.createDirectories(gen);
    Files.createDirectories(out);
    List<Path> inputs = new ArrayList<>();
    if (profilesInOutput) {
      Files.copy(DbtProfileProcessorTest.PROFILES, out.resolve("profiles.yml"));
    }
    for (String resource : resources) {
      Path target = src.resolve(resource);
      Files.createDirectories(target.getParent());
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
        Files.write(target, in.readAllBytes());
      }
      inputs.add(target);
    }

    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          compiler.getTask(
              null,
              files,
              diagnostics,
              List.of(
                  compiler instanceof EclipseCompiler ? "-17" : "--release=17",
                  "-classpath", System.getProperty("java.class.path"),
                  "-d", out.toString(),
                  "-s", gen.toString()),
              null,
              files.getJavaFileObjectsFromPaths(inputs));
      task.setProcessors(List.of(new DatabricksProfileProcessor()));
      boolean ok = task.call();
      List<String> problems =
          diagnostics.getDiagnostics().stream()
              .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING)
              .map(d -> d.getMessage(Locale.ROOT))
              .toList();
      assertThat(problems).isEmpty();
      assertThat(ok).isTrue();
    }
    for (String factory : factories) {
      Path generated = gen.resolve(factory.replace('.', '/') + ".java");
      assertThat(Files.readString(generated)).isEqualTo(GeneratedSourcesTest.expected(factory));
      assertThat(Files.exists(out.resolve(factory.replace('.', '/') + ".class"))).isTrue();
    }
  }
}
