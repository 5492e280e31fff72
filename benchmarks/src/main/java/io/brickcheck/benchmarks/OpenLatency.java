package io.brickcheck.benchmarks;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;
import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What the discovery probe costs a caller of {@code open*()}, beside dbt-databricks' figures
 * (docs/benchmarks.md: 16.7 s blocked on a hung endpoint; 192 connections for 64 threads on a cold host).
 *
 * <ol>
 *   <li>Added latency of the first {@code open()} on a cold host whose discovery endpoint accepts
 *       and never answers, ASYNC and BLOCKING (default 2 s budget); median over runs, each on a new
 *       host (port) so every open is cold.
 *   <li>Probe requests the host sees when 64 threads open connections to one cold host at once.
 * </ol>
 *
 * <p>Run: {@code ./mvnw -B -ntp -q -DskipTests package -pl benchmarks -am && java -cp
 * benchmarks/target/benchmarks.jar io.brickcheck.benchmarks.OpenLatency [runs]} (default 5 runs).
 * Everything is on loopback; the program ends by itself.
 */
public final class OpenLatency {
  private OpenLatency() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), Runtime.version());
    for (ProbeMode mode : new ProbeMode[] {ProbeMode.ASYNC, ProbeMode.BLOCKING}) {
      double[] millis = new double[runs];
      for (int i = 0; i < runs; i++) {
        millis[i] = openAgainstHungEndpoint(mode);
      }
      System.out.printf("open() on a hung discovery endpoint, %-8s median %9.3f ms (min %.3f, max %.3f) over %d runs"
          + "   [dbt-databricks: 16,700 ms]%n", mode, median(millis), min(millis), max(millis), runs);
    }
    double[] requests = new double[runs];
    for (int i = 0; i < runs; i++) {
      requests[i] = probesFor64ConcurrentOpens();
    }
    System.out.printf("64 threads opening one cold host: median %.0f discovery request(s) (max %.0f) over %d runs"
        + "   [dbt-databricks: 192 connections]%n", median(requests), max(requests), runs);
    System.exit(0);
  }

  /** Milliseconds the first open() takes when discovery accepts and never answers. */
  static double openAgainstHungEndpoint(ProbeMode mode) throws Exception {
    try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> accepted = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (!hung.isClosed()) {
            accepted.add(hung.accept()); // accept, read nothing, answer nothing
          }
        } catch (Exception closed) {
          // the server socket was closed: done
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      Profile profile = Profile.builder("hung", "http://127.0.0.1:" + hung.getLocalPort())
          .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492")
          .build(BrickcheckOptions.builder().probeMode(mode).build());
      long start = System.nanoTime();
      profile.open("default");
      double elapsed = (System.nanoTime() - start) / 1e6;
      for (Socket s : accepted) {
        s.close();
      }
      return elapsed;
    }
  }

  /** Discovery requests seen when 64 threads open a cold host at once. */
  static double probesFor64ConcurrentOpens() throws Exception {
    try (FakeGateway gateway = FakeGateway.builder().start()) {
      Profile profile = Profile.builder("crowd", gateway.baseUrl())
          .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId())
          .build(BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING).build());
      ExecutorService pool = Executors.newFixedThreadPool(64);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> opens = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        opens.add(pool.submit(() -> {
          go.await();
          return profile.open("default");
        }));
      }
      go.countDown();
      for (Future<?> f : opens) {
        f.get(30, TimeUnit.SECONDS);
      }
      pool.shutdownNow();
      return gateway.requests().stream().filter(r -> r.kind() == RecordedRequest.Kind.DISCOVERY).count();
    }
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static double min(double[] values) {
    return Arrays.stream(values).min().orElse(0);
  }

  static double max(double[] values) {
    return Arrays.stream(values).max().orElse(0);
  }
}
