package io.brickcheck.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Test inputs and the compiler every test uses. */
final class Sources {
  static final String HOST = "peco.azuredatabricks.net";
  static final String ID = "6436897454825492";
  static final String WAREHOUSE = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + ID;

  /** The good inputs under src/test/resources/good, as resource names. */
  static final List<String> GOOD =
      List.of("good/com/example/Analytics.java", "good/com/example/Hosts.java", "good/com/example/Legacy.java",
          "good/com/example/Orders.java");

  /** The factories the good inputs generate. */
  static final List<String> GOOD_FACTORIES =
      List.of(
          "com.example.AnalyticsConnectionFactory",
          "com.example.AnalyticsProdConnectionFactory",
          "com.example.LegacyClusterConnectionFactory",
          "com.example.OrdersDbConnectionFactory");

  private Sources() {}

  static Compiler javac(String... options) {
    return Compiler.javac().withProcessors(new DatabricksProfileProcessor()).withOptions((Object[]) options);
  }

  /** Compiles verbosely: a failed compilation hides its files, but the notes say what was generated. */
  static Compilation compile(JavaFileObject... sources) {
    return javac("-Abrickcheck.verbose=true").compile(sources);
  }

  /** The factories a verbose compilation generated, from its notes. */
  static List<String> generated(Compilation c) {
    String prefix = "[DatabricksProfile] generated ";
    return c.notes().stream()
        .map(d -> d.getMessage(java.util.Locale.ROOT))
        .filter(m -> m.startsWith(prefix))
        .map(m -> m.substring(prefix.length(), m.indexOf(' ', prefix.length())))
        .toList();
  }

  /** {@code com.example.<name>} with the Brickcheck imports, then {@code lines}. */
  static JavaFileObject source(String name, String... lines) {
    List<String> all = new ArrayList<>();
    all.add("package com.example;");
    all.add("");
    all.add("import io.brickcheck.Compute;");
    all.add("import io.brickcheck.DatabricksProfile;");
    all.add("import io.brickcheck.HostKind;");
    all.add("");
    all.addAll(List.of(lines));
    return JavaFileObjects.forSourceLines("com.example." + name, all);
  }

  static List<JavaFileObject> good() {
    return GOOD.stream().map(JavaFileObjects::forResource).toList();
  }

  /** The class files {@code c} wrote, loadable by name (parent: the test class path). */
  static ClassLoader load(Compilation c) {
    java.util.Map<String, byte[]> classes = new java.util.HashMap<>();
    for (JavaFileObject f : c.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        String path = f.toUri().getPath();
        String name = path.substring(path.indexOf("CLASS_OUTPUT/") + "CLASS_OUTPUT/".length(), path.length() - 6);
        try (java.io.InputStream in = f.openInputStream()) {
          classes.put(name.replace('/', '.'), in.readAllBytes());
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }
    return new ClassLoader(Sources.class.getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    };
  }
}
