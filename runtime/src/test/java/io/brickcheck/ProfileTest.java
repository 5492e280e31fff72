package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.WorkspaceIdSource;
import org.junit.jupiter.api.Test;

class ProfileTest {
  private static final String HOST = "peco.azuredatabricks.net";
  private static final String WAREHOUSE = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=006436897454825492";
  private static final String CLUSTER = "sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh";

  @Test
  void resolvesEveryComputeWithItsCanonicalWorkspaceIdAndSource() {
    Profile profile =
        Profile.builder("analytics", "https://PECO.azuredatabricks.net/")
            .defaultHttpPath(WAREHOUSE)
            .compute("nightly-batch", CLUSTER)
            .build();

    assertThat(profile.computeNames()).containsExactly("default", "nightly-batch");
    assertThat(profile.workspaceId()).contains("6436897454825492");
    assertThat(profile.warnings()).isEmpty();

    DatabricksConnection def = profile.connection("default");
    assertThat(def.profileName()).isEqualTo("analytics");
    assertThat(def.computeName()).isEqualTo("default");
    assertThat(def.host().name()).isEqualTo(HOST);
    assertThat(def.host().baseUrl()).isEqualTo("https://" + HOST);
    assertThat(def.httpPath()).isEqualTo(WAREHOUSE);
    assertThat(def.workspaceId()).contains("6436897454825492");
    assertThat(def.workspaceIdSource()).isEqualTo(WorkspaceIdSource.QUERY);

    DatabricksConnection batch = profile.connection("nightly-batch");
    assertThat(batch.httpPath()).isEqualTo(CLUSTER);
    assertThat(batch.workspaceIdSource()).isEqualTo(WorkspaceIdSource.CLUSTER_PATH);
    assertThat(batch.toString())
        .isEqualTo(
            "DatabricksConnection{profile=analytics, compute=nightly-batch, host=https://" + HOST
                + ", httpPath=" + CLUSTER + ", workspaceId=6436897454825492 (CLUSTER_PATH)}");
  }

  @Test
  void connectionsCompareByValue() {
    Profile a = Profile.builder("p", HOST).defaultHttpPath(WAREHOUSE).build();
    Profile b = Profile.builder("p", HOST.toUpperCase()).defaultHttpPath(WAREHOUSE).build();
    Profile other = Profile.builder("q", HOST).defaultHttpPath(WAREHOUSE).build();

    assertThat(a.connection("default")).isEqualTo(b.connection("default"));
    assertThat(a.connection("default")).hasSameHashCodeAs(b.connection("default"));
    assertThat(a.connection("default")).isNotEqualTo(other.connection("default"));
  }

  @Test
  void unknownComputeNameIsRejectedListingTheValidNames() {
    Profile profile = Profile.builder("p", HOST).defaultHttpPath(WAREHOUSE).compute("etl", WAREHOUSE).build();

    assertThatThrownBy(() -> profile.connection("ETL"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("profile \"p\" has no compute named \"ETL\". Valid names: default, etl");
    assertThatThrownBy(() -> profile.connection(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ruleEngineErrorsThrowWithEveryProblemAndItsCode() {
    Profile.Builder builder =
        Profile.builder("p", "http://peco.azuredatabricks.net")
            .defaultHttpPath("/sql/1.0/warehouses/abc?o=111")
            .compute("etl", "/sql/1.0/warehouses/def?o=222");

    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            DatabricksProfileException.class,
            e -> {
              assertThat(e.problems()).extracting(Problem::code).contains(Code.InvalidHost, Code.ComputeWorkspaceConflict);
              assertThat(e.getMessage()).startsWith("[DatabricksProfile/InvalidHost]");
              assertThat(e.getMessage().lines().count()).isEqualTo(e.problems().size());
            });
  }

  @Test
  void warningsDoNotStopTheProfileAndAreKept() {
    Profile profile = Profile.builder("p", HOST).defaultHttpPath("/gateway/x?o=1").build();

    assertThat(profile.warnings()).extracting(Problem::code).containsExactly(Code.UnrecognizedHttpPath);
    assertThat(profile.connection("default").workspaceId()).contains("1");
  }

  @Test
  void exceptionNeedsAtLeastOneProblem() {
    assertThatThrownBy(() -> new DatabricksProfileException(java.util.List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
