package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.testing.compile.Compilation;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Coverage-guided fuzz target (Jazzer) for the generated-source writer: whatever text a profile
 * declares, either javac reports coded errors, or the generated factory, compiled with
 * {@code -encoding US-ASCII}, holds constants equal to the declared values and is the only class
 * generated (text that escaped a literal would change one or the other).
 *
 * <p>Regression mode in the suite (the inputs under
 * {@code src/test/resources/io/brickcheck/processor/GeneratedConstantsFuzzTestInputs/}); a long run:
 * {@code JAZZER_FUZZ=1 ./mvnw -B -ntp -o test -pl gateway,runtime,processor -Djacoco.skip=true
 * -Dtest=GeneratedConstantsFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GeneratedConstantsFuzzTest {
  private static final Pattern CODED = Pattern.compile("\\[DatabricksProfile/[A-Za-z]+\\]");

  @FuzzTest(maxDuration = "120s")
  void generatedConstantsEqualTheDeclaredValues(FuzzedDataProvider data) throws Exception {
    String name = data.consumeString(24);
    String host = data.pickValue(new String[] {Sources.HOST, "http://127.0.0.1:8080", ""}) + data.consumeString(16);
    String path = data.pickValue(new String[] {Sources.WAREHOUSE, "/sql/1.0/warehouses/abc", ""}) + data.consumeString(40);
    String computeName = data.consumeString(16);
    String computePath = data.consumeRemainingAsString();

    JavaFileObject source = Sources.source("P0",
        "@DatabricksProfile(",
        "    name = " + literal(name) + ",",
        "    host = " + literal(host) + ",",
        "    httpPath = " + literal(path) + ",",
        "    hostKind = HostKind.SPOG,",
        "    computes = {@Compute(name = " + literal(computeName) + ", httpPath = " + literal(computePath) + ")})",
        "interface P0 {}");
    Compilation compilation = Sources.javac("-encoding", "US-ASCII").compile(source);

    if (compilation.status() != Compilation.Status.SUCCESS) {
      for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
        String message = error.getMessage(Locale.ROOT);
        assertThat(CODED.matcher(message).find()).isTrue();
      }
      return;
    }
    List<String> classes = compilation.generatedFiles().stream()
        .filter(f -> f.getKind() == JavaFileObject.Kind.CLASS)
        .map(f -> f.toUri().getPath().replaceAll(".*CLASS_OUTPUT/", ""))
        .sorted()
        .toList();
    assertThat(classes).containsExactly("com/example/P0.class", "com/example/P0ConnectionFactory.class");
    Class<?> factory = Sources.load(compilation).loadClass("com.example.P0ConnectionFactory");
    assertThat(factory.getField("PROFILE_NAME").get(null)).isEqualTo(name);
    assertThat(factory.getField("HOST").get(null)).isEqualTo(host);
    assertThat(factory.getField("DEFAULT_HTTP_PATH").get(null)).isEqualTo(path);
  }

  /** {@code s} as a Java string literal in plain ASCII: every other character as a unicode escape. */
  static String literal(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n"); // a unicode escape of a line break would end the literal before lexing
      } else if (c == '\r') {
        out.append("\\r");
      } else {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return out.append('"').toString();
  }
}
