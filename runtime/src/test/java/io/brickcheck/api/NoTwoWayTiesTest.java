package io.brickcheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.Profile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No two classes of the runtime name each other (issue 12): the data runs one way, {@code Profile ->
 * DatabricksConnection -> ProfileRuntime -> Discovery}, and {@code ProfileStatus} is made from the
 * {@code ProfileRuntime}. Read from the compiled classes with {@code jdeps -verbose:class}, a nested
 * class counted as its outer class.
 */
class NoTwoWayTiesTest {
  @TempDir Path dir;

  @Test
  void noRuntimeClassNamesAClassThatNamesIt() throws IOException {
    Path classes = Path.of(Profile.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    assertThat(classes).isDirectory();
    // jdeps would resolve module-info's requires; the classes alone are what is asked about.
    Path copy = dir.resolve("classes");
    try (Stream<Path> files = Files.walk(classes.resolve("io"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = copy.resolve(classes.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target);
      }
    }
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:class", "-filter:none", copy.toString());
    assertThat(rc).as(out.toString()).isZero();
    assertThat(out.toString()).contains("io.brickcheck.Profile ");

    assertThat(twoWayTies(out.toString())).isEmpty();
  }

  @Test
  void theCheckSeesATieWhereThereIsOne() {
    // The check must be able to fail: a tie through a nested class is one between the outer classes.
    String jdeps = String.join("\n",
        "   io.brickcheck.Profile                              -> io.brickcheck.DatabricksConnection   classes",
        "   io.brickcheck.DatabricksConnection$Inner           -> io.brickcheck.Profile                classes",
        "   io.brickcheck.Profile                              -> java.lang.Object                     java.base",
        "   io.brickcheck.ProfileStatus                        -> io.brickcheck.Profile                classes");
    assertThat(twoWayTies(jdeps)).containsExactly("io.brickcheck.DatabricksConnection <-> io.brickcheck.Profile");
  }

  /** Pairs {@code A <-> B} of Brickcheck classes where each names the other, sorted. */
  static Set<String> twoWayTies(String jdepsVerboseClass) {
    Set<List<String>> edges = new TreeSet<>((a, b) -> (a.get(0) + " " + a.get(1)).compareTo(b.get(0) + " " + b.get(1)));
    for (String line : jdepsVerboseClass.lines().toList()) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 3 && f[1].equals("->") && f[0].startsWith("io.brickcheck.") && f[2].startsWith("io.brickcheck.")) {
        String from = outer(f[0]);
        String to = outer(f[2]);
        if (!from.equals(to)) {
          edges.add(List.of(from, to));
        }
      }
    }
    Set<String> ties = new TreeSet<>();
    for (List<String> e : edges) {
      if (e.get(0).compareTo(e.get(1)) < 0 && edges.contains(List.of(e.get(1), e.get(0)))) {
        ties.add(e.get(0) + " <-> " + e.get(1));
      }
    }
    return ties;
  }

  private static String outer(String className) {
    int dollar = className.indexOf('$');
    return dollar < 0 ? className : className.substring(0, dollar);
  }
}
