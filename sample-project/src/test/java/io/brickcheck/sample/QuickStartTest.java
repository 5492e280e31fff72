package io.brickcheck.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.DatabricksConnection;
import io.brickcheck.ProbeMode;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start "works as written": its Java classes, copied out of README.md, compile
 * with javac and the processor as a user's build would, without a single diagnostic, and the
 * factory they use gives the JDBC URL the README's comment describes.
 */
class QuickStartTest {
  /** The README's {@code ```java} blocks of package com.example, by class name. */
  static Map<String, String> quickStartClasses() throws Exception {
    Matcher m = Pattern.compile("(?s)```java\n(package com\\.example;\n.*?)```").matcher(ReadmeTest.readme());
    Map<String, String> classes = new LinkedHashMap<>();
    while (m.find()) {
      Matcher name = Pattern.compile("public final class (\\w+)").matcher(m.group(1));
      assertThat(name.find()).as("a public class in\n" + m.group(1)).isTrue();
      classes.put(name.group(1), m.group(1));
    }
    return classes;
  }

  @Test
  void quickStartCompilesWithTheProcessorWithoutDiagnostics(@TempDir Path dir) throws Exception {
    Map<String, String> classes = quickStartClasses();
    assertThat(classes).containsOnlyKeys("Warehouses", "Main");
    Path src = Files.createDirectories(dir.resolve("src/com/example"));
    Path out = Files.createDirectories(dir.resolve("out"));
    List<String> args = new ArrayList<>();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    args.addAll(List.of("-d", out.toString(), "-cp", classPath, "-processorpath", classPath,
        "-processor", "io.brickcheck.processor.DatabricksProfileProcessor", "--release", "17"));
    for (Map.Entry<String, String> c : classes.entrySet()) {
      Path file = src.resolve(c.getKey() + ".java");
      Files.writeString(file, c.getValue());
      args.add(file.toString());
    }

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = javac.run(null, null, err, args.toArray(String[]::new));

    assertThat(err.toString(Charset.defaultCharset())).as("javac's output").isEmpty();
    assertThat(status).as("javac's exit status").isZero();
    assertThat(out.resolve("com/example/SalesConnectionFactory.class")).isRegularFile();
    assertThat(out.resolve("com/example/Main.class")).isRegularFile();

    // What Main prints, without Main's network probe of peco.azuredatabricks.net: the same factory, probe off.
    try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> factory = loader.loadClass("com.example.SalesConnectionFactory");
      Object sales = factory.getMethod("create", BrickcheckOptions.class)
          .invoke(null, BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build());
      DatabricksConnection connection = (DatabricksConnection) factory.getMethod("openDefault").invoke(sales);

      assertThat(connection.jdbcUrl())
          .startsWith("jdbc:databricks://peco.azuredatabricks.net")
          .contains(";httpPath=/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492;")
          .contains(";http.header.x-databricks-org-id=6436897454825492");
      assertThat(classes.get("Main")).contains("// jdbc:databricks://...;httpPath=...?o=6436897454825492;"
          + "http.header.x-databricks-org-id=6436897454825492");
    }
  }
}
