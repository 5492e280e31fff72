package io.brickcheck.internal.probe;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issue 11.9: the heap one probe holds after probing N distinct hosts (default 10 000), with the
 * cache bound effectively off (1 000 000, the behaviour before the bound) and at the default 1024.
 * Real probes over loopback ({@link ManyLoopbackHosts}); heap measured after repeated GCs, with the
 * probe still reachable. A measurement, not a test: nothing here asserts.
 *
 * <pre>
 * ./mvnw -B -ntp -o test-compile -pl gateway,runtime
 * ./mvnw -B -ntp -o -q -pl runtime \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -Xmx512m -cp runtime/target/test-classes:runtime/target/classes:$(cat runtime/target/bench.cp) \
 *     io.brickcheck.internal.probe.ProbeCacheMemoryBench [hosts]
 * </pre>
 */
public final class ProbeCacheMemoryBench {
  private ProbeCacheMemoryBench() {}

  public static void main(String[] args) throws Exception {
    int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    System.out.printf("JDK %s, %d hosts%n", System.getProperty("java.version"), hosts);
    for (int max : new int[] {ProbeSettings.MAX_CACHED_HOSTS_LIMIT, ProbeSettings.DEFAULT_MAX_CACHED_HOSTS}) {
      measure(hosts, max);
    }
    System.exit(0);
  }

  private static void measure(int n, int max) throws Exception {
    try (ManyLoopbackHosts hosts = new ManyLoopbackHosts()) {
      okhttp3.OkHttpClient base = hosts.client(); // the probe's client shares its connection pool
      DiscoveryProbe probe = DiscoveryProbe.builder().httpClient(base)
          .settings(ProbeSettings.builder().maxCachedHosts(max).build()).warningSink(line -> { }).build();
      // Warm-up outside the measurement: classes, pools, the connection pool's own structures.
      for (int i = 0; i < 50; i++) {
        probe.probeAndWait(hosts.host(1_000_000 + i));
      }
      long before = usedAfterGc();
      AtomicInteger failures = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      long start = System.nanoTime();
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
          int first = t;
          done.add(pool.submit(() -> {
            for (int i = first; i < n; i += 16) {
              if (!probe.probeAndWait(hosts.host(i)).succeeded()) {
                failures.incrementAndGet();
              }
            }
          }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      base.connectionPool().evictAll(); // idle sockets are not the cache's
      long after = usedAfterGc();
      System.out.printf("maxCachedHosts=%,d: %,d hosts probed in %.1f s (%d failed), %,d held, heap +%.1f MB (%.0f bytes/host held)%n",
          max, n, seconds, failures.get(), probe.size(), (after - before) / 1e6,
          probe.size() == 0 ? 0.0 : (after - before) / (double) probe.size());
      probe.close();
    }
  }

  private static long usedAfterGc() throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
