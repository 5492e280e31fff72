package io.brickcheck.cli;

import static io.brickcheck.cli.CheckCommandTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10 as {@code check} shows it, in text and in JSON, with the command line's own words. */
class CheckRealInputsTest {
  static final String[] STANDARD_LAYOUT = {
    "check", "--host", "acme-prod.cloud.databricks.com", "--http-path", "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8",
    "--compute", "python=sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh"
  };

  static String[] with(String[] args, String... more) {
    String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  /** Kind 1, the example: no error, in text and JSON, strict included; a note says what to declare. */
  @Test
  void theStandardDbtLayoutOnAnUnknownHostIsNoError() {
    CheckCommandTest.Run text = run(STANDARD_LAYOUT);
    CheckCommandTest.Run json = run(with(STANDARD_LAYOUT, "--format", "json", "--strict"));

    assertThat(text.status()).isZero();
    assertThat(text.out())
        .contains("note    [DatabricksProfile/UnclassifiedHost] host \"acme-prod.cloud.databricks.com\"")
        .contains("Declare --host-kind workspace if the host serves one workspace, or --host-kind spog")
        .endsWith("OK: 0 errors, 0 warnings, 1 note." + System.lineSeparator());
    assertThat(json.status()).isZero();
    JsonArray problems = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("problems");
    assertThat(problems).hasSize(1);
    JsonObject note = problems.get(0).getAsJsonObject();
    assertThat(note.get("code").getAsString()).isEqualTo("UnclassifiedHost");
    assertThat(note.get("severity").getAsString()).isEqualTo("NOTE");
    assertThat(note.get("compute").isJsonNull()).isTrue();
  }

  @Test
  void declaringTheHostKindSettlesIt() {
    assertThat(run(with(STANDARD_LAYOUT, "--host-kind", "workspace")).out()).endsWith("OK: no problems." + System.lineSeparator());
    CheckCommandTest.Run spog = run(with(STANDARD_LAYOUT, "--host-kind", "spog", "--format", "json"));
    assertThat(spog.status()).isEqualTo(1);
    assertThat(spog.out()).contains("\"code\": \"MissingWorkspaceId\"").contains("(--host-kind spog)")
        .contains("Add ?o=<your workspace id> to --http-path");
  }

  /** Kind 2, the example: an error on Azure US Government as on Azure public. */
  @Test
  void anEmbeddedIdMismatchOnAzureGovernmentIsAnError() {
    CheckCommandTest.Run json = run("check", "--format", "json", "--host", "adb-1234567890123456.7.databricks.azure.us",
        "--http-path", "/sql/1.0/warehouses/abc?o=999");

    assertThat(json.status()).isEqualTo(1);
    JsonObject root = JsonParser.parseString(json.out()).getAsJsonObject();
    assertThat(root.get("hostKind").getAsString()).isEqualTo("WORKSPACE");
    JsonObject problem = root.getAsJsonArray("problems").get(0).getAsJsonObject();
    assertThat(problem.get("code").getAsString()).isEqualTo("HostWorkspaceMismatch");
    assertThat(problem.get("severity").getAsString()).isEqualTo("ERROR");
  }

  /** Kind 4: the id on the host is named, and the flag it belongs to; no "host \"\"" anywhere. */
  @Test
  void aWorkspaceUrlAsTheHostNamesTheIdAndTheFlag() {
    CheckCommandTest.Run text = run("check", "--host", "https://peco.azuredatabricks.net/?o=1234567890123456",
        "--http-path", "/sql/1.0/warehouses/abc", "--compute", "etl=/sql/1.0/warehouses/def", "--host-kind", "spog");

    assertThat(text.status()).isEqualTo(1);
    assertThat(text.out())
        .contains("Host \"https://peco.azuredatabricks.net/?o=1234567890123456\" (kind SPOG)")
        .contains("carries workspace id \"1234567890123456\"")
        .contains("Use \"peco.azuredatabricks.net\" as --host and add ?o=1234567890123456 to --http-path")
        .contains("FAILED: 1 error, 0 warnings.")
        .doesNotContain("host \"\"");
  }

  @Test
  void anEmptyHostIsNeverQuoted() {
    CheckCommandTest.Run text = run("check", "--host", "", "--http-path", "/sql/1.0/warehouses/abc?o=1",
        "--compute", "etl=/sql/1.0/warehouses/def", "--host-kind", "workspace");

    assertThat(text.out()).contains("Host (empty)").contains("host is empty").doesNotContain("\"\"");
  }

  @Test
  void aDbtHostWithAnIdSpeaksDbtAndAnUnreadProfileHasNoHostNull(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("profiles.yml");
    Files.writeString(file, String.join("\n",
        "shop:",
        "  target: prod",
        "  outputs:",
        "    prod:",
        "      type: databricks",
        "      host: https://peco.azuredatabricks.net/?o=1234567890123456",
        "      http_path: /sql/1.0/warehouses/abc/",
        ""));

    CheckCommandTest.Run dbt = CheckDbtProfilesTest.run(Map.of(), "check", "--profiles", file.toString(), "--profile", "shop");
    CheckCommandTest.Run unread = CheckDbtProfilesTest.run(Map.of(), "check", "--profiles", file.toString(),
        "--profile", "shop", "--target", "nope");

    assertThat(dbt.out()).contains("profiles.yml:6:13: host \"https://peco.azuredatabricks.net/?o=1234567890123456\"")
        .contains("as host and add ?o=1234567890123456 to http_path");
    assertThat(dbt.out()).contains("[DatabricksProfile/DriverMisreadsHttpPath] profiles.yml:7:18:");
    assertThat(unread.out()).startsWith("No profile was read.").doesNotContainIgnoringCase("host null");
  }

  /** Kinds 6 and 7 in text, each naming what to write instead. */
  @Test
  void nearMissesAndMisreadFormsAreWarnings() {
    CheckCommandTest.Run text = run("check", "--host", "peco.azuredatabricks.net",
        "--http-path", "/sql/1.0/warehouses/abc?0=1234567890123456",
        "--compute", "python=sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh/");

    assertThat(text.status()).isZero();
    assertThat(text.out())
        .contains("warning [default] [DatabricksProfile/WorkspaceKeyNearMiss] http path \"/sql/1.0/warehouses/abc?0=1234567890123456\" has a query key \"0\"")
        .contains("warning [python] [DatabricksProfile/DriverMisreadsHttpPath]")
        .contains("Use \"sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh\"");
  }
}
