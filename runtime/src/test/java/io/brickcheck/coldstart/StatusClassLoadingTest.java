package io.brickcheck.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

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
 * What a fresh JVM loads to show a status block with the probe OFF: the text block ({@code
 * status().render()}) loads no class of Gson, OkHttp, Kotlin or SLF4J; only {@code toJson()} loads
 * Gson (which also shows that the log is read right). Read from {@code -Xlog:class+load}; the
 * classpath is this module's test classpath, so all those libraries are there to be loaded.
 */
class StatusClassLoadingTest {
  private static final Pattern LOAD = Pattern.compile("^(?:\\[[^\\]]*\\]\\s*)?(\\S+) source:");
  private static final List<String> HEAVY = List.of("okhttp3.", "okio.", "kotlin.", "com.google.gson.", "org.slf4j.");

  @TempDir Path dir;

  @Test
  void theTextBlockLoadsNoJsonHttpOrLoggingClass() throws Exception {
    List<String> loaded = run("render");
    assertThat(loaded).contains("io.brickcheck.ProfileStatus", "io.brickcheck.StatusFact");
    assertThat(loaded).filteredOn(StatusClassLoadingTest::heavy).isEmpty();
  }

  @Test
  void onlyTheJsonLoadsGson() throws Exception {
    List<String> loaded = run("json");
    assertThat(loaded).contains("io.brickcheck.StatusJson", "com.google.gson.Gson");
    assertThat(loaded).filteredOn(StatusClassLoadingTest::heavy).allMatch(c -> c.startsWith("com.google.gson."));
  }

  private static boolean heavy(String className) {
    return HEAVY.stream().anyMatch(className::startsWith);
  }

  private List<String> run(String form) throws IOException, InterruptedException {
    Path log = dir.resolve("classes-" + form + ".log");
    ProcessBuilder child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log + ":none",
        "-cp", System.getProperty("java.class.path"),
        StatusColdStartMain.class.getName(), form);
    child.redirectErrorStream(true);
    Process p = child.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isEqualTo(0);
    assertThat(output).contains("STATUS").contains(form.equals("json") ? "\"mode\": \"OFF\"" : "never (probe OFF)");
    return Files.readAllLines(log).stream()
        .map(LOAD::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1))
        .toList();
  }
}
