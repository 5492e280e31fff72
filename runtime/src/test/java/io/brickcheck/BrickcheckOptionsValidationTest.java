package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Issue 11.10: options are validated when built, so options that build are options every profile
 * accepts. Before, {@code probeBudget(10 min)} built and {@code Profile.build} then threw from deep
 * inside the probe's settings.
 */
class BrickcheckOptionsValidationTest {
  static Profile profileWith(BrickcheckOptions options) {
    return Profile.builder("opts", "https://adb-6436897454825492.12.azuredatabricks.net")
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8").build(options);
  }

  @Test
  void theIssuesExampleFailsAtTheSetterNamingTheOptionAndRange() {
    assertThatThrownBy(() -> BrickcheckOptions.builder().probeBudget(Duration.ofMinutes(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("probeBudget must be above 0 and at most PT5M, got PT10M");
  }

  @Test
  void everyOutOfRangeValueFailsWhenSetOrBuilt() {
    List<UnaryOperator<BrickcheckOptions.Builder>> bad = List.of(
        b -> b.probeBudget(Duration.ofMinutes(5).plusNanos(1)),
        b -> b.probeBudget(Duration.ZERO),
        b -> b.probeBudget(Duration.ofSeconds(-1)),
        b -> b.probeAttemptTimeout(Duration.ofHours(1)),
        b -> b.probeAttemptTimeout(Duration.ZERO),
        b -> b.probeSuccessTtl(Duration.ofDays(8)),
        b -> b.probeSuccessTtl(Duration.ZERO),
        b -> b.probeFailureTtl(Duration.ofDays(2)),
        b -> b.probeFailureTtl(Duration.ofNanos(-1)),
        b -> b.probeCacheMaxHosts(0),
        b -> b.probeCacheMaxHosts(-5),
        b -> b.probeCacheMaxHosts(1_000_001));
    for (UnaryOperator<BrickcheckOptions.Builder> change : bad) {
      assertThatThrownBy(() -> change.apply(BrickcheckOptions.builder()).build())
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> BrickcheckOptions.builder().strict(true).probeMode(ProbeMode.ASYNC).build())
        .isInstanceOf(IllegalStateException.class);
  }

  /** Whatever builds, at the edges of every range, is accepted by Profile.build in every probe mode. */
  @Test
  void optionsThatBuildAreAcceptedByEveryProfile() {
    List<UnaryOperator<BrickcheckOptions.Builder>> edges = List.of(
        b -> b.probeBudget(Duration.ofMinutes(5)).probeAttemptTimeout(Duration.ofMinutes(5)),
        b -> b.probeBudget(Duration.ofNanos(1)),
        b -> b.probeAttemptTimeout(Duration.ofMinutes(5)), // above the 2 s budget: cut to it
        b -> b.probeSuccessTtl(Duration.ofDays(7)).probeFailureTtl(Duration.ofDays(1)),
        b -> b.probeSuccessTtl(Duration.ofNanos(1)).probeFailureTtl(Duration.ofNanos(1)),
        b -> b.probeCacheMaxHosts(1),
        b -> b.probeCacheMaxHosts(1_000_000),
        b -> b.strict(true));
    for (UnaryOperator<BrickcheckOptions.Builder> change : edges) {
      for (ProbeMode mode : ProbeMode.values()) {
        BrickcheckOptions.Builder b = change.apply(BrickcheckOptions.builder());
        if (b.build().strict() && mode != ProbeMode.BLOCKING) {
          continue;
        }
        BrickcheckOptions options = change.apply(BrickcheckOptions.builder().probeMode(mode)).build();
        assertThat(profileWith(options).options()).isSameAs(options);
      }
    }
  }

  @Test
  void theAttemptTimeoutIsCutToTheBudgetAndTheCacheBoundIsCarried() {
    BrickcheckOptions o = BrickcheckOptions.builder().probeBudget(Duration.ofMillis(300))
        .probeAttemptTimeout(Duration.ofSeconds(1)).probeCacheMaxHosts(77).build();
    assertThat(o.probeAttemptTimeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(o.probeCacheMaxHosts()).isEqualTo(77);
    assertThat(o.toBuilder().build().probeCacheMaxHosts()).isEqualTo(77);
    assertThat(o.toString()).contains("probeCacheMaxHosts=77");
  }
}
