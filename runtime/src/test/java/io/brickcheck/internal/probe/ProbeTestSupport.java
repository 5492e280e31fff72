package io.brickcheck.internal.probe;

import io.brickcheck.rules.Host;
import io.brickcheck.internal.rules.HostParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Shared pieces of the probe tests: short budgets, loopback hosts, a hung server, fake time. */
final class ProbeTestSupport {
  private ProbeTestSupport() {}

  /** Short enough to keep the suite quick, long enough for a loaded 2-core machine. */
  static ProbeSettings fastSettings() {
    return ProbeSettings.builder()
        .budget(Duration.ofMillis(1500))
        .attemptTimeout(Duration.ofMillis(500))
        .backoffBase(Duration.ofMillis(10))
        .build();
  }

  static Host hostOf(MockWebServer server) {
    return loopbackHost(server.getPort());
  }

  static Host loopbackHost(int port) {
    return HostParser.parse("http://127.0.0.1:" + port).host();
  }

  static MockResponse json(String body) {
    return new MockResponse.Builder()
        .code(200)
        .setHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  static MockResponse status(int code) {
    return new MockResponse.Builder().code(code).build();
  }

  static final String UNIFIED =
      "{\"host_type\":\"unified\",\"account_id\":\"7a99b43c-b46c-432b-b0a7-814217701909\","
          + "\"oidc_endpoint\":\"https://peco.azuredatabricks.net/oidc/accounts/{account_id}\","
          + "\"cloud\":\"azure\",\"token_federation_default_oidc_audiences\":[\"a1\",\"a2\"]}";

  /** A monotonic clock the test moves by hand. */
  static final class FakeTicker {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    long read() {
      return nanos.get();
    }

    void advance(Duration d) {
      nanos.addAndGet(d.toNanos());
    }
  }

  /** Collects warnings instead of logging them. */
  static final class Warnings {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();

    void accept(String line) {
      lines.add(line);
      threads.add(Thread.currentThread());
    }
  }

  /**
   * A loopback server that accepts connections and never answers: the worst endpoint a probe can
   * meet. Records the sockets so a test can see the probe hang up.
   */
  static final class HungServer implements AutoCloseable {
    final ServerSocket server;
    final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    HungServer() throws IOException {
      server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
      acceptor =
          new Thread(
              () -> {
                try {
                  while (!server.isClosed()) {
                    accepted.add(server.accept());
                  }
                } catch (IOException closed) {
                  // close() ends the loop
                }
              },
              "hung-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return server.getLocalPort();
    }

    /** Whether the peer closed socket {@code i} within {@code timeout} (reads EOF). */
    boolean closedByPeer(int i, Duration timeout) throws IOException {
      Socket s = accepted.get(i);
      s.setSoTimeout((int) timeout.toMillis());
      InputStream in = s.getInputStream();
      byte[] buf = new byte[4096];
      try {
        while (true) {
          if (in.read(buf) < 0) {
            return true;
          }
        }
      } catch (SocketTimeoutException e) {
        return false;
      } catch (IOException reset) {
        return true; // a reset is a hang-up too
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }
}
