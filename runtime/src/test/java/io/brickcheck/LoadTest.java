package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.internal.probe.JitteryHosts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7, load through the public API: 64 threads x 10 000 {@link Profile#open} calls across 100
 * jittery loopback hosts (BLOCKING and ASYNC profiles), and M2M token refresh under 32 concurrent
 * REST callers through {@link DatabricksConnection#httpClient}. Both bounded in count and time.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LoadTest {
  static final String PATH = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8";

  @Test
  void sixtyFourThreadsTenThousandOpensAHundredHostsOneProbeEach() throws Exception {
    // A client of its own gives these profiles their own probe (and cache) in RuntimeContext.
    OkHttpClient client = new OkHttpClient();
    BrickcheckOptions blocking = BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING).httpClient(client)
        .probeBudget(Duration.ofSeconds(20)).probeAttemptTimeout(Duration.ofSeconds(10)).build();
    BrickcheckOptions async = blocking.toBuilder().probeMode(ProbeMode.ASYNC).build();
    try (JitteryHosts hosts = new JitteryHosts(100, 30, i -> i % 10 == 0)) {
      List<Profile> profiles = new ArrayList<>();
      for (int i = 0; i < hosts.size(); i++) {
        profiles.add(Profile.builder("load-" + i, hosts.baseUrl(i)).defaultHttpPath(PATH)
            .build(i % 2 == 0 ? blocking : async));
      }
      ExecutorService pool = Executors.newFixedThreadPool(64);
      AtomicInteger opened = new AtomicInteger();
      long start = System.nanoTime();
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 64; t++) {
          int thread = t;
          done.add(pool.submit(() -> {
            for (int n = 0; n < 10_000; n++) {
              profiles.get((thread * 31 + n) % profiles.size()).open("default");
              opened.incrementAndGet();
            }
            return null;
          }));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("no deadlock: all threads ended").isTrue();
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      System.out.printf("load: %d opens over 100 hosts in %d ms%n", opened.get(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      assertThat(opened.get()).isEqualTo(640_000);
      // ASYNC probes may still be under way: wait (bounded) for each host's one request.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      for (int i = 0; i < hosts.size(); i++) {
        while (hosts.requests(i) == 0 && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
      }
      for (Profile p : profiles) {
        p.open("default"); // any probe still under way is joined, not repeated
      }
      Thread.sleep(200);
      for (int i = 0; i < hosts.size(); i++) {
        assertThat(hosts.requests(i)).as("discovery requests to host %d within one TTL", i).isEqualTo(1);
      }
    }
  }

  @Test
  void m2mTokensAreFetchedOncePerExpiryNotOncePerThread() throws Exception {
    // A 2 s lifetime is refreshed min(40 s, 2 s / 2) = 1 s early: a token is good for about 1 s.
    try (FakeGateway gateway = FakeGateway.builder().hostType("unified").oauthClient("load-sp", "load-SECRET")
        .tokenLifetime(Duration.ofSeconds(2)).start()) {
      Profile profile = Profile.builder("m2m-load", gateway.baseUrl())
          .defaultHttpPath(PATH + "?o=" + gateway.workspaceId())
          .build(BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING).build());
      OkHttpClient rest = profile.open("default").httpClient(Credentials.oauthM2M("load-sp", "load-SECRET"));
      int threads = 32;
      long runNanos = TimeUnit.MILLISECONDS.toNanos(3200);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch go = new CountDownLatch(1);
      AtomicInteger calls = new AtomicInteger();
      long start;
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          done.add(pool.submit(() -> {
            go.await();
            long end = System.nanoTime() + runNanos;
            for (int n = 0; n < 500 && System.nanoTime() < end; n++) {
              try (Response r = rest.newCall(new Request.Builder().url(gateway.baseUrl() + "/api/2.0/clusters/list").build()).execute()) {
                assertThat(r.code()).isEqualTo(200);
              }
              calls.incrementAndGet();
            }
            return null;
          }));
        }
        start = System.nanoTime();
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      int issued = gateway.tokensIssued();
      System.out.printf("m2m load: %d REST calls from %d threads in %.1f s, %d token requests%n",
          calls.get(), threads, seconds, issued);
      assertThat(issued).as("a refresh happened").isGreaterThanOrEqualTo(2);
      assertThat(issued).as("one token request per ~1 s expiry, not one per thread")
          .isLessThanOrEqualTo((int) Math.ceil(seconds) + 2);
      List<RecordedRequest> oauth = gateway.requests().stream()
          .filter(r -> r.kind() == RecordedRequest.Kind.OAUTH).toList();
      assertThat(oauth).hasSize(issued).noneMatch(RecordedRequest::hasWorkspaceHeader);
    }
  }
}
