package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.brickcheck.processor.Sources.HOST;
import static io.brickcheck.processor.Sources.WAREHOUSE;
import static io.brickcheck.processor.Sources.source;

import com.google.testing.compile.Compilation;
import io.brickcheck.rules.Code;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Engine problems land on the {@code @Compute} element at the problem's compute index, not on an
 * element guessed from the name: names may repeat (that is itself a problem), and one code may
 * fire on several elements of one name. The guess by the n-th problem of a code for a name put the
 * first of these on the first element of the name, which is not the one at fault.
 */
class ComputeIndexPlacementTest {

  /** The 1-based line of {@code src} holding {@code marker}. */
  private static long lineOf(JavaFileObject src, String marker) {
    try {
      List<String> lines = src.getCharContent(true).toString().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(marker)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no line with " + marker);
  }

  /** {@code Code@line} of each error, in the order javac reports them. */
  private static List<String> errorsByLine(Compilation c) {
    return c.errors().stream()
        .map(d -> code(d) + "@" + d.getLineNumber())
        .toList();
  }

  private static String code(Diagnostic<? extends JavaFileObject> d) {
    String m = d.getMessage(Locale.ROOT);
    return m.substring(m.indexOf('/') + 1, m.indexOf(']'));
  }

  @Test
  void aBadPathOnTheSecondOfTwoEqualNamesIsShownOnTheSecond() {
    JavaFileObject src =
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"" + WAREHOUSE + "\",",
            "    computes = {",
            "      @Compute(name = \"etl\", httpPath = \"" + WAREHOUSE + "\"), // first",
            "      @Compute(name = \"etl\", httpPath = \"/sql/1.0/warehouses/abc?o=12a\") // second",
            "    })",
            "interface P {}");
    Compilation c = Sources.compile(src);

    assertThat(c).failed();
    long second = lineOf(src, "// second");
    assertThat(errorsByLine(c))
        .containsExactly("DuplicateCompute@" + second, "InvalidWorkspaceId@" + second);
    assertThat(Sources.generated(c)).isEmpty();
  }

  @Test
  void oneCodeOnTheSecondAndThirdOfThreeEqualNamesIsShownOnEach() {
    JavaFileObject src =
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"" + WAREHOUSE + "\",",
            "    computes = {",
            "      @Compute(name = \"bi\", httpPath = \"" + WAREHOUSE + "\"), // first",
            "      @Compute(name = \"bi\", httpPath = \"/sql/1.0/warehouses/abc?o=12a\"), // second",
            "      @Compute(name = \"bi\", httpPath = \"/sql/1.0/warehouses/def?o=9x\") // third",
            "    })",
            "interface P {}");
    Compilation c = Sources.compile(src);

    long second = lineOf(src, "// second");
    long third = lineOf(src, "// third");
    assertThat(errorsByLine(c))
        .containsExactly(
            "DuplicateCompute@" + second,
            "InvalidWorkspaceId@" + second,
            "DuplicateCompute@" + third,
            "InvalidWorkspaceId@" + third)
        .inOrder();
    assertThat(Expect.message(c.errors(), Code.InvalidWorkspaceId)).contains("\"12a\"");
  }

  @Test
  void aNamedComputeCalledDefaultKeepsItsOwnProblemsOnItsElement() {
    JavaFileObject src =
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"" + WAREHOUSE + "\", // profile path",
            "    computes = {",
            "      @Compute(name = \"default\", httpPath = \"/sql/1.0/warehouses/abc?o=12a\") // named",
            "    })",
            "interface P {}");
    Compilation c = Sources.compile(src);

    long named = lineOf(src, "// named");
    assertThat(errorsByLine(c)).containsExactly("DuplicateCompute@" + named, "InvalidWorkspaceId@" + named);
  }

  @Test
  void aWarningOnARepeatedNameInStrictModeIsShownWhereItIs() {
    JavaFileObject src =
        source(
            "P",
            "@DatabricksProfile(",
            "    host = \"" + HOST + "\",",
            "    httpPath = \"" + WAREHOUSE + "\",",
            "    computes = {",
            "      @Compute(name = \"etl\", httpPath = \"" + WAREHOUSE + "\"), // first",
            "      @Compute(name = \"etl\", httpPath = \"/sql/1.0/warehouses/abc/?o=" + Sources.ID + "\") // second",
            "    })",
            "interface P {}");
    Compilation c = Sources.javac("-Abrickcheck.strict=true").compile(src);

    long second = lineOf(src, "// second");
    assertThat(errorsByLine(c)).contains("DriverMisreadsHttpPath@" + second);
    assertThat(errorsByLine(c)).doesNotContain("DriverMisreadsHttpPath@" + lineOf(src, "// first"));
  }

  @Test
  void aJdbcUrlProfilesRepeatedComputeNameIsShownOnTheRightElement() {
    JavaFileObject src =
        source(
            "P",
            "class P {",
            "  @DatabricksProfile(computes = {",
            "      @Compute(name = \"etl\", httpPath = \"" + WAREHOUSE + "\"), // first",
            "      @Compute(name = \"etl\", httpPath = \"/sql/1.0/warehouses/abc?o=12a\") // second",
            "  })",
            "  static final String URL = \"jdbc:databricks://" + HOST + ":443/default;transportMode=http;ssl=1;"
                + "httpPath=" + WAREHOUSE + "\";",
            "}");
    Compilation c = Sources.compile(src);

    long second = lineOf(src, "// second");
    assertThat(errorsByLine(c)).containsExactly("DuplicateCompute@" + second, "InvalidWorkspaceId@" + second);
  }
}
