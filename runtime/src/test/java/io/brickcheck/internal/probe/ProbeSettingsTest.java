package io.brickcheck.internal.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The defaults the contract names, and settings that would unbound the probe are refused. */
class ProbeSettingsTest {
  @Test
  void defaultsAreTheContractsNumbers() {
    ProbeSettings s = ProbeSettings.defaults();
    assertThat(s.budget()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.attemptTimeout()).isEqualTo(Duration.ofMillis(750));
    assertThat(s.maxAttempts()).isEqualTo(3);
    assertThat(s.backoffBase()).isEqualTo(Duration.ofMillis(100));
    assertThat(s.successTtl()).isEqualTo(Duration.ofHours(1));
    assertThat(s.failureTtl()).isEqualTo(Duration.ofSeconds(60));
    assertThat(s.maxBodyBytes()).isEqualTo(64 * 1024);
  }

  @Test
  void toBuilderRoundTrips() {
    ProbeSettings s = ProbeSettings.builder().budget(Duration.ofMillis(500)).maxAttempts(1).build();
    assertThat(s.toBuilder().build()).isEqualTo(s).hasSameHashCodeAs(s);
    assertThat(s).isNotEqualTo(ProbeSettings.defaults());
  }

  @Test
  void unboundedOrEmptyValuesAreRefused() {
    ProbeSettings.Builder b = ProbeSettings.builder();
    assertThatThrownBy(() -> b.budget(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.budget(Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.attemptTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxAttempts(11)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.backoffBase(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.maxBodyBytes(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> b.budget(null)).isInstanceOf(NullPointerException.class);
  }
}
