package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.tools.JavaFileObject;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the generated factories. Expected files live in {@code
 * src/test/resources/expected/}; run with {@code -Dgolden.update=true} to rewrite them from the
 * processor's output (then review the diff).
 */
class GeneratedSourcesTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  private static Compilation compilation;

  @BeforeAll
  static void compileGoodInputs() {
    compilation = Sources.javac().compile(Sources.good());
  }

  static String expectedPath(String factory) {
    return "expected/" + factory.replace('.', '/') + ".java";
  }

  static String content(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String expected(String factory) throws IOException {
    try (InputStream in = GeneratedSourcesTest.class.getClassLoader().getResourceAsStream(expectedPath(factory))) {
      if (in == null) {
        throw new AssertionError("missing golden " + expectedPath(factory) + "; run with -Dgolden.update=true");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void goodInputsCompileWithoutWarningsAndGenerateOneFactoryEach() {
    assertThat(compilation).succeededWithoutWarnings();
    List<String> generated = new ArrayList<>();
    for (JavaFileObject f : compilation.generatedSourceFiles()) {
      generated.add(f.getName());
    }
    assertThat(generated).hasSize(Sources.GOOD_FACTORIES.size());
  }

  @Test
  void generatedFactoriesMatchTheGoldenFiles() throws IOException {
    for (String factory : Sources.GOOD_FACTORIES) {
      String actual = content(compilation.generatedSourceFile(factory).orElseThrow());
      if (UPDATE) {
        Path target = Path.of("src/test/resources").resolve(expectedPath(factory));
        Files.createDirectories(target.getParent());
        Files.writeString(target, actual, StandardCharsets.UTF_8);
        continue;
      }
      assertThat(compilation)
          .generatedSourceFile(factory)
          .hasSourceEquivalentTo(JavaFileObjects.forResource(expectedPath(factory)));
    }
  }

  @Test
  void interfaceFormFactoryIsByteForByteTheGoldenFile() throws IOException {
    assumeFalse(UPDATE, "goldens are being rewritten");
    String factory = "com.example.AnalyticsConnectionFactory";
    assertThat(compilation)
        .generatedSourceFile(factory)
        .contentsAsUtf8String()
        .isEqualTo(expected(factory));
  }

  @Test
  void compilingTwiceGivesIdenticalBytes() {
    Compilation second = Sources.javac().compile(Sources.good());
    assertThat(bytes(second)).isEqualTo(bytes(compilation));
  }

  @Test
  void generatedFactoriesCompileUnderXlintAllWithWerror() {
    Compilation strict = Sources.javac("-Xlint:all", "-Werror").compile(Sources.good());
    assertThat(strict).succeededWithoutWarnings();
  }

  @Test
  void generatedFactoriesPassDoclintForTheirPublicApi() {
    Compilation doclint =
        Sources.javac("-Xdoclint:all/protected", "-Werror").compile(Sources.good());
    assertThat(doclint).succeededWithoutWarnings();
  }

  @Test
  void generatedCodeHoldsOnlyTheDeclaredValues() {
    String source = content(compilation.generatedSourceFile("com.example.AnalyticsConnectionFactory").orElseThrow());
    // No date, no machine-dependent path, nothing but what the annotation declared.
    assertThat(source).doesNotContainMatch("20\\d\\d-\\d\\d-\\d\\d");
    assertThat(source).doesNotContain(System.getProperty("user.dir"));
    assertThat(source).contains("@Generated(\"io.brickcheck.processor.DatabricksProfileProcessor\")");
    assertThat(source).contains("@BrickcheckGenerated");
  }

  @Test
  void jdkGeneratedOnOtherTypesIsLeftForOtherProcessors() {
    // A hand-written @Generated type is not ours: javac must still call it unclaimed.
    JavaFileObject other =
        JavaFileObjects.forSourceLines(
            "com.example.Other",
            "package com.example;",
            "@javax.annotation.processing.Generated(\"elsewhere\")",
            "class Other {}");
    List<JavaFileObject> inputs = new ArrayList<>(Sources.good());
    inputs.add(other);
    Compilation c = Sources.javac("-Xlint:processing").compile(inputs);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("No processor claimed any of these annotations");
  }

  /** Every generated file (sources and classes) by name, in a stable order, with its bytes. */
  static List<String> bytes(Compilation c) {
    List<String> out = new ArrayList<>();
    c.generatedFiles().stream()
        .sorted(Comparator.comparing(JavaFileObject::getName))
        .forEach(
            f -> {
              try (InputStream in = f.openInputStream()) {
                out.add(f.getName() + "\n" + java.util.HexFormat.of().formatHex(in.readAllBytes()));
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    return out;
  }
}
