package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.DatabricksProfileException;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;
import io.brickcheck.Profiles;
import io.brickcheck.internal.dbt.DbtProfilesReader;
import io.brickcheck.internal.dbt.DbtSelection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11 item 1: one rule for profile and target names, reached by the rule engine (annotation,
 * {@code Profile.builder}) and by the dbt reader ({@code Profiles.load}, {@code check}, the processor).
 */
class ProfileNamesTest {
  static final String HOST = "peco.azuredatabricks.net";
  static final String PATH = "/sql/1.0/warehouses/abc?o=42";
  static final BrickcheckOptions OFF = BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build();

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"a\\u000ab", "a\nb", "a\rb", "esc\u001b[31m", "nul\u0000", "del\u007f", "rtl\u202eevil",
      "zwj\u200dx", "iso\u2066x\u2069", "lrm\u200ex", "bom\ufeffx", "sep\u2028x", "para\u2029x", "half\ud800",
      "low\udc00x", "c1\u0085x"})
  void refusedCharactersAreInvalidProfileName(String name) {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of(name, HOST, PATH));

    assertThat(report.problems()).extracting(Problem::code).containsExactly(Code.InvalidProfileName);
    Problem p = report.problems().get(0);
    assertThat(p.message()).startsWith(Code.InvalidProfileName.tag() + " profile \"").endsWith(".");
    // The suggested name passes the same rule.
    String fix = p.message().substring(p.message().lastIndexOf("Rename it to \"") + 14, p.message().length() - 2);
    assertThat(ProfileNames.firstRefused(fix)).isEqualTo(-1);
    assertThat(ProfileChecker.check(ProfileSpec.of(fix, HOST, PATH)).problems()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"analytics", "caf\u00e9", "\u6570\u636e", "emoji \ud83d\ude00", "a.b-c_d e", "ANALYTICS_PROD"})
  void lettersOfAnyScriptAndPairsAreFine(String name) {
    assertThat(ProfileNames.firstRefused(name)).isEqualTo(-1);
    assertThat(ProfileChecker.check(ProfileSpec.of(name, HOST, PATH)).problems()).isEmpty();
  }

  @Test
  void theMessageNamesTheCharacterAndItsIndex() {
    assertThat(ProfileNames.check("profile", "sales\\reports").orElseThrow().message()).isEqualTo(
        "[DatabricksProfile/InvalidProfileName] profile \"sales\\\\reports\" holds a backslash at index 5. A name"
            + " without control, format or backslash characters is expected (it is shown in messages, logs and"
            + " generated code). Rename it to \"salesreports\".");
    assertThat(ProfileNames.check("profile", "pr\u202eod").orElseThrow().message())
        .contains("holds the invisible format character U+202E at index 2");
    assertThat(ProfileNames.check("profile", "x\ud800").orElseThrow().message())
        .contains("holds the unpaired surrogate U+D800 at index 1");
    assertThat(ProfileNames.check("profile", "\n").orElseThrow().message()).endsWith("Rename it to \"prod\".");
  }

  @Test
  void profileBuilderRefusesTheNameAtRunTime() {
    assertThatThrownBy(() -> Profile.builder("a\nb", HOST).defaultHttpPath(PATH).build(OFF))
        .isInstanceOf(DatabricksProfileException.class)
        .hasMessageContaining(Code.InvalidProfileName.tag() + " profile \"a\\nb\" holds the control character U+000A");
  }

  // --- dbt: the target and profile names, where they are written ---

  private Path yaml(String text) throws IOException {
    Path file = dir.resolve("profiles.yml");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  static String output(String name) {
    return "    '" + name + "':\n      type: databricks\n      host: " + HOST + "\n      http_path: " + PATH + "\n";
  }

  @Test
  void targetNamedInTheFileIsRefusedAtItsPosition() throws IOException {
    String crafted = "prod\\u000aclass X {}";
    Path file = yaml("p:\n  target: '" + crafted + "'\n  outputs:\n" + output(crafted));

    DbtSelection s = DbtProfilesReader.read(file).select("p", null);
    assertThat(s.problems()).extracting(Problem::code).containsExactly(Code.InvalidProfileName);
    assertThat(s.problems().get(0).message()).startsWith(Code.InvalidProfileName.tag()
        + " profiles.yml:2:11: target \"prod\\\\u000aclass X {}\" of profile \"p\" holds a backslash at index 4.");
    assertThatThrownBy(() -> Profiles.load(file, "p", null, OFF))
        .isInstanceOf(DatabricksProfileException.class)
        .hasMessageContaining(Code.InvalidProfileName.tag() + " profiles.yml:2:11: target");
  }

  @Test
  void targetGivenByTheCallerIsRefusedAtItsOutputWhenThereIsOne() throws IOException {
    Path file = yaml("p:\n  outputs:\n" + output("pr\u202eod"));
    assertThat(DbtProfilesReader.read(file).select("p", "pr\u202eod").problems().get(0).message())
        .startsWith(Code.InvalidProfileName.tag() + " profiles.yml:3:5: target \"pr");
    // Not in the file: no position, but still the name's own problem rather than "unknown target".
    assertThat(DbtProfilesReader.read(file).select("p", "x\ny").problems().get(0).message())
        .startsWith(Code.InvalidProfileName.tag() + " target \"x\\ny\" of profile \"p\" holds the control character");
  }

  @Test
  void profileNameIsRefusedAtItsKey() throws IOException {
    Path file = yaml("'a\u2066b':\n  outputs:\n" + output("prod"));
    assertThat(DbtProfilesReader.read(file).select("a\u2066b", "prod").problems().get(0).message())
        .startsWith(Code.InvalidProfileName.tag() + " profiles.yml:1:1: profile \"a");
  }

  @Test
  void aTemplatedTargetIsJudgedAfterRendering() throws IOException {
    Path file = yaml("p:\n  target: \"{{ env_var('T') }}\"\n  outputs:\n" + output("a\\b"));
    DbtSelection s = DbtProfilesReader.read(file).select("p", null, Map.of("T", "a\\b"));
    assertThat(s.problems()).extracting(Problem::code).containsExactly(Code.InvalidProfileName);
  }
}
