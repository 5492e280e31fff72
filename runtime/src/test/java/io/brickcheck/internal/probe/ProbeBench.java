package io.brickcheck.internal.probe;

import io.brickcheck.rules.Host;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Measures the probe against loopback servers with its DEFAULT settings (2 s budget, 750 ms per
 * attempt, 3 attempts). A measurement, not a test: nothing here asserts a time.
 *
 * <ol>
 *   <li>How long a BLOCKING caller waits on an endpoint that accepts and never answers, and how
 *       long an ASYNC caller spends getting its future (median over the runs).
 *   <li>How many requests (connections, for the hung endpoint) the server sees when 64 threads
 *       open one cold host at once, and when 64 threads open the same 100 cold hosts at once.
 * </ol>
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * ./mvnw -B -ntp -o test-compile
 * ./mvnw -B -ntp -o -q -pl runtime \
 *     org.apache.maven.plugins:maven-dependency-plugin:3.11.0:build-classpath \
 *     -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.cp
 * java -cp runtime/target/test-classes:runtime/target/classes:$(cat runtime/target/bench.cp) \
 *     io.brickcheck.internal.probe.ProbeBench [runs]
 * </pre>
 */
public final class ProbeBench {
  private static final int THREADS = 64;
  private static final int HOSTS = 100;

  private ProbeBench() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    System.out.printf(
        "machine: %d cores, %s %s (%s), %s %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        System.getProperty("java.vendor"),
        System.getProperty("os.name"),
        System.getProperty("os.arch"));
    System.out.println("settings: " + ProbeSettings.defaults() + "; runs: " + runs);

    hungEndpoint(runs);
    oneColdHost(runs);
    hungHostManyCallers(runs);
    manyColdHosts(runs);
  }

  private static DiscoveryProbe newProbe(AtomicInteger warnings) {
    return DiscoveryProbe.builder().warningSink(line -> warnings.incrementAndGet()).build();
  }

  /** (a) a fresh probe (cold cache) per run against an endpoint that never answers. */
  private static void hungEndpoint(int runs) throws Exception {
    List<Double> blocking = new ArrayList<>();
    List<Double> asyncFresh = new ArrayList<>();
    List<Double> asyncWarmThreads = new ArrayList<>();
    List<ProbeTestSupport.HungServer> servers = new ArrayList<>();
    double warmNanos;
    try {
      for (int i = 0; i < runs; i++) {
        servers.add(new ProbeTestSupport.HungServer());
      }
      AtomicInteger warnings = new AtomicInteger();
      for (ProbeTestSupport.HungServer hung : servers) {
        Host host = ProbeTestSupport.loopbackHost(hung.port());
        try (DiscoveryProbe probe = newProbe(warnings)) {
          long t0 = System.nanoTime();
          ProbeResult r = probe.probeAndWait(host);
          blocking.add((System.nanoTime() - t0) / 1e6);
          if (r.succeeded()) {
            throw new IllegalStateException("a hung endpoint cannot succeed");
          }
        }
        try (DiscoveryProbe probe = newProbe(warnings)) {
          long t0 = System.nanoTime();
          probe.probe(host); // a new instance: its threads start with this call
          asyncFresh.add((System.nanoTime() - t0) / 1e6);
        }
      }
      // One long-lived instance (as in a service): cold hosts while other probes run.
      try (DiscoveryProbe probe = newProbe(warnings)) {
        probe.probe(ProbeTestSupport.loopbackHost(servers.get(0).port()));
        for (int i = 1; i < servers.size(); i++) {
          Host host = ProbeTestSupport.loopbackHost(servers.get(i).port());
          long t0 = System.nanoTime();
          probe.probe(host);
          asyncWarmThreads.add((System.nanoTime() - t0) / 1e6);
        }
        warmNanos = warmCache(probe, ProbeTestSupport.loopbackHost(servers.get(0).port()));
      }
    } finally {
      for (ProbeTestSupport.HungServer s : servers) {
        s.close();
      }
    }
    System.out.printf(
        "(a) never-answering endpoint: BLOCKING caller waits median %.0f ms (min %.0f, max %.0f)%n"
            + "    ASYNC caller, cold host: median %.3f ms on a new instance (starts its threads),"
            + " median %.3f ms on a running instance%n",
        median(blocking),
        Collections.min(blocking),
        Collections.max(blocking),
        median(asyncFresh),
        asyncWarmThreads.isEmpty() ? Double.NaN : median(asyncWarmThreads));
    System.out.printf(
        "    ASYNC caller, cached host: median %.0f ns per probe() (5 rounds of 2,000,000 calls;"
            + " a loop, not JMH)%n",
        warmNanos);
  }

  /** probe() on a host whose result is cached: the path every later open takes. */
  private static double warmCache(DiscoveryProbe probe, Host host) throws Exception {
    probe.probe(host).get(10, TimeUnit.SECONDS); // the failure is now negatively cached
    int n = 2_000_000;
    List<Double> nsPerCall = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      long t0 = System.nanoTime();
      int done = 0;
      for (int i = 0; i < n; i++) {
        done += probe.probe(host).isDone() ? 1 : 0;
      }
      nsPerCall.add((System.nanoTime() - t0) / (double) n);
      if (done != n) {
        throw new IllegalStateException("cache missed");
      }
    }
    return median(nsPerCall);
  }

  /** (b) 64 threads, one cold host answering in 100 ms: requests the server sees. */
  private static void oneColdHost(int runs) throws Exception {
    List<Double> requests = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      try (MockWebServer server = answering()) {
        AtomicInteger warnings = new AtomicInteger();
        try (DiscoveryProbe probe = newProbe(warnings)) {
          Host host = ProbeTestSupport.hostOf(server);
          concurrently(THREADS, () -> probe.probeAndWait(host));
        }
        requests.add((double) server.getRequestCount());
      }
    }
    System.out.printf(
        "(b) %d threads, 1 cold host: median %.0f request(s) seen by the server (max %.0f)%n",
        THREADS, median(requests), Collections.max(requests));
  }

  /** (b') 64 threads, one host that never answers: connections and the threads' wall time. */
  private static void hungHostManyCallers(int runs) throws Exception {
    List<Double> connections = new ArrayList<>();
    List<Double> wall = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      try (ProbeTestSupport.HungServer hung = new ProbeTestSupport.HungServer()) {
        AtomicInteger warnings = new AtomicInteger();
        try (DiscoveryProbe probe = newProbe(warnings)) {
          Host host = ProbeTestSupport.loopbackHost(hung.port());
          long t0 = System.nanoTime();
          concurrently(THREADS, () -> probe.probeAndWait(host));
          wall.add((System.nanoTime() - t0) / 1e6);
        }
        connections.add((double) hung.accepted.size());
      }
    }
    System.out.printf(
        "(b) %d threads, 1 never-answering host: median %.0f connection(s), all callers done in"
            + " median %.0f ms%n",
        THREADS, median(connections), median(wall));
  }

  /** (b'') 64 threads, each opening the same 100 cold hosts (one server per host). */
  private static void manyColdHosts(int runs) throws Exception {
    List<Double> requests = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      List<MockWebServer> servers = new ArrayList<>();
      try {
        List<Host> hosts = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
          MockWebServer s = answering();
          servers.add(s);
          hosts.add(ProbeTestSupport.hostOf(s));
        }
        AtomicInteger warnings = new AtomicInteger();
        try (DiscoveryProbe probe = newProbe(warnings)) {
          concurrently(
              THREADS,
              () -> {
                List<Host> order = new ArrayList<>(hosts);
                Collections.shuffle(order);
                order.forEach(probe::probe);
                order.forEach(probe::probeAndWait);
              });
        }
        requests.add((double) servers.stream().mapToInt(MockWebServer::getRequestCount).sum());
      } finally {
        for (MockWebServer s : servers) {
          s.close();
        }
      }
    }
    System.out.printf(
        "(b) %d threads, %d cold hosts: median %.0f requests in all (max %.0f)%n",
        THREADS, HOSTS, median(requests), Collections.max(requests));
  }

  private static MockWebServer answering() throws IOException {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return new MockResponse.Builder()
                .headersDelay(100, TimeUnit.MILLISECONDS)
                .body("{\"host_type\":\"unified\",\"account_id\":\"a-1\"}")
                .build();
          }
        });
    server.start(java.net.InetAddress.getLoopbackAddress(), 0);
    return server;
  }

  private static void concurrently(int threads, Runnable task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  task.run();
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

}
