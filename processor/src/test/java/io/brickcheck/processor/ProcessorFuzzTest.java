package io.brickcheck.processor;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7, processor fuzz: random but well-formed {@code @DatabricksProfile} sources (any string in
 * any attribute, escaped as a Java literal) compiled through the processor. javac never ends with an
 * exception from the processor, and every error it reports carries a {@code [DatabricksProfile/<Code>]}
 * tag. Seeded ({@code -Dbrickcheck.seed}); {@code -Dbrickcheck.fuzz.compilations} for a longer run.
 *
 * <p>Issue 11 (items 1, 3, 4): names and values also carry backslashes, {@code u}, the six
 * characters of a unicode escape, comment ends, control, bidirectional and non-ASCII characters;
 * packages declare their own {@code String}, {@code System}, {@code List}...; one compilation per
 * run has hundreds of computes. Every factory generated is ASCII only, compiles, initialises
 * without running anything of the input, and holds exactly the values declared.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ProcessorFuzzTest {
  static final long SEED = Long.getLong("brickcheck.seed", 20261125L);
  static final int COMPILATIONS = Integer.getInteger("brickcheck.fuzz.compilations", 20);
  static final int PROFILES_PER_COMPILATION = 2;

  static final String[] HOSTS = {
    Sources.HOST, "https://" + Sources.HOST + "/", "adb-1234567890123456.7.azuredatabricks.net",
    "dbc-a1b2c3d4-e5f6.cloud.databricks.com", "http://127.0.0.1:8080", "accounts.cloud.databricks.com", "",
    "127.example.co.uk", "https://[:1]", "peco.azuredatabricks.net:99999", "pe co", "é.net"
  };
  static final String[] PATHS = {
    Sources.WAREHOUSE, "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8", "sql/protocolv1/o/" + Sources.ID + "/0123-456789-abcdefgh",
    "/sql/1.0/warehouses/abc?o=12a", "/sql/1.0/warehouses/abc;o=1", "?o=", "", "/sql/1.0/endpoints/x?O=1",
    "/sql/1.0/warehouses/x?o=1&o=2", "sql/protocolv1/o/1/c?o=2"
  };
  static final String[] NAMES = {"", "etl", "ETL", "default", "nightly-batch", "1x", "class", "P0", "Analytics", "é"};
  static final String[] NOISE = {"\"", "\\", "\n", "\u0000", "\u2028", "*/", "${x}", "%", "é", " ",
    "\\u000a", "\\u002a/", "u", "\\", "\r", "\u001b[2J", "\u202e", "\u200d", "\u2066", "\ud800", "\u0085",
    "\ud83d\ude00", "数据", "/*", "{@code x}", "<b>"};
  /** Profile names that must pass and be generated: non-ASCII letters, pairs, punctuation. */
  static final String[] GOOD_NAMES = {"café", "数据 prod", "emoji \ud83d\ude00", "a*b", "x/y", "u00e9", "{x}", "@home"};
  /** Types a user's package may declare: the factory must not pick them up. */
  static final String[] SHADOWS = {"String", "System", "List", "Profile", "Override", "Object", "HostKind",
    "Generated", "BrickcheckGenerated", "DatabricksConnection", "BrickcheckOptions", "Profiles"};
  static final String PWNED = "brickcheck.fuzz.pwned";
  static final String[] KINDS = {"AUTO", "SPOG", "WORKSPACE"};

  static final java.util.regex.Pattern CODED = java.util.regex.Pattern.compile("\\[DatabricksProfile/[A-Za-z]+\\]");

  final Random random = new Random(SEED);

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir;

  @Test
  void randomProfilesNeverCrashTheProcessorAndEveryErrorHasACode() throws Exception {
    int errors = 0;
    int succeeded = 0;
    int factories = 0;
    int large = random.nextInt(COMPILATIONS);
    System.clearProperty(PWNED);
    for (int c = 0; c < COMPILATIONS; c++) {
      List<JavaFileObject> sources = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      List<String[]> expected = new ArrayList<>(); // type, name, host, path of the valid profiles
      for (int p = 0; p < PROFILES_PER_COMPILATION; p++) {
        String[] lines = c == large && p == 0 ? large("P" + p, 700 + random.nextInt(500)) : profile("P" + p, expected);
        texts.add(String.join("\n", lines));
        sources.add(Sources.source("P" + p, lines));
      }
      if (random.nextInt(3) == 0) {
        String shadow = SHADOWS[random.nextInt(SHADOWS.length)];
        sources.add(com.google.testing.compile.JavaFileObjects.forSourceLines("com.example." + shadow,
            "package com.example;", "class " + shadow + " { private " + shadow + "() {} }"));
        texts.add("class " + shadow);
      }
      List<String> options = new ArrayList<>();
      if (random.nextInt(3) == 0) { // a dbt profile whose target name is random: it reaches comments
        String target = pick(GOOD_NAMES);
        java.nio.file.Path yaml = dir.resolve("profiles-" + c + ".yml");
        String quoted = "'" + target.replace("'", "''") + "'";
        // getBytes replaces a lone surrogate with "?": the file holds what it can.
        java.nio.file.Files.write(yaml, ("fz:\n  target: " + quoted + "\n  outputs:\n    " + quoted + ":\n"
            + "      type: databricks\n      host: " + Sources.HOST + "\n      http_path: " + Sources.WAREHOUSE + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        target = new String(target.getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.UTF_8);
        // YAML folds line breaks inside a quoted scalar: then the name read is not the name written.
        boolean folded = target.chars().anyMatch(ch -> ch == '\n' || ch == '\r' || ch == 0x85 || ch == 0x2028 || ch == 0x2029);
        options.add("-A" + ProcessorOptions.PROFILES_FILE + "=" + yaml);
        sources.add(Sources.source("D", "@DatabricksProfile(dbtProfile = \"fz\")", "interface D {}"));
        texts.add("dbt target " + literal(target));
        expected.add(new String[] {"D", folded ? null : "fz." + target, Sources.HOST, Sources.WAREHOUSE});
      }
      Compilation compilation;
      try {
        compilation = Sources.javac(options.toArray(String[]::new)).compile(sources);
      } catch (RuntimeException crash) {
        throw new AssertionError("the processor crashed on compilation " + c + ":\n" + String.join("\n\n", texts), crash);
      }
      for (Diagnostic<? extends JavaFileObject> d : compilation.errors()) {
        String message = d.getMessage(Locale.ROOT);
        if (!CODED.matcher(message).find()) {
          throw new AssertionError("error without a code in compilation " + c + ": " + message + "\n"
              + String.join("\n\n", texts));
        }
        errors++;
      }
      if (compilation.status() == Compilation.Status.SUCCESS) {
        succeeded++;
        factories += checkFactories(compilation, expected, String.join("\n\n", texts));
      }
    }
    System.out.printf("processor fuzz: %d compilations x %d profiles, %d succeeded, %d factories checked, %d coded"
        + " errors, seed %d%n", COMPILATIONS, PROFILES_PER_COMPILATION, succeeded, factories, errors, SEED);
  }

  /**
   * Every generated source is ASCII only; every factory initialises without side effects and holds
   * the declared values. Returns how many factories were checked.
   */
  private int checkFactories(Compilation compilation, List<String[]> expected, String texts) throws Exception {
    for (JavaFileObject generated : compilation.generatedSourceFiles()) {
      String source = generated.getCharContent(true).toString();
      if (!source.chars().allMatch(ch -> ch == '\n' || ch >= 0x20 && ch <= 0x7e)) {
        throw new AssertionError("non-ASCII generated source " + generated.getName() + " for:\n" + texts);
      }
    }
    ClassLoader loader = Sources.load(compilation);
    int checked = 0;
    for (String[] e : expected) {
      Class<?> factory = Class.forName("com.example." + e[0] + "ConnectionFactory", true, loader);
      if (System.getProperty(PWNED) != null) {
        throw new AssertionError("input ran as code in " + e[0] + ":\n" + texts);
      }
      if (e[1] != null && !e[1].equals(factory.getField("PROFILE_NAME").get(null))
          || !e[2].equals(factory.getField("HOST").get(null))
          || !e[3].equals(factory.getField("DEFAULT_HTTP_PATH").get(null))) {
        throw new AssertionError("constants of " + e[0] + " differ from the declared values:\n" + texts);
      }
      checked++;
    }
    return checked;
  }

  /** A valid profile with {@code n} computes: the factory's code must not grow deeper with n. */
  String[] large(String type, int n) {
    List<String> lines = new ArrayList<>();
    lines.add("@DatabricksProfile(host = " + literal(Sources.HOST) + ", httpPath = " + literal(Sources.WAREHOUSE)
        + ", computes = {");
    for (int i = 0; i < n; i++) {
      lines.add("  @Compute(name = \"c" + i + "\", httpPath = " + literal("/sql/1.0/warehouses/w" + i + "?o=" + Sources.ID)
          + ")" + (i + 1 < n ? "," : ""));
    }
    lines.add("})");
    lines.add("interface " + type + " {}");
    return lines.toArray(String[]::new);
  }

  String[] profile(String type, List<String[]> expected) {
    List<String> lines = new ArrayList<>();
    lines.add("@DatabricksProfile(");
    List<String> attributes = new ArrayList<>();
    if (random.nextInt(3) == 0) { // a valid profile now and then, so generation is fuzzed too
      // A name that passes the rules but holds what a careless writer would turn into code.
      String name = GOOD_NAMES[random.nextInt(GOOD_NAMES.length)] + (random.nextBoolean() ? "*/ static {"
          + " System.setProperty(\"" + PWNED + "\", \"1\"); } /*" : "");
      String path = random.nextBoolean() ? Sources.WAREHOUSE : "/sql/1.0/warehouses/caf\u00e9\u6570?o=" + Sources.ID;
      expected.add(new String[] {type, name, Sources.HOST, path});
      attributes.add("    name = " + literal(name));
      attributes.add("    host = " + literal(Sources.HOST));
      attributes.add("    httpPath = " + literal(path));
      attributes.add("    computes = {@Compute(name = \"etl\", httpPath = " + literal(PATHS[2]) + ")}");
      lines.add(String.join(",\n", attributes) + ")");
      lines.add("interface " + type + " {}");
      return lines.toArray(String[]::new);
    }
    if (random.nextInt(4) > 0) {
      attributes.add("    host = " + literal(pick(HOSTS)));
    }
    if (random.nextInt(4) > 0) {
      attributes.add("    httpPath = " + literal(pick(PATHS)));
    }
    if (random.nextBoolean()) {
      attributes.add("    name = " + literal(pick(NAMES)));
    }
    if (random.nextInt(3) == 0) {
      attributes.add("    hostKind = HostKind." + KINDS[random.nextInt(KINDS.length)]);
    }
    if (random.nextInt(4) == 0) {
      attributes.add("    factoryName = " + literal(pick(new String[] {"F", "P0", "Bad Name", "class", "F$1", "com.x.Y"})));
    }
    if (random.nextBoolean()) {
      List<String> computes = new ArrayList<>();
      for (int i = random.nextInt(4); i > 0; i--) {
        computes.add("@Compute(name = " + literal(pick(NAMES)) + ", httpPath = " + literal(pick(PATHS)) + ")");
      }
      attributes.add("    computes = {" + String.join(", ", computes) + "}");
    }
    lines.add(String.join(",\n", attributes) + ")");
    lines.add("interface " + type + " {}");
    return lines.toArray(String[]::new);
  }

  /** A value from the list, sometimes with noise inserted. */
  String pick(String[] values) {
    String v = values[random.nextInt(values.length)];
    if (random.nextInt(4) == 0) {
      int at = random.nextInt(v.length() + 1);
      v = v.substring(0, at) + NOISE[random.nextInt(NOISE.length)] + v.substring(at);
    }
    return v;
  }

  static String literal(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        b.append('\\').append(ch);
      } else if (ch < 0x20 || ch == 0x7f) {
        b.append(String.format("\\%03o", (int) ch)); // octal: a unicode escape of \n would end the line
      } else if (ch > 0x7e) {
        b.append(String.format("\\u%04x", (int) ch)); // lone surrogates survive only as escapes
      } else {
        b.append(ch);
      }
    }
    return b.append('"').toString();
  }
}
