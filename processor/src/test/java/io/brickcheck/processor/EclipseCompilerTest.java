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
 * generate the same sources as under javac, byte for byte.
 */
class EclipseCompilerTest {

  @Test
  void goodInputsGenerateTheGoldenSourcesUnderEcj(@TempDir Path dir) throws IOException {
    Path src = dir.resolve("src");
    Path gen = dir.resolve("gen");
    Path out = dir.resolve("out");
    Files.createDirectories(gen);
    Files.createDirectories(out);
    List<Path> inputs = new ArrayList<>();
    for (String resource : Sources.GOOD) {
      Path target = src.resolve(resource);
      Files.createDirectories(target.getParent());
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
        Files.write(target, in.readAllBytes());
      }
      inputs.add(target);
    }

    JavaCompiler ecj = new EclipseCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = ecj.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          ecj.getTask(
              null,
              files,
              diagnostics,
              List.of(
                  "-17",
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
    for (String factory : Sources.GOOD_FACTORIES) {
      Path generated = gen.resolve(factory.replace('.', '/') + ".java");
      assertThat(Files.readString(generated)).isEqualTo(GeneratedSourcesTest.expected(factory));
      assertThat(Files.exists(out.resolve(factory.replace('.', '/') + ".class"))).isTrue();
    }
  }
}
