package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.DatabricksProfileException;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profiles;
import io.brickcheck.rules.Code;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 6: the processor reads profiles.yml exactly as {@code Profiles.load} and
 * {@code check} do (the runtime's reader: strict UTF-8 with the position of the bad byte, regular
 * files only), whether it finds the file on the class output or is given it. Real javac on real
 * directories: the Filer's file objects are what a build sees.
 */
class ProfilesFileReadingTest {
  static final BrickcheckOptions OFF = BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build();

  @TempDir Path dir;

  /** javac with profiles.yml already in the class output (Maven's order), and {@code more} options. */
  private List<String> javac(String... more) throws IOException {
    Path src = dir.resolve("src/com/example/Shop.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, "package com.example;\nimport io.brickcheck.DatabricksProfile;\n"
        + "@DatabricksProfile(dbtProfile = \"shop\")\npublic interface Shop {}\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = new java.util.ArrayList<>(List.of("--release=17", "-classpath",
        System.getProperty("java.class.path"), "-d", dir.resolve("out").toString(), "-s", dir.resolve("gen").toString()));
    options.addAll(List.of(more));
    Files.createDirectories(dir.resolve("gen"));
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(List.of(src)));
      task.setProcessors(List.of(new DatabricksProfileProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
        .map(d -> d.getMessage(Locale.ROOT))
        .toList();
  }

  private Path inClassOutput(byte[] content) throws IOException {
    Path file = dir.resolve("out/profiles.yml");
    Files.createDirectories(file.getParent());
    Files.write(file, content);
    return file;
  }

  static byte[] latin1Profile() {
    String text = "shop:\n  target: prod\n  outputs:\n    prod:\n      type: databricks\n      host: caf\u00e9.example.com\n"
        + "      http_path: " + Sources.WAREHOUSE + "\n";
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  static final String LATIN1_MESSAGE = Code.InvalidProfilesFile.tag() + " profiles.yml:6:16: profiles.yml is not"
      + " valid UTF-8 (byte 0xE9 at line 6, column 16). dbt reads profiles files as UTF-8. Save the file as UTF-8.";

  @Test
  void invalidUtf8OnTheClassOutputIsTheSameErrorAsAtRunTime() throws IOException {
    Path file = inClassOutput(latin1Profile());

    assertThat(javac()).containsExactly(LATIN1_MESSAGE);
    try {
      Profiles.load(file, "shop", null, OFF);
      throw new AssertionError("loaded a badly encoded file");
    } catch (DatabricksProfileException e) {
      assertThat(e.problems().get(0).message()).isEqualTo(LATIN1_MESSAGE);
    }
  }

  @Test
  void invalidUtf8GivenAsAnOptionIsTheSameError() throws IOException {
    Path file = dir.resolve("elsewhere/profiles.yml");
    Files.createDirectories(file.getParent());
    Files.write(file, latin1Profile());
    assertThat(javac("-A" + ProcessorOptions.PROFILES_FILE + "=" + file)).containsExactly(LATIN1_MESSAGE);
  }

  /** A FIFO never opened: javac would wait forever for a writer. The timeout only guards the build. */
  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void aFifoNamedProfilesYmlDoesNotHangJavac() throws Exception {
    Path fifo = dir.resolve("out/profiles.yml");
    Files.createDirectories(fifo.getParent());
    boolean made;
    try {
      made = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() == 0;
    } catch (IOException e) {
      made = false;
    }
    assumeTrue(made && !Files.isRegularFile(fifo) && Files.exists(fifo), "mkfifo is not available here");

    List<String> errors = javac();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith(Code.InvalidProfilesFile.tag());
    assertThat(errors.get(0)).contains("is not a regular file (a directory, a pipe or a device)");
    try {
      Profiles.load(fifo, "shop", null, OFF);
      throw new AssertionError("loaded a FIFO");
    } catch (DatabricksProfileException e) {
      assertThat(e.problems().get(0).code()).isEqualTo(Code.InvalidProfilesFile);
    }
    // Given as the option, it is refused before the processor reads anything.
    List<String> viaOption = javac("-A" + ProcessorOptions.PROFILES_FILE + "=" + fifo);
    assertThat(viaOption.get(0)).startsWith(Code.InvalidOption.tag());
  }
}
