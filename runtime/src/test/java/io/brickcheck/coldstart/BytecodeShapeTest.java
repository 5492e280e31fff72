package io.brickcheck.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The libraries' class files hold no invokedynamic string concatenation (issue 17): the build
 * compiles with {@code -XDstringConcat=inline}, because the first indy concatenation of a cold JVM
 * bootstraps StringConcatFactory (20-50 ms here) and the rule engine, the dbt reader and the
 * runtime concatenate on the way to the first {@code jdbcUrl()}. Reads the compiled classes of each
 * module (a directory or a jar, whichever is on the test class path).
 */
class BytecodeShapeTest {
  /** The bootstrap method's name, in the constant pool of every class that concatenates by indy. */
  private static final byte[] INDY_CONCAT = "makeConcatWithConstants".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest
  @ValueSource(strings = {"io.brickcheck.rules.Host", "io.brickcheck.internal.dbt.DbtProfilesReader", "io.brickcheck.Profile"})
  void noClassConcatenatesStringsThroughInvokedynamic(String moduleClass) throws Exception {
    Path location = Path.of(Class.forName(moduleClass).getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> classes = new ArrayList<>();
    List<String> offending = new ArrayList<>();
    forEachClass(location, (name, bytes) -> {
      classes.add(name);
      if (contains(bytes, INDY_CONCAT)) {
        offending.add(name);
      }
    });
    assertThat(classes).as("classes read from " + location).hasSizeGreaterThan(5);
    assertThat(offending).as("classes with indy string concatenation in " + location).isEmpty();
  }

  interface ClassVisitor {
    void visit(String name, byte[] bytes) throws IOException;
  }

  private static void forEachClass(Path location, ClassVisitor visitor) throws IOException, URISyntaxException {
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".class"))::iterator) {
          visitor.visit(location.relativize(f).toString(), Files.readAllBytes(f));
        }
      }
      return;
    }
    try (JarFile jar = new JarFile(location.toFile())) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        if (e.getName().endsWith(".class")) {
          try (InputStream in = jar.getInputStream(e)) {
            visitor.visit(e.getName(), in.readAllBytes());
          }
        }
      }
    }
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
