package io.brickcheck.internal.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hostile and malformed files: refused quickly, cleanly, with a position, never by an exception. */
class DbtYamlSafetyTest {
  static final Duration QUICKLY = Duration.ofSeconds(2);

  @Test
  void billionLaughsIsRefusedQuickly() {
    DbtProfilesFile file = assertTimeoutPreemptively(QUICKLY, () -> DbtTestFiles.parse("billion-laughs.yml"));

    assertOnlyFileProblem(file, "[DatabricksProfile/InvalidProfilesFile] billion-laughs.yml:1:1:"
        + " billion-laughs.yml uses more than 50 aliases to lists or mappings, which is how \"billion laughs\""
        + " documents explode in memory. A few anchors at most are expected. Write the values out, or share"
        + " fewer of them.");
  }

  @Test
  void aJavaTagIsRefusedAtItsPositionAndNothingIsConstructed() {
    // ScriptEngineManager would load classes from the URL if it were ever constructed.
    DbtProfilesFile file = assertTimeoutPreemptively(QUICKLY, () -> DbtTestFiles.parse("java-tag.yml"));

    assertOnlyFileProblem(file, "[DatabricksProfile/InvalidProfilesFile] java-tag.yml:4:11: java-tag.yml uses"
        + " the tag \"tag:yaml.org,2002:javax.script.ScriptEngineManager\", which a profiles file cannot use."
        + " Plain YAML values are expected (dbt's safe loader refuses such tags too). Remove the tag.");
  }

  @Test
  void localAndForeignTagsAreRefusedEvenOnKeysBrickcheckIgnores() {
    DbtProfilesFile file = DbtProfilesReader.parse("p:\n  threads: !custom 4\n", "profiles.yml");

    assertOnlyFileProblem(file, "[DatabricksProfile/InvalidProfilesFile] profiles.yml:2:12: profiles.yml uses"
        + " the tag \"!custom\", which a profiles file cannot use. Plain YAML values are expected (dbt's safe"
        + " loader refuses such tags too). Remove the tag.");
    assertThat(DbtProfilesReader.parse("p: !<tag:example.com,2000:x> 1\n", "f.yml").problems()).extracting(Problem::code)
        .containsExactly(Code.InvalidProfilesFile);
  }

  @Test
  void aFiveMegabyteFileIsRefusedBeforeParsing() {
    String huge = "p:\n  pad: \"" + "x".repeat(5 * 1024 * 1024) + "\"\n";

    DbtProfilesFile file = assertTimeoutPreemptively(QUICKLY, () -> DbtProfilesReader.parse(huge, "profiles.yml"));

    assertOnlyFileProblem(file, "[DatabricksProfile/InvalidProfilesFile] profiles.yml:1:1: profiles.yml is "
        + huge.length() + " characters long, more than the 1048576 a profiles file may have. A small dbt"
        + " profiles file is expected. Point Brickcheck at the right file.");
  }

  @Test
  void duplicateKeysAreRefusedNamingBothLines() {
    DbtProfilesFile file = DbtProfilesReader.parse(
        "p:\n  outputs:\n    prod:\n      host: a.example.com\n      host: b.example.com\n", "profiles.yml");

    assertOnlyFileProblem(file, "[DatabricksProfile/InvalidProfilesFile] profiles.yml:5:7: profiles.yml repeats"
        + " the key \"host\", first written at line 4. Each key once per mapping is expected (YAML forbids"
        + " duplicates; dbt would silently keep the last). Remove or rename one of them.");
  }

  @Test
  void deepNestingIsRefused() {
    String deep = "p: " + "[".repeat(200) + "]".repeat(200) + "\n";

    assertOnlyFileProblem(assertTimeoutPreemptively(QUICKLY, () -> DbtProfilesReader.parse(deep, "profiles.yml")),
        "[DatabricksProfile/InvalidProfilesFile] profiles.yml:1:1: profiles.yml nests lists or mappings more"
            + " than 32 levels deep. A profiles file is about six levels deep. Check the indentation and the"
            + " brackets.");
  }

  @Test
  void rootsThatAreNotMappingsAreRefused() {
    assertOnlyFileProblem(DbtProfilesReader.parse("- jaffle_shop\n- other\n", "profiles.yml"),
        "[DatabricksProfile/InvalidProfilesFile] profiles.yml:1:1: profiles.yml must be a mapping from profile"
            + " names to profiles, found a list. A mapping such as jaffle_shop: is expected. Write each profile"
            + " name at the start of a line, followed by \":\".");
    assertThat(DbtProfilesReader.parse("just text\n", "profiles.yml").problems().get(0).message()).contains("found text");
    assertOnlyFileProblem(DbtProfilesReader.parse("# nothing but a comment\n", "profiles.yml"),
        "[DatabricksProfile/InvalidProfilesFile] profiles.yml:1:1: profiles.yml is empty. A mapping from profile"
            + " names to profiles is expected. Add a profile, such as jaffle_shop: with target: and outputs:.");
  }

  @Test
  void syntaxErrorsGiveSnakeYamlsReasonWithoutTheSourceLine() {
    DbtProfilesFile file = DbtProfilesReader.parse("p:\n  token: \"dapiMARKER\\q\"\n", "profiles.yml");

    assertThat(file.problems()).singleElement().satisfies(p -> {
      assertThat(p.message()).startsWith("[DatabricksProfile/InvalidProfilesFile] profiles.yml:2:22: profiles.yml"
          + " is not valid YAML: \"found unknown escape character q(113)\".");
      assertThat(p.message()).doesNotContain("dapiMARKER");
    });
    assertThat(DbtProfilesReader.parse("a: b: c\n", "profiles.yml").problems().get(0).message())
        .startsWith("[DatabricksProfile/InvalidProfilesFile] profiles.yml:1:5: profiles.yml is not valid YAML:"
            + " \"mapping values are not allowed here\".");
    assertThat(DbtProfilesReader.parse("a: 1\n---\nb: 2\n", "profiles.yml").problems()).extracting(Problem::code)
        .containsExactly(Code.InvalidProfilesFile);
  }

  @Test
  void aByteOrderMarkIsInvisibleToPositions() {
    DbtProfilesFile file = DbtProfilesReader.parse("\ufeff" + DbtTestFiles.text("happy.yml"), "profiles.yml");

    assertThat(file.select("jaffle_shop", null).output().host().position()).hasToString("profiles.yml:6:13");
  }

  @Test
  void secretsNeverAppearInAnyMessageOrToString() {
    DbtProfilesFile file = DbtTestFiles.parse("secrets.yml");
    DbtSelection selection = file.select("p", null);
    List<Object> printable = new ArrayList<>();
    printable.add(file);
    printable.add(selection);
    printable.add(selection.output());
    printable.addAll(selection.output().secrets());
    printable.add(selection.checkStatically(HostClassification.UNKNOWN));
    printable.add(selection.check(Map.of(), HostClassification.UNKNOWN));
    printable.add(selection.check(Map.of("ETL", "/sql/1.0/warehouses/e?o=1"), HostClassification.UNKNOWN));
    printable.add(selection.toSpec(Map.of("ETL", "x")));
    // Errors raised on the secret lines themselves.
    for (String broken : new String[] {
        "p:\n  outputs:\n    t:\n      token: \"{{ env_var('A') | MARKERSECRET9 }}\"\n      type: databricks\n",
        "p:\n  outputs:\n    t:\n      token: \"{{ MARKERSECRET9\"\n      host: [x]\n",
        "p:\n  outputs:\n    t:\n      token: MARKERSECRET9\n      token: MARKERSECRET9\n"}) {
      DbtProfilesFile f = DbtProfilesReader.parse(broken, "profiles.yml");
      printable.add(f);
      printable.add(f.select("p", "t"));
    }

    assertThat(selection.output().secrets()).extracting(DbtSecret::key, DbtSecret::source).containsExactly(
        org.assertj.core.groups.Tuple.tuple("token", DbtSecret.Source.LITERAL),
        org.assertj.core.groups.Tuple.tuple("client_id", DbtSecret.Source.ENV_VAR),
        org.assertj.core.groups.Tuple.tuple("client_secret", DbtSecret.Source.UNSUPPORTED),
        org.assertj.core.groups.Tuple.tuple("azure_client_secret", DbtSecret.Source.UNSUPPORTED));
    assertThat(printable).allSatisfy(o -> assertThat(String.valueOf(o)).doesNotContain("MARKERSECRET"));
  }

  static void assertOnlyFileProblem(DbtProfilesFile file, String message) {
    assertThat(file.isReadable()).isFalse();
    assertThat(file.problems()).extracting(Problem::message).containsExactly(message);
    assertThat(file.select("jaffle_shop", null).problems()).isEqualTo(file.problems());
  }
}
