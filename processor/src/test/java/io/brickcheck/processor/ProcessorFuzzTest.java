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
  static final String[] NOISE = {"\"", "\\", "\n", "\u0000", "\u2028", "*/", "${x}", "%", "é", " "};
  static final String[] KINDS = {"AUTO", "SPOG", "WORKSPACE"};

  static final java.util.regex.Pattern CODED = java.util.regex.Pattern.compile("\\[DatabricksProfile/[A-Za-z]+\\]");

  final Random random = new Random(SEED);

  @Test
  void randomProfilesNeverCrashTheProcessorAndEveryErrorHasACode() {
    int errors = 0;
    int succeeded = 0;
    for (int c = 0; c < COMPILATIONS; c++) {
      List<JavaFileObject> sources = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (int p = 0; p < PROFILES_PER_COMPILATION; p++) {
        String[] lines = profile("P" + p);
        texts.add(String.join("\n", lines));
        sources.add(Sources.source("P" + p, lines));
      }
      Compilation compilation;
      try {
        compilation = Sources.javac().compile(sources);
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
      succeeded += compilation.status() == Compilation.Status.SUCCESS ? 1 : 0;
    }
    System.out.printf("processor fuzz: %d compilations x %d profiles, %d succeeded, %d coded errors, seed %d%n",
        COMPILATIONS, PROFILES_PER_COMPILATION, succeeded, errors, SEED);
  }

  String[] profile(String type) {
    List<String> lines = new ArrayList<>();
    lines.add("@DatabricksProfile(");
    List<String> attributes = new ArrayList<>();
    if (random.nextInt(3) == 0) { // a valid profile now and then, so generation is fuzzed too
      attributes.add("    host = " + literal(Sources.HOST));
      attributes.add("    httpPath = " + literal(Sources.WAREHOUSE));
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
      } else {
        b.append(ch);
      }
    }
    return b.append('"').toString();
  }
}
