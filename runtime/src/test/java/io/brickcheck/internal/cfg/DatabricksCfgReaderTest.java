package io.brickcheck.internal.cfg;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.HostKind;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The strict INI reader: what the CLI (go-ini) and the Java SDK (INIConfiguration) both read, with positions. */
class DatabricksCfgReaderTest {
  @TempDir Path dir;

  @Test
  void readsSectionsKeysAndValuesWithTheirPositions() {
    DatabricksCfgFile file = DatabricksCfg.parse(String.join("\n",
        "; written by databricks auth login",
        "[DEFAULT]",
        "host  = https://adb-1234567890123456.7.azuredatabricks.net/",
        "",
        "  [ prod ]   # the SPOG profile",
        "host: https://peco.azuredatabricks.net",
        "workspace_id = \"6436897454825492\"",
        "warehouse_id = a1b2c3d4e5f6a7b8 ; inline comment",
        "token = dapiSECRET"), "cfg");

    assertThat(file.isReadable()).isTrue();
    assertThat(file.profileNames()).containsExactly("DEFAULT", "prod");
    CfgSection prod = file.sections("prod").get(0);
    assertThat(prod.origin()).hasToString("cfg:5:3");
    assertThat(prod.entry("host").orElseThrow().value()).isEqualTo("https://peco.azuredatabricks.net");
    assertThat(prod.entry("host").orElseThrow().valueOrigin()).hasToString("cfg:6:7");
    assertThat(prod.entry("workspace_id").orElseThrow().value()).isEqualTo("6436897454825492");
    assertThat(prod.entry("workspace_id").orElseThrow().valueOrigin()).hasToString("cfg:7:17");
    assertThat(prod.entry("warehouse_id").orElseThrow().value()).isEqualTo("a1b2c3d4e5f6a7b8");
    CfgEntry token = prod.entry("token").orElseThrow();
    assertThat(token.secret()).isTrue();
    assertThat(token.present()).isTrue();
    assertThat(token.value()).isNull();
    assertThat(token.toString()).doesNotContain("SECRET");
    assertThat(prod.problems()).isEmpty();
  }

  @Test
  void columnsCountCodePointsAndABomIsSkipped() {
    DatabricksCfgFile file = DatabricksCfg.parse("\ufeff[p]\n# \ud83d\ude00\nhost=\u00e9x\u00e9\nworkspace_id = 1 # \ud83d\ude00", "f");
    CfgSection p = file.sections("p").get(0);
    assertThat(p.origin()).hasToString("f:1:1");
    assertThat(p.entry("host").orElseThrow().valueOrigin()).hasToString("f:3:6");
    assertThat(p.entry("workspace_id").orElseThrow().value()).isEqualTo("1");
  }

  @Test
  void aLineThatIsNoneOfTheFormsFailsTheWholeFileAtItsPosition() {
    DatabricksCfgFile file = DatabricksCfg.parse("[p]\nhost = h\n   just some words\n", "cfg");
    assertThat(file.isReadable()).isFalse();
    assertThat(file.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.InvalidConfigFile);
      assertThat(p.message()).startsWith("[DatabricksProfile/InvalidConfigFile] cfg:3:4: line 3 is neither a [section],");
    });
  }

  @Test
  void anUnclosedHeaderFailsTheWholeFile() {
    assertThat(DatabricksCfg.parse("[prod\nhost = h", "cfg").problems()).singleElement()
        .extracting(Problem::message).asString()
        .startsWith("[DatabricksProfile/InvalidConfigFile] cfg:1:1: section header \"[prod\" is not [name].");
    assertThat(DatabricksCfg.parse("[prod] host = h", "cfg").isReadable()).isFalse();
    assertThat(DatabricksCfg.parse("[prod] ; fine", "cfg").isReadable()).isTrue();
  }

  @Test
  void aValueTheCliAndTheJavaSdkReadDifferentlyIsRefusedInTheSelectedProfileOnly() {
    String text = "[other]\nhost = https://x.example.com;y\n[p]\nhost = https://peco.azuredatabricks.net\n"
        + "warehouse_id = abc#def\ntoken = dapi;SECRET\n";
    CfgReport report = CfgFiles.check(dir, text, "p");
    assertThat(report.report().problems()).filteredOn(p -> p.code() == Code.InvalidConfigFile)
        .extracting(Problem::message)
        .containsExactly(
            "[DatabricksProfile/InvalidConfigFile] " + dir.resolve(".databrickscfg") + ":5:16: the value \"abc#def\" of"
                + " \"warehouse_id\" contains \"#\" without a blank before it: the Databricks CLI (go-ini) cuts the value"
                + " there, the Java SDK (INIConfiguration) keeps it. A value both read alike is expected. Put the value"
                + " in double quotes, or a blank before an inline comment.",
            "[DatabricksProfile/InvalidConfigFile] " + dir.resolve(".databrickscfg") + ":6:9: the value of \"token\""
                + " contains \";\" without a blank before it: the Databricks CLI (go-ini) cuts the value there, the Java"
                + " SDK (INIConfiguration) keeps it. A value both read alike is expected. Put the value in double"
                + " quotes, or a blank before an inline comment.");
    assertThat(report.report().problems().toString()).doesNotContain("SECRET");
    // The same text inside quotes is read alike by both.
    assertThat(CfgFiles.check(dir, "[p]\nhost = https://peco.azuredatabricks.net\nwarehouse_id = \"abc\"\n", "p")
        .report().problems()).noneMatch(p -> p.code() == Code.InvalidConfigFile);
  }

  @Test
  void repeatedKeysHeadersContinuationsAndKeysBeforeAnyHeaderAreRefused() {
    String file = dir.resolve(".databrickscfg").toString();
    assertThat(messages(CfgFiles.check(dir, "[p]\nhost = a.example.com\nhost = b.example.com\nwarehouse_id = w\n", "p")))
        .contains("[DatabricksProfile/InvalidConfigFile] " + file + ":3:1: key \"host\" is given again, first at line 2."
            + " Each key once per profile is expected (the Databricks CLI keeps the last, the Java SDK the first)."
            + " Remove one of them.");
    assertThat(messages(CfgFiles.check(dir, "[p]\nhost = a.example.com\n[q]\n[p]\nwarehouse_id = w\n", "p")))
        .containsExactly("[DatabricksProfile/InvalidConfigFile] " + file + ":4:1: profile \"p\" is given again, first at"
            + " line 1. One [p] section is expected (the Databricks CLI merges them, the Java SDK takes one). Merge"
            + " them into one.");
    assertThat(messages(CfgFiles.check(dir, "[p]\nhost = a.example.com\\\n  .net\nwarehouse_id = w\n", "p")))
        .anyMatch(m -> m.startsWith("[DatabricksProfile/InvalidConfigFile] " + file + ":2:8: the value \"a.example.com.net\""
            + " of \"host\" ends in \"\\\", so the CLI and the SDKs join it with the next line."));
    assertThat(messages(CfgFiles.check(dir, "host = a.example.com\nwarehouse_id = w\n[p]\n", null)))
        .anyMatch(m -> m.startsWith("[DatabricksProfile/InvalidConfigFile] " + file + ":1:1: key \"host\" comes before any"
            + " [section] header. The Databricks CLI reads it as part of [DEFAULT], the Java SDK ignores it."));
  }

  @Test
  void keysAreCaseSensitiveAsInTheSdksAndANearSpellingIsAWarning() {
    CfgReport report = CfgFiles.check(dir, "[p]\nHost = https://peco.azuredatabricks.net\nhost = peco.azuredatabricks.net\n"
        + "warehouse-id = abc\nwarehouse_id = abc\n", "p");
    String file = dir.resolve(".databrickscfg").toString();
    assertThat(report.report().problems()).filteredOn(p -> p.code() == Code.MisspelledConfigKey)
        .extracting(Problem::message)
        .containsExactly(
            "[DatabricksProfile/MisspelledConfigKey] " + file + ":2:1: key \"Host\" is not read by the Databricks CLI or"
                + " SDKs, which compare keys exactly. \"host\" is expected. Rename it to host.",
            "[DatabricksProfile/MisspelledConfigKey] " + file + ":4:1: key \"warehouse-id\" is not read by the"
                + " Databricks CLI or SDKs, which compare keys exactly. \"warehouse_id\" is expected. Rename it to"
                + " warehouse_id.");
    assertThat(report.report().hasErrors()).isFalse();
  }

  @Test
  void anUnknownProfileListsTheProfilesAndSuggestsACaseFix() {
    CfgReport report = CfgFiles.check(dir, "[DEFAULT]\n[Prod]\nhost = h.example.com\n", "prod");
    assertThat(messages(report)).containsExactly("[DatabricksProfile/UnknownConfigProfile] profile \"prod\" is not in "
        + dir.resolve(".databrickscfg") + ". Profiles: \"DEFAULT\", \"Prod\". Did you mean \"Prod\"? (names are case-sensitive).");
  }

  @Test
  void aMissingUnreadableOrOversizedFileIsAProblemNotAnException() throws Exception {
    Path missing = dir.resolve("nope.cfg");
    assertThat(DatabricksCfg.read(missing).problems()).singleElement()
        .satisfies(p -> assertThat(p.code()).isEqualTo(Code.ConfigFileNotFound));
    Path latin1 = dir.resolve("latin1.cfg");
    Files.write(latin1, new byte[] {'[', 'p', ']', '\n', 'h', '=', (byte) 0xe9});
    assertThat(DatabricksCfg.read(latin1).problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("is not valid UTF-8"));
    assertThat(DatabricksCfg.parse("x".repeat(CfgReader.MAX_CHARACTERS + 1), "big").problems()).singleElement()
        .satisfies(p -> assertThat(p.code()).isEqualTo(Code.InvalidConfigFile));
    assertThat(DatabricksCfg.fromFile(DatabricksCfg.read(missing), "p").check(HostKind.AUTO.classification()).report().problems())
        .extracting(Problem::code).containsExactly(Code.ConfigFileNotFound);
  }

  static java.util.List<String> messages(CfgReport report) {
    return report.report().problems().stream().map(Problem::message).toList();
  }
}
