package io.brickcheck.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.HostKind;
import io.brickcheck.internal.cfg.DatabricksCfg;
import io.brickcheck.internal.dbt.DbtProfilesReader;
import io.brickcheck.internal.rules.ComputeSpec;
import io.brickcheck.internal.rules.HostParser;
import io.brickcheck.internal.rules.HttpPathParser;
import io.brickcheck.internal.rules.ProfileChecker;
import io.brickcheck.internal.rules.ProfileSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7, "no input that takes more than linear time": for many input shapes (long runs of the
 * characters each parser treats specially), the time for an input 8x longer must stay well under
 * 64x (what quadratic would give). The bound, 40x, is a safety net, not a benchmark: a linear
 * parser measures about 8x; the measured ratios are printed ({@code scaling[...]} lines).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LinearTimeTest {
  static final int N = 4_096;
  static final double LIMIT = 40.0;

  record Shape(String name, IntFunction<String> input, Consumer<String> parse) {}

  static String run(String unit, int n) {
    return unit.repeat(Math.max(1, n / unit.length()));
  }

  static List<Shape> shapes() {
    List<Shape> shapes = new ArrayList<>();
    Consumer<String> path = HttpPathParser::parse;
    for (String unit : List.of("%", "&", "=", "/", "o=", "1", "?", "%2", "&o=", "o=1&", "?o=1", "/.", "%6F=", "\u0661")) {
      shapes.add(new Shape("path /sql/1.0/warehouses/x?" + unit + "...", n -> "/sql/1.0/warehouses/x?" + run(unit, n), path));
    }
    shapes.add(new Shape("path of slashes", n -> run("/", n), path));
    shapes.add(new Shape("path sql/protocolv1/o/<digits>", n -> "sql/protocolv1/o/" + run("1", n) + "/c", path));
    shapes.add(new Shape("path o/<zeros>1", n -> "/sql/1.0/warehouses/x?o=" + run("0", n) + "1", path));
    Consumer<String> host = HostParser::parse;
    for (String unit : List.of("a.", "-", "1.", ":", "[", "a", "é", "%", "127.")) {
      shapes.add(new Shape("host " + unit + "...", n -> "https://" + run(unit, n), host));
    }
    shapes.add(new Shape("host [::...]", n -> "https://[" + run("0:", n) + "1]", host));
    shapes.add(new Shape("profile with many computes", n -> String.valueOf(n), s -> {
      int n = Integer.parseInt(s) / 64;
      List<ComputeSpec> computes = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        computes.add(new ComputeSpec("c" + i, "sql/protocolv1/o/42/0123-456789-abcd" + i));
      }
      ProfileChecker.check(new ProfileSpec("p", "peco.azuredatabricks.net", HostKind.AUTO.classification(),
          "/sql/1.0/warehouses/a?o=42", computes));
    }));
    Consumer<String> yaml = text -> DbtProfilesReader.parse(text, "profiles.yml").profileNames()
        .forEach(p -> DbtProfilesReader.parse(text, "profiles.yml").select(p, null).check(Map.of(), HostKind.AUTO.classification()));
    String head = "p:\n  target: prod\n  outputs:\n    prod:\n      type: databricks\n      host: peco.azuredatabricks.net\n";
    shapes.add(new Shape("yaml long http_path of %", n -> head + "      http_path: '/sql/1.0/warehouses/a?" + run("%", n) + "'\n", yaml));
    shapes.add(new Shape("yaml long http_path of o=1&", n -> head + "      http_path: '/sql/1.0/warehouses/a?" + run("o=1&", n) + "'\n", yaml));
    shapes.add(new Shape("yaml many {{ }}", n -> head + "      token: \"" + run("{{ env_var('A') }}", n) + "\"\n", yaml));
    shapes.add(new Shape("yaml many computes", n -> {
      StringBuilder b = new StringBuilder(head + "      http_path: /sql/1.0/warehouses/a?o=1\n      compute:\n");
      for (int i = 0; b.length() < n; i++) {
        b.append("        c").append(i).append(":\n          http_path: sql/protocolv1/o/1/0123-456789-ab").append(i).append('\n');
      }
      return b.toString();
    }, yaml));
    shapes.add(new Shape("yaml many outputs", n -> {
      StringBuilder b = new StringBuilder("p:\n  target: t0\n  outputs:\n");
      for (int i = 0; b.length() < n; i++) {
        b.append("    t").append(i).append(":\n      type: databricks\n      host: h").append(i).append(".cloud.databricks.com\n");
      }
      return b.toString();
    }, yaml));
    shapes.add(new Shape("yaml deep flow", n -> "p: " + run("[", n / 2) + run("]", n / 2), yaml));
    Consumer<String> cfg = text -> DatabricksCfg.fromFile(DatabricksCfg.parse(text, ".databrickscfg"), "p")
        .check(HostKind.AUTO.classification());
    String cfgHead = "[p]\nhost = https://peco.azuredatabricks.net\nworkspace_id = 42\n";
    shapes.add(new Shape("databrickscfg continuation lines", n -> cfgHead + "warehouse_id = a" + run("\\\n", n / 2), cfg));
    shapes.add(new Shape("databrickscfg many keys", n -> cfgHead + run("k = v\n", n / 6), cfg));
    shapes.add(new Shape("databrickscfg many repeated keys", n -> cfgHead + run("host = h\n", n / 9), cfg));
    shapes.add(new Shape("databrickscfg many sections", n -> run("[s]\nk = v\n", n / 12) + cfgHead + "warehouse_id = a\n", cfg));
    shapes.add(new Shape("databrickscfg long value of #", n -> cfgHead + "warehouse_id = a" + run("#", n), cfg));
    shapes.add(new Shape("databrickscfg long quoted value", n -> cfgHead + "warehouse_id = \"" + run("a;", n / 2), cfg));
    shapes.add(new Shape("databrickscfg host query of o=1&", n -> "[p]\nwarehouse_id = a\nhost = https://h.example.com/?"
        + run("o=1&", n / 4) + "\n", cfg));
    return shapes;
  }

  @Test
  void eightTimesTheInputTakesFarLessThanSixtyFourTimesTheTime() {
    StringBuilder report = new StringBuilder();
    double worst = 0;
    String worstShape = "";
    for (Shape s : shapes()) {
      String small = s.input().apply(N);
      String large = s.input().apply(8 * N);
      // Shared CPUs make single figures noisy: a ratio above 16 is measured again (up to 3 times)
      // and the lowest kept, since noise only ever adds time. Quadratic code stays near 64 each time.
      double ratio = Double.MAX_VALUE;
      List<String> tries = new ArrayList<>();
      for (int attempt = 0; attempt < 3 && ratio > 16; attempt++) {
        double r = nanosPerCall(s.parse(), large) / nanosPerCall(s.parse(), small);
        tries.add(String.format("%.1f", r));
        ratio = Math.min(ratio, r);
      }
      report.append(String.format("scaling[%s]: x%.1f%s%n", s.name(), ratio,
          tries.size() > 1 ? " (measured " + String.join(", ", tries) + ")" : ""));
      if (ratio > worst) {
        worst = ratio;
        worstShape = s.name();
      }
    }
    System.out.print(report);
    assertThat(worst).as("worst time ratio for 8x input (shape %s); all: %n%s", worstShape, report).isLessThan(LIMIT);
    System.out.printf("scaling: %d shapes, n=%d vs 8n, worst x%.1f (%s)%n", shapes().size(), N, worst, worstShape);
  }

  /** Warm up, then the best of 5 rounds of at least 5 ms each: the least noisy figure per call. */
  static double nanosPerCall(Consumer<String> parse, String input) {
    for (int i = 0; i < 3; i++) {
      parse.accept(input);
    }
    double best = Double.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long start = System.nanoTime();
      int calls = 0;
      do {
        parse.accept(input);
        calls++;
      } while (System.nanoTime() - start < 5_000_000L);
      best = Math.min(best, (System.nanoTime() - start) / (double) calls);
    }
    return best;
  }
}
