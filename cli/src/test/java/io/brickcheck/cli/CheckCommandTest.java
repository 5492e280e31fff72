package io.brickcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CheckCommandTest {
  static final String SPOG = "peco.azuredatabricks.net";
  static final String WAREHOUSE = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492";

  record Run(int status, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = BrickcheckCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void validSpogProfileExitsZeroAndSaysSo() {
    Run r = run("check", "--host", SPOG, "--http-path", WAREHOUSE,
        "--compute", "Cluster1=sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh");

    assertThat(r.status()).isZero();
    assertThat(r.out())
        .contains("Host https://peco.azuredatabricks.net (kind UNKNOWN), workspace 6436897454825492")
        .contains("Cluster1  sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh  (cluster, workspace 6436897454825492 from the cluster path)")
        .endsWith("OK: no problems." + System.lineSeparator());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void errorsExitOneWithOneLinePerProblem() {
    Run r = run("check", "--host", SPOG, "--http-path", "/sql/1.0/warehouses/abc?o=12a",
        "--compute", "etl=/sql/1.0/warehouses/def?o=&o=5");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out())
        .contains("error   [default] [DatabricksProfile/InvalidWorkspaceId] workspace id \"12a\"")
        .contains("warning [etl] [DatabricksProfile/EmptyWorkspaceId]")
        .contains("FAILED: 1 error, 1 warning.");
  }

  @Test
  void warningsAloneExitZeroUnlessStrict() {
    String[] args = {"check", "--host", "adb-1.2.azuredatabricks.net", "--http-path", "/sql/1.0/warehouses/a?o=1"};

    assertThat(run(args).status()).isZero();
    assertThat(run(args).out()).contains("OK: 0 errors, 1 warning.");
    Run strict = run(append(args, "--strict"));
    assertThat(strict.status()).isEqualTo(1);
    assertThat(strict.out()).contains("error   [default] [DatabricksProfile/StrayWorkspaceId]");
  }

  @Test
  void hostKindFlagIsHonouredCaseInsensitively() {
    Run r = run("check", "--host", SPOG, "--http-path", "/sql/1.0/warehouses/abc", "--host-kind", "SPOG");

    assertThat(r.status()).isEqualTo(1);
    assertThat(r.out()).contains("(kind SPOG)").contains("[DatabricksProfile/MissingWorkspaceId]");
  }

  @Test
  void jsonIsExactlyOneObjectWithTheDocumentedShape() {
    Run r = run("check", "--format", "json", "--host", "HTTPS://PECO.azuredatabricks.net/", "--http-path", WAREHOUSE,
        "--compute", "etl=/sql/1.0/warehouses/def");

    assertThat(r.status()).isEqualTo(1);
    JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(root.keySet()).containsExactly("host", "hostKind", "workspaceId", "computes", "problems");
    assertThat(root.get("host").getAsString()).isEqualTo("https://peco.azuredatabricks.net");
    assertThat(root.get("hostKind").getAsString()).isEqualTo("UNKNOWN");
    assertThat(root.get("workspaceId").getAsString()).isEqualTo("6436897454825492");
    JsonArray computes = root.getAsJsonArray("computes");
    assertThat(computes).hasSize(2);
    JsonObject etl = computes.get(1).getAsJsonObject();
    assertThat(etl.keySet()).containsExactly("name", "httpPath", "workspaceId", "source");
    assertThat(etl.get("workspaceId").isJsonNull()).isTrue();
    assertThat(etl.get("source").getAsString()).isEqualTo("NONE");
    JsonObject problem = root.getAsJsonArray("problems").get(0).getAsJsonObject();
    assertThat(problem.keySet()).containsExactly("code", "severity", "compute", "message", "location",
        "computeIndex", "file", "line", "column", "variable", "key", "profile", "target");
    assertThat(problem.get("location").isJsonNull()).isTrue();
    // Flags: the compute is known by name and index (1 = the first --compute), nothing else.
    assertThat(problem.get("computeIndex").getAsInt()).isEqualTo(1);
    for (String absent : new String[] {"file", "line", "column", "variable", "key", "profile", "target"}) {
      assertThat(problem.get(absent).isJsonNull()).as(absent).isTrue();
    }
    assertThat(problem.get("code").getAsString()).isEqualTo("MissingWorkspaceId");
    assertThat(problem.get("severity").getAsString()).isEqualTo("ERROR");
    assertThat(problem.get("compute").getAsString()).isEqualTo("etl");
    assertThat(problem.get("message").getAsString()).startsWith("[DatabricksProfile/MissingWorkspaceId] ");
  }

  @Test
  void jsonHasNullWorkspaceAndNullComputeForHostProblems() {
    Run r = run("check", "--format", "json", "--host", "http://peco.azuredatabricks.net", "--http-path", "/sql/1.0/warehouses/a");

    JsonObject root = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(root.get("workspaceId").isJsonNull()).isTrue();
    assertThat(root.get("host").getAsString()).isEqualTo("http://peco.azuredatabricks.net");
    JsonObject problem = root.getAsJsonArray("problems").get(0).getAsJsonObject();
    assertThat(problem.get("code").getAsString()).isEqualTo("InvalidHost");
    assertThat(problem.get("compute").isJsonNull()).isTrue();
  }

  @Test
  void usageErrorsExitTwoWithAOneLineReason() {
    assertUsage(run("check", "--host", SPOG), "brickcheck: Missing required argument(s): --http-path=PATH");
    assertUsage(run("check", "--host", SPOG, "--http-path", "/x", "--compute", "etl"), "--compute expects NAME=PATH, got 'etl'");
    assertUsage(run("check", "--host", SPOG, "--http-path", "/x", "--format", "xml"), "--format");
    assertUsage(run("check", "--host", SPOG, "--http-path", "/x", "--host-kind", "cloud"), "--host-kind");
    assertUsage(run("check", "--host", SPOG, "--http-path", "/x", "--bogus"), "Unknown option: '--bogus'");
    assertUsage(run(), "missing command: check");
  }

  @Test
  void neverPrintsUserInformationFromAMalformedHost() {
    for (String format : new String[] {"text", "json"}) {
      Run r = run("check", "--format", format, "--host", "https://token:dapiSECRET@peco.azuredatabricks.net", "--http-path", WAREHOUSE);

      assertThat(r.status()).isEqualTo(1);
      assertThat(r.out() + r.err()).doesNotContain("dapiSECRET").contains("***@peco.azuredatabricks.net");
    }
  }

  @Test
  void helpExitsZero() {
    Run r = run("check", "--help");

    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("--host-kind").contains("Exit status: 0 no errors, 1 errors found, 2 usage error.");
  }

  static void assertUsage(Run r, String reason) {
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains(reason).contains("--help").hasLineCount(1);
  }

  static String[] append(String[] args, String extra) {
    String[] result = java.util.Arrays.copyOf(args, args.length + 1);
    result[args.length] = extra;
    return result;
  }

  @Test
  void blockingProbePrintsTheStatusBlockAndTheHostsAnswer() throws Exception {
    try (io.brickcheck.gateway.FakeGateway gateway = io.brickcheck.gateway.FakeGateway.builder().start()) {
      Run text = run("check", "--host", gateway.baseUrl(), "--http-path", "/sql/1.0/warehouses/abc", "--probe", "blocking",
          "--probe-budget", "30s");
      Run json = run("check", "--format", "json", "--host", gateway.baseUrl(), "--http-path", "/sql/1.0/warehouses/abc",
          "--probe", "blocking", "--probe-budget", "30s", "--strict");

      assertThat(text.status()).isZero();
      assertThat(text.out())
          .contains("warning [DatabricksProfile/MissingWorkspaceId] host \"127.0.0.1\" says it is a unified (SPOG) host")
          .contains("probed unified, account " + gateway.accountId())
          .contains("OK: 0 errors, 1 warning.");
      assertThat(json.status()).isEqualTo(1);
      JsonObject root = JsonParser.parseString(json.out()).getAsJsonObject();
      assertThat(root.getAsJsonArray("problems").get(0).getAsJsonObject().get("severity").getAsString()).isEqualTo("ERROR");
      assertThat(root.getAsJsonObject("status").getAsJsonObject("probe").get("hostType").getAsString()).isEqualTo("unified");
    }
  }

  @Test
  void aProbeBudgetThatIsNotADurationOrOutOfRangeIsAUsageError() {
    Run words = run("check", "--host", SPOG, "--http-path", WAREHOUSE, "--probe-budget", "2 seconds");
    Run zero = run("check", "--host", SPOG, "--http-path", WAREHOUSE, "--probe-budget", "0s");
    Run tooLong = run("check", "--host", SPOG, "--http-path", WAREHOUSE, "--probe-budget", "6m");

    assertThat(words.status()).isEqualTo(2);
    assertThat(words.err()).contains("'2 seconds' is not a duration; a number with ms, s or m is expected, as 2s");
    assertThat(zero.status()).isEqualTo(2);
    assertThat(zero.err()).contains("'0s' is out of range: above 0, at most 5m");
    assertThat(tooLong.status()).isEqualTo(2);
    assertThat(tooLong.err()).contains("'6m' is out of range");
  }

  @Test
  void probeIsOffByDefault() {
    Run r = run("check", "--host", SPOG, "--http-path", WAREHOUSE);

    assertThat(r.out()).doesNotContain("probed");
  }
}
