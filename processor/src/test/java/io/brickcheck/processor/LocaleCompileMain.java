package io.brickcheck.processor;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one source with the processor and prints each diagnostic on a line: run in a child JVM
 * whose locale the test chooses ({@code LANG=C}), since the file-name encoding is fixed at start-up.
 * Arguments: the source, the class output, the generated-source directory.
 */
public final class LocaleCompileMain {
  private LocaleCompileMain() {}

  public static void main(String[] args) throws Exception {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
          List.of("--release=17", "-classpath", System.getProperty("java.class.path"), "-d", args[1], "-s", args[2]),
          null, files.getJavaFileObjectsFromPaths(List.of(Path.of(args[0]))));
      task.setProcessors(List.of(new DatabricksProfileProcessor()));
      task.call();
    }
    diagnostics.getDiagnostics().forEach(d -> System.out.println(d.getKind() + " " + d.getMessage(Locale.ROOT)));
  }
}
