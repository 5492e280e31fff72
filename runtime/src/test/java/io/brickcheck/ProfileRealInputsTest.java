package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import org.junit.jupiter.api.Test;

/** Issue 10 as the runtime shows it: what builds, what throws, and what the exception says. */
class ProfileRealInputsTest {
  /** Strict mode (its probe is BLOCKING, but only open() probes; these tests never open). */
  static final BrickcheckOptions STRICT_NO_PROBE = BrickcheckOptions.builder().strict(true).build();

  /** Kind 1: the standard dbt layout on an unrecognised per-workspace host builds, even strict. */
  @Test
  void theStandardLayoutBuildsAndRoutesTheClusterByItsPath() {
    Profile profile = Profile.builder("prod", "acme-prod.cloud.databricks.com")
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8")
        .compute("python", "sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh")
        .build(STRICT_NO_PROBE);

    assertThat(profile.warnings()).as("a note is not a warning").isEmpty();
    assertThat(profile.connection("default").workspaceId()).isEmpty();
    assertThat(profile.connection("python").workspaceId()).contains("1234567890123456");
  }

  /** Kind 2: the mismatch on Azure China throws, with its code. */
  @Test
  void anEmbeddedIdMismatchOnAzureChinaThrows() {
    Profile.Builder builder = Profile.builder("cn", "adb-1234567890123456.7.databricks.azure.cn")
        .defaultHttpPath("/sql/1.0/warehouses/abc?o=999");

    assertThatThrownBy(builder::build).isInstanceOfSatisfying(DatabricksProfileException.class,
        e -> assertThat(e.problems()).extracting(Problem::code).containsExactly(Code.HostWorkspaceMismatch));
  }

  /** Kind 4: the exception names the id from the host and where it goes; nothing says host "". */
  @Test
  void aWorkspaceUrlAsTheHostThrowsNamingTheIdOnly() {
    Profile.Builder builder = Profile.builder("peco", "https://peco.azuredatabricks.net/?o=1234567890123456")
        .hostKind(HostKind.SPOG)
        .defaultHttpPath("/sql/1.0/warehouses/abc")
        .compute("etl", "/sql/1.0/warehouses/def");

    assertThatThrownBy(builder::build).isInstanceOfSatisfying(DatabricksProfileException.class, e -> {
      assertThat(e.problems()).extracting(Problem::code).containsExactly(Code.InvalidHost);
      assertThat(e.getMessage()).contains("carries workspace id \"1234567890123456\"")
          .contains("add ?o=1234567890123456 to httpPath").doesNotContain("host \"\"");
    });
  }

  /** Kinds 6 and 7 are warnings: kept, and errors only in strict mode. */
  @Test
  void nearMissesAndMisreadFormsAreWarningsThatStrictModeRefuses() {
    Profile.Builder builder = Profile.builder("p", "peco.azuredatabricks.net")
        .hostKind(HostKind.WORKSPACE)
        .defaultHttpPath("/sql/1.0/warehouses/abc/")
        .compute("etl", "/sql/1.0/warehouses/def?org=42");

    assertThat(builder.build(BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build()).warnings())
        .extracting(Problem::code).containsExactly(Code.DriverMisreadsHttpPath, Code.WorkspaceKeyNearMiss);
    assertThatThrownBy(() -> builder.build(STRICT_NO_PROBE)).isInstanceOf(DatabricksProfileException.class);
  }

  @Test
  void aHiddenCharacterInAnyValueThrows() {
    Profile.Builder builder = Profile.builder("p", "peco.azuredatabricks.net")
        .defaultHttpPath("/sql/1.0/warehouses/abc\u2066?o=1");

    assertThatThrownBy(builder::build).isInstanceOfSatisfying(DatabricksProfileException.class, e -> {
      assertThat(e.problems()).extracting(Problem::code).containsExactly(Code.HiddenCharacter);
      assertThat(e.getMessage()).contains("abc\\u2066?o=1").doesNotContain("\u2066");
    });
  }
}
