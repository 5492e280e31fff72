package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;

import io.brickcheck.rules.Code;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 10: a non-ASCII {@code factoryName} under {@code LANG=C}, where javac cannot store
 * the file name, is an {@code InvalidFactoryName} with a fix, not an {@code InternalError}. A child
 * JVM, because the file-name encoding is read once at start-up.
 */
class LocaleTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void nonAsciiFactoryNameUnderLangCIsACodedError() throws IOException, InterruptedException {
    Path src = dir.resolve("P.java");
    Files.writeString(src, "package com.example;\nimport io.brickcheck.DatabricksProfile;\n"
        + "@DatabricksProfile(host = \"" + Sources.HOST + "\", httpPath = \"" + Sources.WAREHOUSE + "\",\n"
        + "    factoryName = \"Caf\\u00e9\")\ninterface P {}\n", StandardCharsets.US_ASCII);
    ProcessBuilder child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        LocaleCompileMain.class.getName(), src.toString(), dir.resolve("out").toString(), dir.resolve("gen").toString());
    child.environment().put("LANG", "C");
    child.environment().put("LC_ALL", "C");
    child.redirectErrorStream(true);
    Files.createDirectories(dir.resolve("gen"));
    Process p = child.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isEqualTo(0);

    List<String> errors = output.lines().filter(l -> l.startsWith("ERROR ")).toList();
    assertThat(output).doesNotContain(Code.InternalError.tag());
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith("ERROR " + Code.InvalidFactoryName.tag() + " the factory class");
    assertThat(errors.get(0)).contains("cannot be written as a file here: file names are encoded as ANSI_X3.4-1968");
    assertThat(errors.get(0)).contains("Set factoryName = \"Cafe\"");
  }
}
