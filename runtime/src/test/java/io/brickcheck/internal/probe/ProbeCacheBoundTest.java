package io.brickcheck.internal.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.Host;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11.9: the probe cache is bounded by size as well as by TTL, least recently used first,
 * through real probes of many distinct loopback hosts ({@link ManyLoopbackHosts}).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ProbeCacheBoundTest {
  final ProbeTestSupport.FakeTicker ticker = new ProbeTestSupport.FakeTicker();

  DiscoveryProbe probe(ManyLoopbackHosts hosts, int max) {
    return DiscoveryProbe.builder()
        .httpClient(hosts.client())
        .settings(ProbeSettings.builder().maxCachedHosts(max).build())
        .ticker(ticker::read)
        .build();
  }

  @Test
  void manyHostsNeverHoldMoreThanTheBound() throws Exception {
    try (ManyLoopbackHosts hosts = new ManyLoopbackHosts(); DiscoveryProbe probe = probe(hosts, 64)) {
      for (int i = 0; i < 600; i++) {
        ProbeResult r = probe.probeAndWait(hosts.host(i));
        assertThat(r.succeeded()).as("host %d: %s", i, r).isTrue();
        assertThat(probe.size()).as("after host %d", i).isLessThanOrEqualTo(64);
        ticker.advance(Duration.ofMillis(200));
      }
      assertThat(hosts.requestsByHost).hasSize(600); // every host really asked once
    }
  }

  @Test
  void theLeastRecentlyUsedGoFirstAHotHostStays() throws Exception {
    try (ManyLoopbackHosts hosts = new ManyLoopbackHosts(); DiscoveryProbe probe = probe(hosts, 16)) {
      Host hot = hosts.host(0);
      probe.probeAndWait(hot);
      for (int i = 1; i < 200; i++) {
        ticker.advance(Duration.ofSeconds(1));
        probe.probeAndWait(hosts.host(i));
        probe.probe(hot).join(); // used all the time: never the least recently used
      }
      assertThat(hosts.requests(hot)).as("the hot host was asked once, never evicted").isEqualTo(1);
      assertThat(probe.cached(hot)).isPresent();
      assertThat(probe.cached(hosts.host(1))).as("a cold early host was evicted").isEmpty();
      assertThat(probe.cached(hosts.host(199))).as("the newest stays").isPresent();

      // An evicted host is simply asked again.
      ProbeResult again = probe.probeAndWait(hosts.host(1));
      assertThat(again.succeeded()).isTrue();
      assertThat(hosts.requests(hosts.host(1))).isEqualTo(2);
    }
  }

  @Test
  void expiredEntriesGoBeforeFreshOnes() throws Exception {
    ProbeSettings settings = ProbeSettings.builder().maxCachedHosts(8).successTtl(Duration.ofMinutes(1)).build();
    try (ManyLoopbackHosts hosts = new ManyLoopbackHosts();
        DiscoveryProbe probe = DiscoveryProbe.builder().httpClient(hosts.client()).settings(settings)
            .ticker(ticker::read).build()) {
      for (int i = 0; i < 8; i++) {
        probe.probeAndWait(hosts.host(i));
      }
      ticker.advance(Duration.ofMinutes(2)); // all eight expired
      probe.probeAndWait(hosts.host(100));
      assertThat(probe.size()).isEqualTo(1);
    }
  }
}
