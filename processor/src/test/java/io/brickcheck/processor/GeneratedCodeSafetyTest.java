package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.brickcheck.HostKind;
import io.brickcheck.processor.FactoryDescriptor.ComputeDescriptor;
import io.brickcheck.processor.FactoryDescriptor.DbtOrigin;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.WorkspaceIdSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11 items 1, 3 and 4: no text from a declaration or a file becomes code; what was checked
 * is what is compiled, whatever the encoding; the generated source compiles in any package and
 * for any number of computes.
 */
class GeneratedCodeSafetyTest {
  static final String PWNED = "brickcheck.pwned";

  /**
   * The issue's attack on the {@code //} file comment: <code>&#92;u000a</code> ends the comment, the rest
   * declares a package-local {@code List} whose static initialiser runs when the factory's
   * {@code COMPUTE_NAMES = List.of(...)} does, and {@code /*} swallows the real imports up to the
   * class Javadoc's end.
   */
  static final String CRAFTED_TARGET = "prod\\u000apackage com.example; import io.brickcheck.*;"
      + " import javax.annotation.processing.Generated; class List { static { System.setProperty(\""
      + PWNED + "\", \"yes\"); } static java.util.List<String> of(String... n) { return"
      + " java.util.Arrays.asList(n); } } /*";

  @TempDir Path dir;

  // --- item 1: the processor refuses the name, with a code and a position ---

  @Test
  void craftedDbtTargetNameIsRefusedWhereItIsWrittenAndGeneratesNothing() throws IOException {
    Path profiles = dir.resolve("profiles.yml");
    Files.writeString(profiles, "evil:\n"
        + "  target: '" + CRAFTED_TARGET + "'\n"
        + "  outputs:\n"
        + "    '" + CRAFTED_TARGET + "':\n"
        + "      type: databricks\n"
        + "      host: " + Sources.HOST + "\n"
        + "      http_path: " + Sources.WAREHOUSE + "\n", StandardCharsets.UTF_8);
    JavaFileObject src = Sources.source("Evil", "@DatabricksProfile(dbtProfile = \"evil\")", "interface Evil {}");
    Compilation c = Sources.javac("-A" + ProcessorOptions.PROFILES_FILE + "=" + profiles, "-Abrickcheck.verbose=true")
        .compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(Code.InvalidProfileName.tag() + " profiles.yml:2:11: target \"prod\\\\u000apackage")
        .inFile(src)
        .onLineContaining("dbtProfile = ");
    assertThat(Expect.message(c.errors(), Code.InvalidProfileName))
        .contains("of profile \"evil\" holds a backslash at index 4. A name without control, format or backslash"
            + " characters is expected");
    assertThat(Sources.generated(c)).isEmpty();
  }

  @Test
  void targetNamedInTheAnnotationIsRefusedOnTheTargetValue() throws IOException {
    Path profiles = dir.resolve("profiles.yml");
    Files.writeString(profiles, "p:\n  outputs:\n    prod:\n      type: databricks\n      host: " + Sources.HOST
        + "\n      http_path: " + Sources.WAREHOUSE + "\n", StandardCharsets.UTF_8);
    JavaFileObject src = Sources.source("P", "@DatabricksProfile(dbtProfile = \"p\",", "    target = \"pr\\u202Eod\")",
        "interface P {}");
    Compilation c = Sources.javac("-A" + ProcessorOptions.PROFILES_FILE + "=" + profiles).compile(src);
    assertThat(c).hadErrorContaining(Code.InvalidProfileName.tag() + " target \"pr")
        .inFile(src).onLineContaining("target = ");
    assertThat(Expect.message(c.errors(), Code.InvalidProfileName))
        .contains("holds the invisible format character U+202E at index 2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\\\\u000ab", "line\\nbreak", "esc\\033[31m", "rtl\\u202Ename", "zw\\u200Dj",
      "iso\\u2066late", "sep\\u2028x", "half\\uD800"})
  void annotationProfileNameWithARefusedCharacterIsInvalidProfileName(String javaLiteralBody) {
    JavaFileObject src = Sources.source("P",
        "@DatabricksProfile(",
        "    name = \"" + javaLiteralBody + "\",",
        "    host = \"" + Sources.HOST + "\", httpPath = \"" + Sources.WAREHOUSE + "\")",
        "interface P {}");
    Compilation c = Sources.compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(Code.InvalidProfileName.tag() + " profile \"").inFile(src).onLineContaining("name = ");
    assertThat(Sources.generated(c)).isEmpty();
  }

  @Test
  void nonAsciiLettersInAProfileNameAreFine() {
    JavaFileObject src = Sources.source("P",
        "@DatabricksProfile(name = \"caf\\u00e9 \\uD83D\\uDE00\", host = \"" + Sources.HOST + "\", httpPath = \""
            + Sources.WAREHOUSE + "\")",
        "interface P {}");
    assertThat(Sources.compile(src)).succeededWithoutWarnings();
  }

  // --- item 1: the writer itself, whatever the validator lets through ---

  /** A descriptor as no validation would let through: the writer alone must keep it data. */
  static FactoryDescriptor hostile(String profile, String target, String file) {
    ComputeDescriptor def = new ComputeDescriptor("default", Sources.WAREHOUSE, Sources.ID, WorkspaceIdSource.QUERY, null, List.of("1:1"));
    return new FactoryDescriptor("com.example", "EvilConnectionFactory", "com.example.Evil", profile + "." + target,
        Sources.HOST, "https://" + Sources.HOST, HostKind.AUTO.name(), Sources.ID, List.of(def), null,
        new DbtOrigin(file, profile, target, "2:11", false, List.of("1:1")), null);
  }

  @Test
  void writerKeepsTheCraftedTargetNameOutOfTheCodeEvenUnvalidated() throws Exception {
    String javadocAttack = "a*/ static { System.setProperty(\"" + PWNED + "\", \"javadoc\"); } /**";
    String unicodeAttack = "b\\u002a/ static { System.setProperty(\"" + PWNED + "\", \"unicode\"); } /\\u002a";
    FactoryDescriptor d = hostile(javadocAttack + unicodeAttack + "\r\u2028\u202e", CRAFTED_TARGET, "profiles\\u000a.yml");
    String source = new FactoryWriter(null, DatabricksProfileProcessor.class.getCanonicalName(), origin -> true).render(d);

    // javac translates unicode escapes first (JLS 3.3): none of ours may make a line break.
    String translated = translateUnicodeEscapes(source);
    assertThat(translated.lines().count()).isEqualTo(source.lines().count());
    assertThat(translated.lines().filter(l -> l.contains("\r")).toList()).isEmpty();
    // The class Javadoc (which echoes the names) ends where the writer ends it, not earlier.
    int javadoc = translated.indexOf("/**");
    assertThat(translated.substring(javadoc, translated.indexOf("*/", javadoc))).contains("Start with {@link #create()}");
    assertThat(source.chars().allMatch(ch -> ch == '\n' || ch >= 0x20 && ch <= 0x7e)).isTrue();
    assertThat(source.lines().findFirst().orElseThrow()).startsWith("// Generated by Brickcheck from com.example.Evil");

    Compilation c = Compiler.javac().compile(JavaFileObjects.forSourceString("com.example.EvilConnectionFactory", source));
    assertThat(c).succeeded();
    assertThat(c.generatedFiles().stream().filter(f -> f.getKind() == JavaFileObject.Kind.CLASS).count()).isEqualTo(1);
    System.clearProperty(PWNED);
    Class<?> factory = Class.forName("com.example.EvilConnectionFactory", true, Sources.load(c));
    assertThat(System.getProperty(PWNED)).isNull();
    assertThat(factory.getField("PROFILE_NAME").get(null)).isEqualTo(d.profileName());
  }

  /** JLS 3.3: a backslash preceded by an even number of backslashes and followed by u's and 4 hex digits. */
  static String translateUnicodeEscapes(String source) {
    StringBuilder out = new StringBuilder(source.length());
    int run = 0;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\' && run % 2 == 0 && i + 1 < source.length() && source.charAt(i + 1) == 'u') {
        int j = i + 1;
        while (j < source.length() && source.charAt(j) == 'u') {
          j++;
        }
        out.append((char) Integer.parseInt(source.substring(j, j + 4), 16));
        i = j + 3;
        run = 0;
        continue;
      }
      run = c == '\\' ? run + 1 : 0;
      out.append(c);
    }
    return out.toString();
  }

  // --- item 3: what was checked is what is compiled, under any -encoding ---

  /** One javac run on real files, with the given source encoding. */
  private List<String> javac(String encoding, List<Path> inputs, Path out, Path gen, String... more) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Files.createDirectories(out);
    Files.createDirectories(gen);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options = new ArrayList<>(List.of("--release=17", "-encoding", encoding, "-Xlint:all", "-Werror",
        "-classpath", System.getProperty("java.class.path"), "-d", out.toString(), "-s", gen.toString()));
    options.addAll(List.of(more));
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(inputs));
      task.setProcessors(List.of(new DatabricksProfileProcessor()));
      task.call();
    }
    return diagnostics.getDiagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING)
        .map(d -> d.getMessage(Locale.ROOT))
        .toList();
  }

  @Test
  void nonAsciiValuesSurviveUsAsciiEncoding() throws Exception {
    // The issue's example: é in a path; the source itself is ASCII (\\u escapes), as under LANG=C.
    Path src = dir.resolve("src/com/example/Cafe.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, "package com.example;\n"
        + "import io.brickcheck.DatabricksProfile;\n"
        + "@DatabricksProfile(name = \"caf\\u00e9 \\uD83D\\uDE00\", host = \"" + Sources.HOST + "\",\n"
        + "    httpPath = \"/sql/1.0/warehouses/caf\\u00e9?o=123\")\n"
        + "public interface Cafe {}\n", StandardCharsets.US_ASCII);
    Path out = dir.resolve("out");
    Path gen = dir.resolve("gen");
    List<String> problems = javac("US-ASCII", List.of(src), out, gen);
    // The only warning is the path's shape; nothing about encoding.
    assertThat(problems.stream().filter(m -> !m.startsWith(Code.UnrecognizedHttpPath.tag()))).isEmpty();

    Path factorySource = gen.resolve("com/example/CafeConnectionFactory.java");
    byte[] bytes = Files.readAllBytes(factorySource);
    for (byte b : bytes) {
      assertThat(b & 0xff).isLessThan(0x80);
    }
    try (java.net.URLClassLoader loader =
        new java.net.URLClassLoader(new java.net.URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> factory = Class.forName("com.example.CafeConnectionFactory", false, loader);
      assertThat(factory.getField("DEFAULT_HTTP_PATH").get(null)).isEqualTo("/sql/1.0/warehouses/caf\u00e9?o=123");
      assertThat(factory.getField("DEFAULT_WORKSPACE_ID").get(null)).isEqualTo("123");
      assertThat(factory.getField("PROFILE_NAME").get(null)).isEqualTo("caf\u00e9 \uD83D\uDE00");
    }
  }

  @Test
  void literalEscapesEveryCharacterThatCouldChangeTheValue() {
    assertThat(GeneratedText.literal("a\"b\\c\nd\re\tf\u0000g\u00e9h\ud800i\u2028")).isEqualTo(
        "\"a\\\"b\\\\c\\nd\\re\\tf\\u0000g\\u00e9h\\ud800i\\u2028\"");
    assertThat(GeneratedText.literal("\\u000a")).isEqualTo("\"\\\\u000a\"");
    assertThat(GeneratedText.commentText("x\\u000a\r\n\u202e\u00e9")).isEqualTo("xU+005Cu000aU+000DU+000AU+202E\u00e9");
    assertThat(GeneratedText.html("x\\u000a\r\u202e*/")).isEqualTo("x&#92;u000a&#92;u000d&#92;u202e*&#47;");
  }

  // --- item 4: a package's own types cannot shadow what the factory uses ---

  @ParameterizedTest
  @ValueSource(strings = {"String", "System", "Override", "Object", "List", "Profile", "Profiles", "HostKind",
      "Generated", "BrickcheckGenerated", "BrickcheckOptions", "DatabricksConnection", "GeneratedDbtOutput",
      "IllegalArgumentException", "Builder"})
  void aPackageOwnTypeDoesNotShadowTheFactorysTypes(String shadow) throws IOException {
    JavaFileObject own = JavaFileObjects.forSourceLines("com.example." + shadow, "package com.example;",
        "class " + shadow + " { private " + shadow + "() {} }");
    Compilation annotation = Sources.javac().compile(own, Sources.source("P",
        "@DatabricksProfile(host = \"" + Sources.HOST + "\", httpPath = \"" + Sources.WAREHOUSE + "\",",
        "    computes = @Compute(name = \"etl\", httpPath = \"" + Sources.WAREHOUSE + "\"))",
        "interface P {}"));
    assertThat(annotation).succeededWithoutWarnings();
    List<JavaFileObject> dbt = new ArrayList<>(List.of(own));
    DbtProfileProcessorTest.GOOD.forEach(r -> dbt.add(JavaFileObjects.forResource(r)));
    Compilation templated = Sources.javac("-A" + ProcessorOptions.PROFILES_FILE + "=" + DbtProfileProcessorTest.PROFILES)
        .compile(dbt);
    assertThat(templated).succeededWithoutWarnings();
  }

  // --- item 4: the size of a profile does not grow any expression ---

  @Test
  void twoThousandComputesCompileAndEveryOneOpens() throws Exception {
    int n = 2000;
    StringBuilder computes = new StringBuilder();
    for (int i = 0; i < n; i++) {
      computes.append(i == 0 ? "" : ",\n").append("  @Compute(name = \"c").append(i)
          .append("\", httpPath = \"/sql/1.0/warehouses/w").append(i).append("?o=").append(Sources.ID).append("\")");
    }
    JavaFileObject src = Sources.source("Big",
        "@DatabricksProfile(host = \"" + Sources.HOST + "\", httpPath = \"" + Sources.WAREHOUSE + "\", computes = {",
        computes.toString(), "})", "interface Big {}");
    Compilation c = Sources.javac().compile(src);
    assertThat(c).succeededWithoutWarnings();
    Class<?> factory = Sources.load(c).loadClass("com.example.BigConnectionFactory");
    assertThat((List<?>) factory.getMethod("computeNames").invoke(null)).hasSize(n + 1);
    assertThat(factory.getField("C1999_HTTP_PATH").get(null)).isEqualTo("/sql/1.0/warehouses/w1999?o=" + Sources.ID);
    Object created = factory.getMethod("create", io.brickcheck.BrickcheckOptions.class).invoke(null,
        io.brickcheck.BrickcheckOptions.builder().probeMode(io.brickcheck.ProbeMode.OFF).build());
    Object connection = factory.getMethod("openC1999").invoke(created);
    assertThat(connection.toString()).contains("w1999");
  }

  @Test
  void twoThousandTemplatedDbtComputesCompileAndRender() throws Exception {
    int n = 2000;
    StringBuilder yaml = new StringBuilder("big:\n  target: prod\n  outputs:\n    prod:\n      type: databricks\n"
        + "      host: \"{{ env_var('BRICKCHECK_TEST_HOST', '" + Sources.HOST + "') }}\"\n"
        + "      http_path: " + Sources.WAREHOUSE + "\n      compute:\n");
    for (int i = 0; i < n; i++) {
      yaml.append("        c").append(i).append(":\n          http_path: \"/sql/1.0/warehouses/"
          + "{{ env_var('BRICKCHECK_TEST_UNSET_W").append(i).append("', 'w").append(i).append("') }}?o=")
          .append(Sources.ID).append("\"\n");
    }
    Path profiles = dir.resolve("profiles.yml");
    Files.writeString(profiles, yaml, StandardCharsets.UTF_8);
    JavaFileObject src = Sources.source("Big", "@DatabricksProfile(dbtProfile = \"big\")", "interface Big {}");
    Compilation c = Sources.javac("-A" + ProcessorOptions.PROFILES_FILE + "=" + profiles).compile(src);
    assertThat(c).succeededWithoutWarnings();
    Class<?> factory = Sources.load(c).loadClass("com.example.BigConnectionFactory");
    assertThat((List<?>) factory.getMethod("computeNames").invoke(null)).hasSize(n + 1);
    Object created = factory.getMethod("create", io.brickcheck.BrickcheckOptions.class).invoke(null,
        io.brickcheck.BrickcheckOptions.builder().probeMode(io.brickcheck.ProbeMode.OFF).build());
    assertThat(factory.getMethod("openC1999").invoke(created).toString()).contains("w1999");
  }
}
