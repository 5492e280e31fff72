package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.brickcheck.processor.Sources.WAREHOUSE;
import static io.brickcheck.processor.Sources.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Profiles whose values come from code another processor generates in a later round. */
class RoundsTest {

  /** Generates {@code com.example.GenHosts.HOST} in the first round, as a code generator would. */
  private static final class ConstantsProcessor extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!done) {
        done = true;
        try (Writer w =
            processingEnv.getFiler().createSourceFile("com.example.GenHosts").openWriter()) {
          w.write(
              "package com.example;\n"
              + "public final class GenHosts {\n"
              + "  public static final String HOST = \"peco.azuredatabricks.net\";\n"
              + "  private GenHosts() {}\n"
              + "}\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void valueFromATypeGeneratedInThisRoundIsReadInTheNextRound() throws IOException {
    JavaFileObject src =
        source(
            "P",
            "@DatabricksProfile(",
            "    host = GenHosts.HOST,",
            "    httpPath = \"" + WAREHOUSE + "\")",
            "interface P {}");
    Compilation c =
        Compiler.javac()
            // The generator first: ours claims @DatabricksProfile, and javac skips a later "*"
            // processor in a round whose every annotation is claimed.
            .withProcessors(new ConstantsProcessor(), new DatabricksProfileProcessor())
            .compile(src);
    assertThat(c).succeededWithoutWarnings();
    String factory =
        c.generatedSourceFile("com.example.PConnectionFactory")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    assertThat(factory).contains("HOST = \"peco.azuredatabricks.net\"");
  }

  @Test
  void valueThatNeverResolvesLeavesTheErrorToJavacAlone() {
    JavaFileObject src =
        source(
            "P",
            "@DatabricksProfile(",
            "    host = Missing.HOST,",
            "    httpPath = \"" + WAREHOUSE + "\")",
            "interface P {}");
    Compilation c = Sources.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(src).onLineContaining("host = ");
    assertThat(c).hadNoteContaining("no factory for com.example.P: values never resolved");
  }

  @Test
  void literalErrorStringIsAnOrdinaryInvalidHost() {
    JavaFileObject src =
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"<error>\",",
            "    httpPath = \"" + WAREHOUSE + "\")",
            "interface P {}");
    Compilation c = Sources.compile(src);
    assertThat(c)
        .hadErrorContaining("[DatabricksProfile/InvalidHost] host \"<error>\"")
        .inFile(src)
        .onLineContaining("host = ");
  }
}
