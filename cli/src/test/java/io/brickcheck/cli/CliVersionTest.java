package io.brickcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CliVersionTest {

  @Test
  void versionIsTheBuildsVersionNotAPlaceholder() {
    StringWriter out = new StringWriter();
    int exit = BrickcheckCli.run(new String[] {"--version"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
    String expected = System.getProperty("brickcheck.version");
    assertThat(exit).isZero();
    assertThat(expected).as("surefire passes the project version").isNotBlank();
    assertThat(out.toString().strip()).isEqualTo("brickcheck " + expected);
  }
}
