package io.brickcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a fresh JVM running {@code check} loads (issue 17): picocli's model is built in code, so no
 * annotation is read (reading one makes the JVM generate a {@code $Proxy} class for its type, and
 * picocli's annotation model reflects over every field), and the probe's HTTP stack, JSON and
 * logging stay unloaded when the probe is off and the report is text. Read from {@code
 * -Xlog:class+load}; the class path is this module's test class path.
 */
class CliColdStartTest {
  private static final Pattern LOAD = Pattern.compile("^(\\S+) source: (.*)$");

  @TempDir Path dir;

  @Test
  void checkOfFlagsGeneratesNoAnnotationProxyAndLoadsNoHttpStack() throws Exception {
    Path log = dir.resolve("classes.log");
    ProcessBuilder child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log,
        "-cp", System.getProperty("java.class.path"),
        BrickcheckCli.class.getName(),
        "check", "--host", "peco.azuredatabricks.net",
        "--http-path", "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492");
    child.redirectErrorStream(true);
    Process p = child.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
    assertThat(output).contains("OK: no problems.");

    List<String[]> loads = Files.readAllLines(log).stream()
        .map(line -> line.replaceFirst("^\\[[^]]*\\]\\[[^]]*\\]\\[[^]]*\\] ?", ""))
        .map(LOAD::matcher)
        .filter(Matcher::find)
        .map(m -> new String[] {m.group(1), m.group(2)})
        .toList();
    List<String> names = loads.stream().map(l -> l[0]).toList();
    // The run did build picocli's model and parse with it.
    assertThat(names).contains("picocli.CommandLine", "picocli.CommandLine$Model$ArgGroupSpec", "io.brickcheck.cli.CheckCommand");
    // No dynamic proxy at all: annotations are what would make them here.
    assertThat(loads).filteredOn(l -> l[1].contains("__dynamic_proxy__") || l[0].contains("$Proxy"))
        .extracting(l -> l[0]).isEmpty();
    assertThat(names).filteredOn(n -> n.startsWith("okhttp3.") || n.startsWith("kotlin.") || n.startsWith("org.slf4j.")
        || n.startsWith("com.google.gson.")).isEmpty();
  }
}
