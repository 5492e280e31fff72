package io.brickcheck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README quotes files of this module; these tests keep the quotes true. */
class ReadmeTest {
  static final Path README = Path.of("../README.md");

  static String readme() throws IOException {
    return Files.readString(README);
  }

  /** Lines without their leading spaces: the README and the IT pom indent the snippet differently. */
  static String unindented(String text) {
    return text.lines().map(String::strip).collect(Collectors.joining("\n"));
  }

  @Test
  void mavenSnippetIsWhatTheInvokerItBuilds() throws IOException {
    String pom = Files.readString(Path.of("src/it/readme-maven-snippet/pom.xml"));
    Matcher m = Pattern.compile("<!-- README snippet: \\w+ -->\n(.*?)\n\\s*<!-- /README snippet -->", Pattern.DOTALL).matcher(pom);
    String readme = unindented(readme());
    int snippets = 0;
    while (m.find()) {
      snippets++;
      assertThat(readme).contains(unindented(m.group(1)));
    }
    assertThat(snippets).isEqualTo(2);
  }

  @Test
  void generatedCodeExampleIsTheSamplesGeneratedFactory() throws IOException {
    String generated = Files.readString(
        Path.of("target/generated-sources/annotations/io/brickcheck/sample/ReportingConnectionFactory.java"));

    assertThat(readme()).contains("```java\n" + generated + "```");
  }

  @Test
  void errorCatalogueHasARowAndAnExampleSectionForEveryCode() throws IOException {
    String readme = readme();

    for (Code code : Code.values()) {
      assertThat(readme).as("catalogue row of " + code).contains("\n| `" + code + "` |");
      assertThat(readme).as("section of " + code).contains("\n#### " + code + "\n");
      assertThat(readme).as("bad example of " + code).containsPattern("(?si)#### " + code + "\n(?:(?!\n#### ).)*?bad");
    }
  }

  @Test
  void mainJobIsTheLineCiRuns() throws IOException {
    String ci = Files.readString(Path.of("../.ci/main-job"));
    String line = ci.lines().filter(l -> l.startsWith("./mvnw")).findFirst().orElseThrow();

    assertThat(readme()).contains("```sh\n" + line + "\n```");
    assertThat(line).endsWith("java -jar sample-project/target/brickcheck-sample.jar");
  }
}
