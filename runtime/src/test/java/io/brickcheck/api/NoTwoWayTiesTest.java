package io.brickcheck.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.Profile;
import io.brickcheck.internal.dbt.DbtProfilesReader;
import io.brickcheck.internal.rules.HostParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No two classes of the runtime, or of the rules and the dbt reader, name each other (issue 12): the data runs one way, {@code Profile ->
 * DatabricksConnection -> ProfileRuntime -> Discovery}, and {@code ProfileStatus} is made from the
 * {@code ProfileRuntime}. Read from the compiled classes with {@code jdeps -verbose:class}, a nested
 * class counted as its outer class.
 */
class NoTwoWayTiesTest {
  @TempDir Path dir;

  @Test
  void noRuntimeClassNamesAClassThatNamesIt() throws IOException {
    String jdeps = jdeps(Profile.class);
    assertThat(jdeps).contains("io.brickcheck.Profile ");
    assertThat(twoWayTies(jdeps)).isEmpty();
  }

  /** The rule engine and the dbt reader, which the runtime, the processor and the CLI share. */
  @Test
  void noRulesOrDbtClassNamesAClassThatNamesIt() throws IOException {
    String jdeps = jdeps(HostParser.class, DbtProfilesReader.class);
    assertThat(jdeps).contains("io.brickcheck.internal.rules.HostParser ", "io.brickcheck.internal.dbt.DbtProfilesReader ");
    assertThat(twoWayTies(jdeps)).isEmpty();
  }

  /**
   * {@code jdeps -verbose:class} over the Brickcheck classes of the folders or jars the given
   * classes come from (the reactor gives folders, Maven's verify the modules' jars), copied without
   * their module-info: jdeps would resolve its requires, and only the classes are asked about.
   */
  private String jdeps(Class<?>... anchors) throws IOException {
    Path copy = dir.resolve("classes");
    for (Class<?> anchor : anchors) {
      Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().getPath());
      if (Files.isDirectory(location)) {
        copyClasses(location, copy);
      } else {
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
          copyClasses(jar.getPath("/"), copy);
        }
      }
    }
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    StringWriter out = new StringWriter();
    int rc = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:class", "-filter:none", copy.toString());
    assertThat(rc).as(out.toString()).isZero();
    return out.toString();
  }

  private static void copyClasses(Path root, Path copy) throws IOException {
    try (Stream<Path> files = Files.walk(root.resolve("io"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path target = copy.resolve(root.relativize(f).toString());
        Files.createDirectories(target.getParent());
        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
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
