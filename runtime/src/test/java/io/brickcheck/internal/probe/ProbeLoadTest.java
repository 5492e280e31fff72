package io.brickcheck.internal.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.Host;
import io.brickcheck.internal.rules.HostParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7, load: 64 threads x 10 000 probe calls across 100 jittery loopback hosts, in two TTL
 * periods (a fake ticker moves past the TTL between them). No deadlock (every thread ends within a
 * bounded wait), each host is asked exactly once per period, and each failing host's warning is
 * given exactly once per period: none lost, none doubled.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ProbeLoadTest {
  static final int THREADS = 64;
  static final int CALLS_PER_THREAD = 10_000;
  static final int HOSTS = 100;

  @Test
  void sixtyFourThreadsTenThousandCallsAHundredHostsTwoTtlPeriods() throws Exception {
    ProbeTestSupport.FakeTicker ticker = new ProbeTestSupport.FakeTicker();
    ProbeTestSupport.Warnings warnings = new ProbeTestSupport.Warnings();
    Duration ttl = Duration.ofHours(1);
    ProbeSettings settings = ProbeSettings.builder().budget(Duration.ofSeconds(20))
        .attemptTimeout(Duration.ofSeconds(10)).successTtl(ttl).failureTtl(ttl).build();
    try (JitteryHosts servers = new JitteryHosts(HOSTS, 30, i -> i % 10 == 0);
        DiscoveryProbe probe = DiscoveryProbe.builder().settings(settings).ticker(ticker::read)
            .warningSink(warnings::accept).build()) {
      List<Host> hosts = new ArrayList<>();
      for (int i = 0; i < HOSTS; i++) {
        hosts.add(HostParser.parse(servers.baseUrl(i)).host());
      }
      Map<Host, AtomicLong> failuresSeen = new ConcurrentHashMap<>();
      CyclicBarrier endOfPeriod = new CyclicBarrier(THREADS, () -> {
        // Every probe of this period has finished (each thread waited for all hosts), so moving
        // the ticker now starts a clean second period.
        ticker.advance(ttl.plusSeconds(1));
      });
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      long start = System.nanoTime();
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          done.add(pool.submit(() -> {
            for (int period = 0; period < 2; period++) {
              for (int n = 0; n < CALLS_PER_THREAD / 2; n++) {
                Host host = hosts.get((thread * 7919 + n) % HOSTS);
                ProbeResult r = (n % 3 == 0) ? probe.probeAndWait(host) : probe.probe(host).join();
                if (!r.succeeded()) {
                  failuresSeen.computeIfAbsent(host, h -> new AtomicLong()).incrementAndGet();
                }
              }
              for (Host h : hosts) {
                probe.probeAndWait(h); // this period's probes are all finished
              }
              endOfPeriod.await(60, TimeUnit.SECONDS);
            }
            return null;
          }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(75, TimeUnit.SECONDS)).as("no deadlock: all threads ended").isTrue();
        for (Future<?> f : done) {
          f.get(); // rethrows any assertion or barrier failure
        }
      } finally {
        pool.shutdownNow();
      }
      System.out.printf("load: %d probe calls over %d hosts in %d ms%n", (long) THREADS * CALLS_PER_THREAD,
          HOSTS, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));

      for (int i = 0; i < HOSTS; i++) {
        assertThat(servers.requests(i)).as("discovery requests to host %d over two TTL periods", i).isEqualTo(2);
        boolean failing = i % 10 == 0;
        String base = hosts.get(i).baseUrl();
        long warned = warnings.lines.stream().filter(l -> l.contains("\"" + base + "\"")).count();
        assertThat(warned).as("warnings for host %d", i).isEqualTo(failing ? 2 : 0);
        assertThat(failuresSeen.containsKey(hosts.get(i))).as("host %d failed", i).isEqualTo(failing);
      }
      assertThat(warnings.lines).hasSize(2 * HOSTS / 10);
    }
  }
}
