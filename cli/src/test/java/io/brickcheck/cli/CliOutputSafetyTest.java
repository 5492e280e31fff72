package io.brickcheck.cli;

import static io.brickcheck.cli.CheckCommandTest.SPOG;
import static io.brickcheck.cli.CheckCommandTest.WAREHOUSE;
import static io.brickcheck.cli.CheckCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.brickcheck.DatabricksProfileException;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import io.brickcheck.internal.rules.TerminalText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 7: what the command line prints cannot be steered by the values it prints. Raw CR,
 * LF and ESC in a path, a compute name or an option cannot forge a report line or reach the
 * terminal; with {@code --format json} a usage error is a JSON object on stdout.
 */
class CliOutputSafetyTest {
  static final String ESC = "\u001b";

  /** Every line of the output is one the report wrote: no forged summary, no escape sequence. */
  static void assertNoForgery(String out) {
    assertThat(out).doesNotContain(ESC).doesNotContain("\r").doesNotContain("\u202e");
    List<String> lines = out.lines().toList();
    assertThat(lines.stream().filter(l -> l.startsWith("OK") || l.startsWith("FAILED"))).hasSize(1);
    assertThat(lines.get(lines.size() - 1)).startsWith("FAILED: ");
  }

  @Test
  void aLineBreakInAnHttpPathCannotForgeTheSummary() {
    CheckCommandTest.Run r = run("check", "--host", SPOG,
        "--http-path", "/sql/1.0/warehouses/abc?o=1\r\nOK: no problems.\n" + ESC + "[2J");

    assertThat(r.status()).isEqualTo(1);
    assertNoForgery(r.out());
    assertThat(r.out()).contains("default  /sql/1.0/warehouses/abc?o=1\\u000d\\u000aOK: no problems.\\u000a\\u001b[2J");
  }

  @Test
  void aLineBreakInAComputeNameCannotForgeALine() {
    CheckCommandTest.Run r = run("check", "--host", SPOG, "--http-path", WAREHOUSE,
        "--compute", "etl\nOK: no problems.\u202e" + ESC + "]0;pwned" + "\u0007=" + WAREHOUSE);

    assertThat(r.status()).isEqualTo(1);
    assertNoForgery(r.out());
    assertThat(r.out()).doesNotContain("\u0007");
    assertThat(r.out()).contains("  etl\\u000aOK: no problems.\\u202e\\u001b]0;pwned\\u0007  ");
  }

  @Test
  void usageErrorsQuoteTheArgumentEscaped() {
    CheckCommandTest.Run r = run("check", "--host", SPOG, "--http-path", WAREHOUSE, "--bogus" + ESC + "[31m\n");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).doesNotContain(ESC).contains("--bogus\\u001b[31m\\u000a");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void jsonUsageErrorsPrintAJsonObjectOnStdout() {
    for (String[] args : List.of(
        new String[] {"check", "--format", "json", "--host", SPOG},
        new String[] {"check", "--format=JSON", "--host", SPOG, "--http-path", WAREHOUSE, "--bogus"},
        new String[] {"check", "--host", SPOG, "--http-path", WAREHOUSE, "--compute", "etl", "--format", "json"})) {
      CheckCommandTest.Run r = run(args);
      assertThat(r.status()).isEqualTo(2);
      assertThat(r.err()).startsWith("brickcheck: ");
      JsonObject error = JsonParser.parseString(r.out()).getAsJsonObject();
      assertThat(error.get("error").getAsString()).isEqualTo("usage");
      assertThat(error.get("message").getAsString()).isNotBlank();
      assertThat(error.get("help").getAsString()).isEqualTo("brickcheck check --help");
    }
    // Text (the default): stdout stays empty, the reason is on stderr only.
    assertThat(run("check", "--host", SPOG).out()).isEmpty();
    assertThat(run("check", "--format", "json", "--format", "text", "--host", SPOG).out()).isEmpty();
  }

  @Test
  void exceptionMessagesHaveOneLinePerProblem() {
    Problem forged = Problem.of(Code.InvalidHost, Subject.HOST, null, "host x\nOK: no problems." + ESC + "[2J");
    DatabricksProfileException e = new DatabricksProfileException(
        List.of(forged, Problem.of(Code.InvalidHttpPath, Subject.HTTP_PATH, "default", "second")));
    assertThat(e.getMessage().lines()).hasSize(2);
    assertThat(e.getMessage()).doesNotContain(ESC).contains("host x\\u000aOK: no problems.\\u001b[2J");
  }

  @Test
  void terminalTextEscapesWhatATerminalWouldObeyAndNothingElse() {
    assertThat(TerminalText.line("caf\u00e9 \ud83d\ude00 a\\b")).isEqualTo("caf\u00e9 \ud83d\ude00 a\\b");
    assertThat(TerminalText.value("a\\b")).isEqualTo("a\\\\b");
    assertThat(TerminalText.line("\r\n\t\u001b\u0085\u202e\u2066\u200d\u2028\ud800")).isEqualTo(
        "\\u000d\\u000a\\u0009\\u001b\\u0085\\u202e\\u2066\\u200d\\u2028\\ud800");
  }
}
