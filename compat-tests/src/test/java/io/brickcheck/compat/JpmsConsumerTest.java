package io.brickcheck.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A user's named module, end to end on the module path: compiled with the processor on the
 * processor module path (and, the other way, on the processor path), then run with {@code java -p
 * ... -m}, with no {@code --add-modules}. The app reads the generated factory's {@code jdbcUrl()}
 * and runs a blocking discovery probe (OkHttp, Gson) against a loopback server, so a missing
 * {@code requires} in any Brickcheck descriptor fails here, at compile or at run time. The app's
 * module requires {@code com.google.gson} and not {@code java.compiler}: the factory must then come
 * without {@code @javax.annotation.processing.Generated}, which that module cannot see.
 *
 * <p>The jars are the ones this build just packaged (paths from the POM); the JVM is the one
 * running the tests (CI runs the suite on JDK 17 and 25), and the JDK 25 on the machine too, when
 * there is one.
 */
class JpmsConsumerTest {
  private static final Path JDK25 = Paths.get("/usr/lib/jvm/temurin-25-jdk-amd64");
  private static final String WORKSPACE = "1234567890123456";

  private static HttpServer server;
  private static final AtomicInteger discoveries = new AtomicInteger();

  @TempDir static Path work;

  @BeforeAll
  static void discoveryServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/.well-known/databricks-config",
        exchange -> {
          discoveries.incrementAndGet();
          byte[] body =
              ("{\"host_type\":\"unified\",\"account_id\":\"acc-1\",\"workspace_id\":\"" + WORKSPACE
                      + "\",\"cloud\":\"azure\"}")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  static Path jar(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property %s (set by the POM)", property).isNotBlank();
    Path path = Paths.get(value);
    assertThat(path).as(property).isRegularFile();
    return path;
  }

  static String path(Path... jars) {
    return Stream.of(jars).map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  /** What the runtime's module needs at run time: itself and its required modules. */
  static String runtimeModulePath() {
    return path(
        jar("jar.rules"), jar("jar.dbt"), jar("jar.runtime"), jar("jar.snakeyaml"), jar("jar.okhttp"),
        jar("jar.okio"), jar("jar.kotlin"), jar("jar.gson"), jar("jar.slf4j"));
  }

  /** The processor and what it requires: no javapoet (shaded), no OkHttp. */
  static String processorPath() {
    return path(jar("jar.processor"), jar("jar.rules"), jar("jar.dbt"), jar("jar.snakeyaml"));
  }

  @Test
  void everyLibraryJarHasARealDescriptor() {
    for (String[] expected :
        new String[][] {
          {"jar.rules", "io.brickcheck.rules"},
          {"jar.dbt", "io.brickcheck.dbt"},
          {"jar.runtime", "io.brickcheck.runtime"},
          {"jar.processor", "io.brickcheck.processor"},
        }) {
      ModuleDescriptor d = descriptor(jar(expected[0]));
      assertThat(d.name()).isEqualTo(expected[1]);
      assertThat(d.isAutomatic()).as(expected[1]).isFalse();
    }
    ModuleDescriptor processor = descriptor(jar("jar.processor"));
    // Shaded: javapoet's classes are inside, under the processor's own package.
    assertThat(processor.requires()).extracting(ModuleDescriptor.Requires::name)
        .containsExactlyInAnyOrder("java.base", "java.compiler", "io.brickcheck.rules", "io.brickcheck.dbt");
    assertThat(processor.packages()).contains("io.brickcheck.processor.shaded.javapoet");
    assertThat(processor.exports()).isEmpty();
    assertThat(processor.provides()).extracting(ModuleDescriptor.Provides::service)
        .containsExactly("javax.annotation.processing.Processor");
    // Internal packages go to Brickcheck's own modules only (the dbt one and the runtime's
    // internal.profiles, which generated dbt factories call, to generated code too).
    ModuleDescriptor rules = descriptor(jar("jar.rules"));
    assertThat(rules.exports()).filteredOn(e -> e.source().equals("io.brickcheck.internal.rules"))
        .singleElement().satisfies(e -> assertThat(e.isQualified()).isTrue());
    ModuleDescriptor runtime = descriptor(jar("jar.runtime"));
    assertThat(runtime.exports()).filteredOn(e -> e.source().startsWith("io.brickcheck.internal"))
        .filteredOn(e -> !e.source().equals("io.brickcheck.internal.profiles"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.isQualified()).as(e.source()).isTrue());
    assertThat(runtime.exports()).filteredOn(e -> e.source().equals("io.brickcheck.internal.profiles"))
        .singleElement().satisfies(e -> assertThat(e.isQualified()).isFalse());
    assertThat(runtime.requires()).filteredOn(r -> r.name().equals("databricks.sdk.java"))
        .singleElement().satisfies(r -> assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.STATIC));
  }

  /** docs/architecture.md's module table says what the built descriptors say. */
  @Test
  void architectureDocNamesEachModuleAndWhatItRequires() throws IOException {
    String doc = Files.readString(Paths.get("..", "docs", "architecture.md"));
    for (String property : List.of("jar.rules", "jar.dbt", "jar.runtime", "jar.processor")) {
      ModuleDescriptor d = descriptor(jar(property));
      String row = doc.lines().filter(l -> l.startsWith("|") && l.contains("| `" + d.name() + "` |"))
          .findFirst().orElse(null);
      assertThat(row).as("a row for %s in docs/architecture.md", d.name()).isNotNull();
      String requiresCell = row.split("\\|")[4].strip();
      List<String> documented = requiresCell.equals("none") ? List.of()
          : Stream.of(requiresCell.split(",")).map(c -> c.strip().replace("`", "")).toList();
      assertThat(documented).as(d.name()).containsExactlyInAnyOrderElementsOf(
          d.requires().stream().map(ModuleDescriptor.Requires::name)
              .filter(n -> n.startsWith("io.brickcheck.")).toList());
    }
  }

  static ModuleDescriptor descriptor(Path jar) {
    Optional<ModuleReference> ref = ModuleFinder.of(jar).findAll().stream().findFirst();
    assertThat(ref).as(jar.toString()).isPresent();
    return ref.get().descriptor();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--processor-module-path", "--processor-path"})
  void aNamedModuleCompilesAndRunsOnTheModulePath(String processorOption) throws Exception {
    Path src = work.resolve(processorOption.substring(2)).resolve("src");
    Path out = src.resolveSibling("out");
    write(src.resolve("module-info.java"),
        "module com.example.app {",
        "  requires io.brickcheck.runtime;",
        "  requires com.google.gson;",
        "}");
    write(src.resolve("com/example/app/Warehouses.java"),
        "package com.example.app;",
        "import io.brickcheck.DatabricksProfile;",
        "public final class Warehouses {",
        "  @DatabricksProfile",
        "  public static final String ORDERS =",
        "      \"jdbc:databricks://adb-" + WORKSPACE + ".7.azuredatabricks.net:443/default;transportMode=http;ssl=1;\"",
        "          + \"AuthMech=3;httpPath=/sql/1.0/warehouses/0f0f0f0f0f0f0f0f\";",
        "  private Warehouses() {}",
        "}");
    // A dbt profile with an env_var template: its factory calls the runtime's internal.profiles
    // (ProfileSources) and internal.dbt (GeneratedDbtOutput) from this module at run time.
    write(src.resolve("com/example/app/JaffleEnv.java"),
        "package com.example.app;",
        "import io.brickcheck.DatabricksProfile;",
        "@DatabricksProfile(dbtProfile = \"jaffle_env\", target = \"prod\")",
        "public interface JaffleEnv {}");
    write(out.resolve("profiles.yml"), // CLASS_OUTPUT, where the processor looks first
        "jaffle_env:",
        "  target: prod",
        "  outputs:",
        "    prod:",
        "      type: databricks",
        "      host: adb-" + WORKSPACE + ".7.azuredatabricks.net",
        "      http_path: \"/sql/1.0/warehouses/{{ env_var('BRICKCHECK_JPMS_UNSET_WH', 'a1b2c3d4e5f6a7b8') }}\"");
    write(src.resolve("com/example/app/Main.java"),
        "package com.example.app;",
        "import io.brickcheck.BrickcheckOptions;",
        "import io.brickcheck.DatabricksConnection;",
        "import io.brickcheck.ProbeMode;",
        "import io.brickcheck.Profile;",
        "public final class Main {",
        "  public static void main(String[] args) {",
        "    DatabricksConnection orders = OrdersConnectionFactory.create().openDefault();",
        "    System.out.println(\"url=\" + orders.jdbcUrl());",
        "    System.out.println(\"dbt=\" + JaffleEnvConnectionFactory.create(",
        "        BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build()).openDefault().jdbcUrl());",
        "    Profile probed = Profile.builder(\"probed\", args[0])",
        "        .defaultHttpPath(\"/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + WORKSPACE + "\")",
        "        .build(BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING).build());",
        "    System.out.println(\"probe=\" + probed.open(\"default\").status().probe().isPresent());",
        "    System.out.println(\"json=\" + com.google.gson.JsonParser.parseString(probed.status().toJson()).isJsonObject());",
        "  }",
        "}");

    List<String> javac = new ArrayList<>(List.of(
        "--release", "17", "-Xlint:all", "-d", out.toString(),
        "--module-path", runtimeModulePath(), processorOption, processorPath()));
    if (processorOption.equals("--processor-module-path") && Runtime.version().feature() >= 23) {
      // Seen with javac 25 through ToolProvider: no processor ran from the processor module path
      // until it was named (docs/architecture.md, "Using the jars as modules"); JDK 17 finds it through the module's provides.
      javac.addAll(List.of("-processor", "io.brickcheck.processor.DatabricksProfileProcessor"));
    }
    List<Path> sources;
    try (Stream<Path> files = Files.walk(src)) {
      sources = files.filter(f -> f.toString().endsWith(".java")).toList();
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    boolean compiled;
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      compiled = compiler
          .getTask(diagnostics, files, null, javac, null, files.getJavaFileObjectsFromPaths(sources))
          .call();
    }
    assertThat(compiled).as(diagnostics.toString()).isTrue();
    Path factory = out.resolve("com/example/app/OrdersConnectionFactory.class");
    assertThat(factory).as("the processor ran: " + diagnostics).isRegularFile();

    List<Path> javas = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")));
    if (Files.isExecutable(JDK25.resolve("bin/java")) && !JDK25.equals(Paths.get(System.getProperty("java.home")))) {
      javas.add(JDK25.resolve("bin/java"));
    }
    for (Path jvm : javas) {
      int before = discoveries.get();
      String output = run(List.of(
          jvm.toString(), "-p", runtimeModulePath() + File.pathSeparator + out,
          "-m", "com.example.app/com.example.app.Main",
          "http://127.0.0.1:" + server.getAddress().getPort()));
      assertThat(output).as(jvm.toString())
          .contains("url=jdbc:databricks://adb-" + WORKSPACE + ".7.azuredatabricks.net:443/default;")
          .contains("dbt=jdbc:databricks://adb-" + WORKSPACE + ".7.azuredatabricks.net:443/default;")
          .contains("httpPath=/sql/1.0/warehouses/a1b2c3d4e5f6a7b8")
          .contains("probe=true")
          .contains("json=true")
          .doesNotContain("Exception")
          .doesNotContain("NoClassDefFoundError");
      assertThat(discoveries.get()).as("the probe asked the loopback server (%s)", jvm).isGreaterThan(before);
    }
  }

  static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n");
  }

  /** Runs a child JVM, bounded: 60 s, then it is killed and the test fails. */
  static String run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> {
      try (InputStream in = p.getInputStream()) {
        in.transferTo(buffer);
      } catch (IOException ignored) {
        // the process ended
      }
    });
    reader.start();
    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    reader.join(5_000);
    String output = buffer.toString(StandardCharsets.UTF_8);
    assertThat(ended).as("ended within 60 s: " + output).isTrue();
    assertThat(p.exitValue()).as(command + "\n" + output).isZero();
    return output;
  }
}
