package io.brickcheck.internal.probe;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many discovery hosts on 127.0.0.1, one port each, sharing a small thread pool: each answer waits a
 * random 0-{@code maxJitterMillis} ms first. Host i answers 403 (a failure; 404 would be "no discovery") when {@code failing(i)}, else a
 * workspace document. Counts discovery requests per host. Public so runtime tests in other packages
 * can use it.
 */
public final class JitteryHosts implements AutoCloseable {
  private final List<HttpServer> servers = new ArrayList<>();
  private final AtomicInteger[] requests;
  private final ExecutorService pool;

  public JitteryHosts(int count, int maxJitterMillis, java.util.function.IntPredicate failing) throws IOException {
    requests = new AtomicInteger[count];
    AtomicInteger names = new AtomicInteger();
    pool = Executors.newFixedThreadPool(16, r -> {
      Thread t = new Thread(r, "jittery-host-" + names.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    for (int i = 0; i < count; i++) {
      int host = i;
      requests[i] = new AtomicInteger();
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
      server.setExecutor(pool);
      server.createContext("/", exchange -> {
        try (exchange) {
          if (exchange.getRequestURI().getPath().equals(DiscoveryProbe.WELL_KNOWN_PATH)) {
            requests[host].incrementAndGet();
          }
          Thread.sleep(ThreadLocalRandom.current().nextInt(maxJitterMillis + 1));
          boolean fail = failing.test(host);
          byte[] body = (fail ? "{}" : "{\"host_type\":\"workspace\"}").getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(fail ? 403 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      server.start();
      servers.add(server);
    }
  }

  public String baseUrl(int host) {
    return "http://127.0.0.1:" + servers.get(host).getAddress().getPort();
  }

  public int requests(int host) {
    return requests[host].get();
  }

  public int size() {
    return servers.size();
  }

  @Override
  public void close() {
    for (HttpServer s : servers) {
      s.stop(0);
    }
    pool.shutdownNow();
  }
}
