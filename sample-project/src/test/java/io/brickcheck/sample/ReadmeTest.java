package io.brickcheck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The README and docs/ quote files and output of this module; these tests keep the quotes true:
 * the quick start (README.md), the generated code (docs/guide.md), the catalogue
 * (docs/catalogue.md) and the main job (README.md).
 */
class ReadmeTest {
  static final Path README = Path.of("../README.md");
  static final Path GUIDE = Path.of("../docs/guide.md");
  static final Path CATALOGUE = Path.of("../docs/catalogue.md");
  static final Path IT_POM = Path.of("src/it/readme-maven-snippet/pom.xml");

  static String readme() throws IOException {
    return Files.readString(README);
  }

  /** Lines without their leading spaces: the README and the IT pom indent the snippet differently. */
  static String unindented(String text) {
    return text.lines().map(String::strip).collect(Collectors.joining("\n"));
  }

  /** The version the build makes: the parent POM's {@code <version>}. */
  static String projectVersion() throws Exception {
    Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(Path.of("../pom.xml").toFile()).getDocumentElement();
    for (var n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals("version")) {
        return e.getTextContent().strip();
      }
    }
    throw new AssertionError("no <version> in ../pom.xml");
  }

  /** The IT pom's snippets, with the version the invoker filters in ({@code @project.version@}) spelled out. */
  static List<String> itSnippets() throws Exception {
    String pom = Files.readString(IT_POM).replace("@project.version@", projectVersion());
    Matcher m = Pattern.compile("<!-- README snippet: \\w+ -->\n(.*?)\n\\s*<!-- /README snippet -->", Pattern.DOTALL).matcher(pom);
    List<String> snippets = new ArrayList<>();
    while (m.find()) {
      snippets.add(m.group(1));
    }
    return snippets;
  }

  @Test
  void mavenSnippetIsWhatTheInvokerItBuilds() throws Exception {
    String readme = unindented(readme());
    List<String> snippets = itSnippets();

    assertThat(snippets).as("properties, dependencies, plugin").hasSize(3);
    for (String snippet : snippets) {
      assertThat(readme).contains(unindented(snippet));
    }
  }

  @Test
  void quickStartSnippetUsesTheVersionTheBuildMakes() throws Exception {
    String version = projectVersion();
    Matcher m = Pattern.compile("<brickcheck\\.version>([^<]*)</brickcheck\\.version>").matcher(readme());
    List<String> versions = new ArrayList<>();
    while (m.find()) {
      versions.add(m.group(1));
    }

    assertThat(versions).isNotEmpty().containsOnly(version);
    assertThat(readme()).contains("<maven.compiler.release>17</maven.compiler.release>");
    assertThat(String.join("\n", itSnippets())).contains("<brickcheck.version>" + version + "</brickcheck.version>");
  }

  @Test
  void quickStartSaysHowToInstallWhileTheVersionIsASnapshot() throws Exception {
    if (projectVersion().endsWith("-SNAPSHOT")) {
      assertThat(readme()).contains("```sh\n./mvnw -B -ntp -DskipTests install\n```");
    }
  }

  @Test
  void generatedCodeExampleIsTheSamplesGeneratedFactory() throws IOException {
    String generated = Files.readString(
        Path.of("target/generated-sources/annotations/io/brickcheck/sample/ReportingConnectionFactory.java"));

    assertThat(Files.readString(GUIDE)).contains("```java\n" + generated + "```");
  }

  @Test
  void errorCatalogueHasARowAndAnExampleSectionForEveryCode() throws IOException {
    String catalogue = Files.readString(CATALOGUE);

    for (Code code : Code.values()) {
      assertThat(catalogue).as("catalogue row of " + code).contains("\n| `" + code + "` |");
      assertThat(catalogue).as("section of " + code).contains("\n#### " + code + "\n");
      assertThat(catalogue).as("bad example of " + code).containsPattern("(?si)#### " + code + "\n(?:(?!\n#### ).)*?bad");
    }
  }

  @Test
  void readmeLinksTheMovedDocuments() throws IOException {
    assertThat(readme()).contains("(docs/guide.md)", "(docs/catalogue.md)", "(docs/rules.md)",
        "(docs/benchmarks.md)", "(docs/reliability.md)");
  }

  @Test
  void mainJobIsTheLineCiRuns() throws IOException {
    String ci = Files.readString(Path.of("../.ci/main-job"));
    String line = ci.lines().filter(l -> l.startsWith("./mvnw")).findFirst().orElseThrow();

    assertThat(readme()).contains("```sh\n" + line + "\n```");
    assertThat(line).endsWith("java -jar sample-project/target/brickcheck-sample.jar");
  }
}
