package io.brickcheck.coldstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a fresh JVM loads before its first {@code jdbcUrl()} (issue 17): with the probe OFF, no
 * class of OkHttp, Kotlin's standard library, Gson or SLF4J at all; with ASYNC, none of them on the
 * caller's thread, and the HTTP stack on the probe's own thread. Read from {@code
 * -Xlog:class+load} with the native thread id of each load; the classpath is this module's test
 * classpath, so all those libraries are there to be loaded. Linux only ({@code /proc/thread-self}).
 */
class ColdStartClassLoadingTest {
  private static final Pattern LOAD = Pattern.compile("^\\[(\\d+)\\] (\\S+) source:");
  /** The HTTP stack and its helpers, none of which a JDBC URL needs. */
  private static final List<String> HEAVY = List.of("okhttp3.", "okio.", "kotlin.", "com.google.gson.", "org.slf4j.");

  @TempDir Path dir;

  record Load(String tid, String className) {
    boolean heavy() {
      return HEAVY.stream().anyMatch(className::startsWith);
    }
  }

  record Run(String mainTid, List<Load> loads, String output) {
    List<Load> heavy() {
      return loads.stream().filter(Load::heavy).toList();
    }

    /** What the caller's thread loaded until its first jdbcUrl() returned. */
    List<Load> mainUntilFirstUrl() {
      List<Load> out = new java.util.ArrayList<>();
      for (Load l : loads) {
        if (l.tid().equals(mainTid)) {
          if (l.className().equals(ColdStartMain.AfterFirstUrl.class.getName())) {
            return out;
          }
          out.add(l);
        }
      }
      throw new AssertionError("no load of the AfterFirstUrl marker on the main thread");
    }
  }

  /**
   * invokedynamic bootstraps that cost a cold JVM tens of ms each (issue 17): a record's generated
   * equals/hashCode/toString ({@code ObjectMethods}) and indy string concatenation, whose
   * StringConcatFactory spins {@code LambdaForm$MH} classes per shape. The library's classes are
   * compiled with {@code -XDstringConcat=inline} (see {@code BytecodeShapeTest}); here the caller's
   * thread is checked not to reach {@code ObjectMethods} before its first jdbcUrl().
   */
  private static final List<String> INDY_BOOTSTRAPS = List.of("java.lang.runtime.ObjectMethods");

  /**
   * A lambda's hidden class ({@code Outer$$Lambda$n/0x...}), spun through LambdaMetafactory, the
   * first one of a cold JVM costing the most, from a Brickcheck class.
   */
  static boolean brickcheckLambda(Load l) {
    return l.className().startsWith("io.brickcheck.") && l.className().contains("$$Lambda");
  }

  /** A class of a stream pipeline ({@code ReferencePipeline}, {@code MatchOps}...), read and interpreted cold. */
  static boolean streamClass(Load l) {
    return l.className().startsWith("java.util.stream.");
  }

  /**
   * The rule engine and the runtime's path to a JDBC URL use plain loops (issue 17): with OFF, the
   * caller's thread spins no lambda of Brickcheck's and loads no stream pipeline before its first
   * jdbcUrl() returns.
   */
  @Test
  void probeOffRunsNoLambdaOrStreamBeforeTheFirstUrl() throws Exception {
    assertNoLambdaOrStream(run("OFF").mainUntilFirstUrl());
  }

  /** The same from a JDBC URL ({@code Profile.jdbcUrlBuilder}): its parser and pass-through too. */
  @Test
  void probeOffFromAJdbcUrlRunsNoLambdaOrStreamBeforeTheFirstUrl() throws Exception {
    Run run = run("OFF", "jdbc-url");
    assertThat(run.output()).contains("EnableArrow=0");
    assertNoLambdaOrStream(run.mainUntilFirstUrl());
  }

  private static void assertNoLambdaOrStream(List<Load> path) {
    assertThat(path).extracting(Load::className).contains("io.brickcheck.internal.rules.ProfileChecker");
    assertThat(path).filteredOn(ColdStartClassLoadingTest::brickcheckLambda).extracting(Load::className).isEmpty();
    assertThat(path).filteredOn(ColdStartClassLoadingTest::streamClass).extracting(Load::className).isEmpty();
  }

  @Test
  void probeOffLoadsNoHttpJsonOrLoggingClass() throws Exception {
    Run run = run("OFF");
    assertThat(run.loads()).extracting(Load::className).contains("io.brickcheck.Profile", "io.brickcheck.DatabricksConnection");
    assertThat(run.heavy()).isEmpty();
    assertThat(run.mainUntilFirstUrl()).isNotEmpty();
    assertThat(run.mainUntilFirstUrl()).extracting(Load::className).doesNotContainAnyElementsOf(INDY_BOOTSTRAPS);
  }

  @Test
  void asyncLoadsTheHttpStackOnTheProbeThreadOnly() throws Exception {
    Run run = run("ASYNC");
    assertThat(run.output()).contains("PROBED true");
    // The probe did run, and OkHttp with it: on a thread other than the caller's.
    assertThat(run.heavy()).extracting(Load::className).contains("okhttp3.OkHttpClient", "okhttp3.Request");
    assertThat(run.heavy()).filteredOn(l -> l.className().startsWith("okhttp3."))
        .allSatisfy(l -> assertThat(l.tid()).as(l.className()).isNotEqualTo(run.mainTid()));
    // Until its first jdbcUrl() returns, the caller's thread started the probe and loaded none of it.
    assertThat(run.mainUntilFirstUrl()).extracting(Load::className).contains("io.brickcheck.internal.probe.DiscoveryProbe");
    assertThat(run.mainUntilFirstUrl()).filteredOn(Load::heavy).isEmpty();
    // The probe's map keys (Host, the shared-probe key) hash without a record's indy bootstrap.
    assertThat(run.mainUntilFirstUrl()).extracting(Load::className).doesNotContainAnyElementsOf(INDY_BOOTSTRAPS);
  }

  /** Runs {@link ColdStartMain} with {@code args} (the probe mode, then the source form if any). */
  private Run run(String... args) throws IOException, InterruptedException {
    assumeTrue(Files.isSymbolicLink(Path.of("/proc/thread-self")), "needs Linux's /proc/thread-self");
    // The profile's host resolves to loopback, where nothing answers on 443: the probe fails fast
    // and never leaves the machine.
    Path hosts = dir.resolve("hosts");
    Files.writeString(hosts, "127.0.0.1 peco.azuredatabricks.net\n");
    Path log = dir.resolve("classes-" + String.join("-", args) + ".log");
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log + ":tid",
        "-Djdk.net.hosts.file=" + hosts,
        "-cp", System.getProperty("java.class.path"),
        ColdStartMain.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder child = new ProcessBuilder(command);
    child.redirectErrorStream(true);
    Process p = child.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isEqualTo(0);
    assertThat(output).contains("FIRST_URL jdbc:databricks://peco.azuredatabricks.net:443/default;");
    Matcher tid = Pattern.compile("MAIN_TID (\\d+)").matcher(output);
    assertThat(tid.find()).as(output).isTrue();
    List<Load> loads = Files.readAllLines(log).stream()
        .map(LOAD::matcher)
        .filter(Matcher::find)
        .map(m -> new Load(m.group(1), m.group(2)))
        .toList();
    // Everything up to the main thread's first jdbcUrl() is what matters; loads after it (the
    // probe's, shutdown's) are checked by thread.
    return new Run(tid.group(1), loads, output);
  }
}
