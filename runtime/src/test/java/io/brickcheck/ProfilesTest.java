package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brickcheck.internal.dbt.DbtProfilesReader;
import io.brickcheck.internal.dbt.DbtSelection;
import io.brickcheck.internal.dbt.GeneratedDbtOutput;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Profiles}: profiles read from a dbt profiles.yml at run time. Probe OFF throughout. */
class ProfilesTest {
  private static final BrickcheckOptions OFF = BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build();

  @TempDir Path dir;

  private Path copy(String resource) throws IOException {
    Path file = dir.resolve("profiles.yml");
    try (InputStream in = ProfilesTest.class.getResourceAsStream("/dbt/" + resource)) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  private static Code codeOf(DatabricksProfileException e) {
    return e.problems().get(0).code();
  }

  @Test
  void loadGivesTheSameConnectionsAsAProfileBuiltFromTheSameValues() throws IOException {
    Profile loaded = Profiles.load(copy("happy.yml"), "jaffle_shop", null, OFF);
    Profile built =
        Profile.builder("jaffle_shop.prod", "peco.azuredatabricks.net")
            .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492")
            .compute("Cluster1", "sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh")
            .build(OFF);
    assertThat(loaded.computeNames()).containsExactly("default", "Cluster1");
    assertThat(loaded.connection("default")).isEqualTo(built.connection("default"));
    assertThat(loaded.connection("Cluster1")).isEqualTo(built.connection("Cluster1"));
    assertThat(loaded.workspaceId()).contains("6436897454825492");
  }

  @Test
  void anUnknownProfileFailsWithItsCodeAndFilePosition() throws IOException {
    Path file = copy("happy.yml");
    assertThatThrownBy(() -> Profiles.load(file, "jafle_shop", null, OFF))
        .isInstanceOfSatisfying(DatabricksProfileException.class, e -> {
          assertThat(codeOf(e)).isEqualTo(Code.UnknownDbtProfile);
          assertThat(e.getMessage()).contains("profiles.yml:1:1:").contains("Did you mean \"jaffle_shop\"?");
        });
  }

  @Test
  void aMissingFileFailsWithProfilesFileNotFound() {
    assertThatThrownBy(() -> Profiles.load(dir.resolve("nope.yml"), "jaffle_shop", null, OFF))
        .isInstanceOfSatisfying(DatabricksProfileException.class,
            e -> assertThat(codeOf(e)).isEqualTo(Code.ProfilesFileNotFound));
  }

  @Test
  void anUnsetVariableWithoutDefaultFailsWithMissingEnvironmentVariableAtItsColumn() throws IOException {
    Path file = copy("deferred.yml");
    assertThatThrownBy(() -> Profiles.load(file, "jaffle_shop", null, Map.of(), OFF))
        .isInstanceOfSatisfying(DatabricksProfileException.class, e -> {
          assertThat(codeOf(e)).isEqualTo(Code.MissingEnvironmentVariable);
          assertThat(e.getMessage()).contains("profiles.yml:7:39:").contains("\"WH\"");
        });
  }

  @Test
  void templatesRenderFromTheEnvironmentGiven() throws IOException {
    Profile p = Profiles.load(copy("deferred.yml"), "jaffle_shop", null, Map.of("WH", "a1b2c3d4e5f6a7b8"), OFF);
    assertThat(p.connection("default").httpPath())
        .isEqualTo("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492");
    assertThat(p.host().baseUrl()).isEqualTo("https://peco.azuredatabricks.net");
  }

  @Test
  void fromDbtDefaultsReadsDbtProfilesDirFirst() throws IOException {
    copy("happy.yml");
    Profile p = Profiles.fromDbtDefaults("jaffle_shop", "prod",
        Map.of("DBT_PROFILES_DIR", dir.toString()), dir.resolve("elsewhere"), null, OFF);
    assertThat(p.name()).isEqualTo("jaffle_shop.prod");
  }

  @Test
  void fromDbtDefaultsFallsBackToTheWorkingDirectoryThenHome() throws IOException {
    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve(".dbt"));
    try (InputStream in = ProfilesTest.class.getResourceAsStream("/dbt/happy.yml")) {
      Files.write(home.resolve(".dbt/profiles.yml"), in.readAllBytes());
    }
    Profile p = Profiles.fromDbtDefaults("jaffle_shop", null, Map.of(), dir.resolve("work"), home, OFF);
    assertThat(p.computeNames()).containsExactly("default", "Cluster1");
  }

  @Test
  void fromDbtDefaultsListsEveryPlaceLookedWhenNothingIsFound() {
    Path home = dir.resolve("home");
    assertThatThrownBy(() -> Profiles.fromDbtDefaults("jaffle_shop", null, Map.of(), dir, home, OFF))
        .isInstanceOfSatisfying(DatabricksProfileException.class, e -> {
          assertThat(codeOf(e)).isEqualTo(Code.ProfilesFileNotFound);
          assertThat(e.getMessage()).contains("(the working directory)").contains("(~/.dbt)");
        });
  }

  @Test
  void aLiteralSecretInTheFileNeverReachesTheProfileOrItsErrors() throws IOException {
    String marker = "dapi-MARKER-7f3e9c";
    Path file = dir.resolve("profiles.yml");
    Files.writeString(file, String.join("\n",
        "p:",
        "  target: prod",
        "  outputs:",
        "    prod:",
        "      type: databricks",
        "      host: peco.azuredatabricks.net",
        "      http_path: /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492",
        "      token: " + marker,
        "      client_secret: \"{{ var('" + marker + "') }}\"",
        ""));
    Profile p = Profiles.load(file, "p", null, OFF);
    assertThat(p.toString()).doesNotContain(marker);
    assertThat(p.connection("default").toString()).doesNotContain(marker);
    assertThat(p.status().toString()).doesNotContain(marker);
    assertThatThrownBy(() -> Profiles.load(file, "p", "prdo", OFF))
        .isInstanceOf(DatabricksProfileException.class)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(marker));
  }

  /** What a generated factory hands over must fail and succeed exactly as the reader does. */
  @Test
  void anOutputRebuiltByDbtTemplatesFailsWithTheReadersCodesAndPositions() throws IOException {
    String yaml = new String(ProfilesTest.class.getResourceAsStream("/dbt/deferred.yml").readAllBytes(),
        StandardCharsets.UTF_8);
    DbtSelection read = DbtProfilesReader.parse(yaml, "profiles.yml").select("jaffle_shop", "prod");
    DbtSelection rebuilt = GeneratedDbtOutput.builder("profiles.yml", "jaffle_shop", "prod", "4:5")
        .host("{{ env_var('DATABRICKS_HOST', 'peco.azuredatabricks.net') }}", "6:13", "6:14")
        .defaultHttpPath("/sql/1.0/warehouses/{{ env_var('WH') }}?o=6436897454825492", "7:18", "7:39")
        .compute("Cluster1", "10:9",
            "sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh", "11:22")
        .selection();
    // Everything but the secrets, which never reach generated code.
    assertThat(rebuilt.output().values()).isEqualTo(read.output().values());
    assertThat(rebuilt.output().computes()).isEqualTo(read.output().computes());
    assertThat(rebuilt.output().position()).isEqualTo(read.output().position());
    assertThat(rebuilt.output().secrets()).isEmpty();

    DatabricksProfileException fromRebuilt = catchMissing(rebuilt);
    DatabricksProfileException fromFile = catchMissing(read);
    assertThat(fromRebuilt.problems().stream().map(Problem::message))
        .containsExactlyElementsOf(fromFile.problems().stream().map(Problem::message).toList());

    Map<String, String> env = Map.of("WH", "a1b2c3d4e5f6a7b8");
    // Through the door generated factories use, as they use it.
    Profile a = io.brickcheck.internal.profiles.ProfileSources.fromDbt(rebuilt, HostKind.AUTO, env, OFF);
    Profile b = Profiles.fromDbt(read, HostKind.AUTO, env, OFF);
    assertThat(a.connection("Cluster1")).isEqualTo(b.connection("Cluster1"));
    assertThat(a.connection("default")).isEqualTo(b.connection("default"));
  }

  /** Issue 10 kind 8 at run time: filtered host, dbt compute names, secrets named not valued. */
  @Test
  void loadRendersFiltersAndKeepsDbtComputeNames() throws IOException {
    Path file = copy("as-written.yml");
    Profile p = Profiles.load(file, "analytics", null,
        Map.of("DATABRICKS_HOST", "https://peco.azuredatabricks.net/", "DATABRICKS_TOKEN", "dapi-run"), OFF);

    assertThat(p.host().baseUrl()).isEqualTo("https://peco.azuredatabricks.net");
    assertThat(p.computeNames()).containsExactly("default", "etl.hourly", "2xl_warehouse");
    assertThat(p.connection("2xl_warehouse").httpPath()).isEqualTo("/sql/1.0/warehouses/x1?o=6436897454825492");
    assertThat(p.warnings()).isEmpty();

    Profile noToken = Profiles.load(file, "analytics", null,
        Map.of("DATABRICKS_HOST", "https://peco.azuredatabricks.net/"), OFF);
    assertThat(noToken.warnings()).extracting(Problem::code).containsExactly(Code.MissingSecretVariable);
    // Strict mode throws before any probe runs: the warning is an error there.
    BrickcheckOptions strict = BrickcheckOptions.builder().strict(true).build();
    assertThatThrownBy(() -> Profiles.load(file, "analytics", null,
            Map.of("DATABRICKS_HOST", "https://peco.azuredatabricks.net/"), strict))
        .isInstanceOfSatisfying(DatabricksProfileException.class,
            e -> assertThat(codeOf(e)).isEqualTo(Code.MissingSecretVariable));
  }

  @Test
  void loadWithoutSecretsThrowsEveryErrorOfTheTargetAtOnce() throws IOException {
    Path file = copy("as-written.yml");
    assertThatThrownBy(() -> Profiles.load(file, "analytics", "ci", Map.of("DBT_TOKEN", "dapi-x"), OFF))
        .isInstanceOfSatisfying(DatabricksProfileException.class, e -> {
          assertThat(e.problems()).extracting(Problem::code).containsExactly(Code.MissingEnvironmentVariable,
              Code.MissingEnvironmentVariable, Code.InvalidComputeName, Code.InvalidWorkspaceId);
          assertThat(e.getMessage()).contains("profiles.yml:7:14:").contains("profiles.yml:8:18:")
              .doesNotContain("dapi");
        });
  }

  private static DatabricksProfileException catchMissing(DbtSelection selection) {
    try {
      // The door generated factories use: the exception passes through it as it is.
      io.brickcheck.internal.profiles.ProfileSources.fromDbt(selection, HostKind.AUTO, Map.of(), OFF);
    } catch (DatabricksProfileException e) {
      assertThat(codeOf(e)).isEqualTo(Code.MissingEnvironmentVariable);
      return e;
    }
    throw new AssertionError("expected MissingEnvironmentVariable");
  }
}
