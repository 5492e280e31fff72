package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * README-processor.md shows real output, and it and docs/guide.md list the options; these tests
 * keep them real when the code changes.
 */
class ReadmeTest {
  private static final Path README = Path.of("README-processor.md");

  @Test
  void generatedCodeExampleIsTheGoldenFile() throws IOException {
    String readme = Files.readString(README);
    String golden = GeneratedSourcesTest.expected("com.example.AnalyticsProdConnectionFactory");
    assertThat(readme).contains("```java\n" + golden + "```");
  }

  @Test
  void verbatimJavacOutputIsWhatTheProcessorPrints() throws IOException {
    String readme = Files.readString(README);
    Matcher m =
        Pattern.compile("(?m)^src/com/example/Analytics\\.java:(\\d+): error: (.*)$").matcher(readme);
    JavaFileObject src = JavaFileObjects.forResource("readme/com/example/Analytics.java");
    Compilation c = Sources.compile(src);
    int count = 0;
    while (m.find()) {
      count++;
      assertThat(c).hadErrorContaining(m.group(2)).inFile(src).onLine(Long.parseLong(m.group(1)));
    }
    assertThat(count).isEqualTo(3);
    assertThat(c).hadErrorCount(count);
    assertThat(List.of(readme.split("\n"))).contains(count + " errors");
  }

  @Test
  void optionTablesListEveryKeyInOrder() throws IOException {
    for (Path doc : List.of(README, Path.of("../docs/guide.md"))) {
      Matcher m = Pattern.compile("(?m)^\\| `(brickcheck\\.\\w+)` \\|").matcher(Files.readString(doc));
      List<String> keys = new ArrayList<>();
      while (m.find()) {
        keys.add(m.group(1));
      }
      assertWithMessage(doc.toString()).that(keys).containsExactlyElementsIn(ProcessorOptions.KEYS).inOrder();
    }
  }
}
