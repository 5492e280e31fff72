package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spring property files read as Spring Boot reads them, each value with its line and column. */
class SpringPropertiesTest {

  @Test
  void propertiesSeparatorsCommentsContinuationsAndEscapes() {
    List<SpringProperties.Entry> e = SpringProperties.properties(String.join("\n",
        "# comment",
        "! comment too",
        "a=1",
        "  b : two",
        "c three",
        "d.url = jdbc:x;\\",
        "   httpPath=/p",
        "e\\:key=v\\u0041\\tz",
        "f=ends\\\\",
        "g=next"));
    assertThat(e).containsExactly(
        new SpringProperties.Entry("a", "1", 3, 3),
        new SpringProperties.Entry("b", "two", 4, 7),
        new SpringProperties.Entry("c", "three", 5, 3),
        new SpringProperties.Entry("d.url", "jdbc:x;httpPath=/p", 6, 9),
        new SpringProperties.Entry("e:key", "vA\tz", 8, 8),
        new SpringProperties.Entry("f", "ends\\", 9, 3),
        new SpringProperties.Entry("g", "next", 10, 3)).inOrder();
  }

  @Test
  void yamlNestedKeysListsAndDocumentsWithPositions() {
    SpringProperties.Read r = SpringProperties.yaml(String.join("\n",
        "spring:",
        "  datasource:",
        "    url: 'jdbc:x'",
        "---",
        "app.list:",
        "  - first",
        "  - { url: second }"));
    assertThat(r.problem()).isNull();
    assertThat(r.entries()).containsExactly(
        new SpringProperties.Entry("spring.datasource.url", "jdbc:x", 3, 10),
        new SpringProperties.Entry("app.list[0]", "first", 6, 5),
        new SpringProperties.Entry("app.list[1].url", "second", 7, 12)).inOrder();
  }

  @Test
  void brokenOrHostileYamlIsAProblemNeverAnException() {
    assertThat(SpringProperties.yaml("a: [").problem()).contains("not valid YAML");
    assertThat(SpringProperties.yaml("a: !!java.lang.Object {}").problem()).contains("not valid YAML");
    StringBuilder bomb = new StringBuilder("a: &a [x, x]\n");
    for (int i = 0; i < 60; i++) {
      bomb.append("b").append(i).append(": &b").append(i).append(" [*a, *a]\n");
    }
    assertThat(SpringProperties.yaml(bomb.toString()).problem()).isNotNull();
  }
}
