package io.brickcheck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles the deliberately broken profile under {@code src/broken} with javac and the processor,
 * as a user's build would, and checks that the user guide (docs/guide.md) quotes javac's output verbatim.
 */
class BrokenProfileTest {
  static final String SOURCE = "src/broken/java/io/brickcheck/sample/broken/Billing.java";

  static String javacOutput(Path out) {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = javac.run(null, null, err, "-d", out.toString(), "-cp", classPath, "-processorpath", classPath,
        "-processor", "io.brickcheck.processor.DatabricksProfileProcessor", SOURCE);
    assertThat(status).as("javac's exit status").isEqualTo(1);
    return err.toString(Charset.defaultCharset()).replace(System.lineSeparator(), "\n");
  }

  @Test
  void javacReportsEachBadValueOnItsOwnLine(@TempDir Path out) {
    String output = javacOutput(out);

    assertThat(output)
        .contains(SOURCE + ":11: error: [DatabricksProfile/InvalidWorkspaceId] workspace id \"643689745482549O\"")
        .contains(SOURCE + ":12: error: [DatabricksProfile/MissingWorkspaceId]")
        .endsWith("2 errors\n");
  }

  @Test
  void guideQuotesJavacVerbatim(@TempDir Path out) throws IOException {
    String readme = Files.readString(ReadmeTest.GUIDE);

    assertThat(readme).contains("```text\n" + javacOutput(out) + "```");
  }
}
