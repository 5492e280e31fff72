package io.brickcheck.internal.probe;

import com.sun.net.httpserver.HttpServer;
import io.brickcheck.rules.Host;
import io.brickcheck.internal.rules.HostParser;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;

/**
 * Thousands of distinct discovery hosts served by ONE loopback server: hosts are {@code
 * http://127.<a>.<b>.<c>:<port>} (all loopback, so plain http is allowed), and {@link #client()}
 * connects every socket to the one server, whatever address OkHttp asks for. The server answers a
 * workspace document and counts requests per {@code Host} header. Nothing leaves 127.0.0.1.
 */
final class ManyLoopbackHosts implements AutoCloseable {
  static final String BODY =
      "{\"host_type\":\"workspace\",\"account_id\":\"7a99b43c-b46c-432b-b0a7-814217701909\","
          + "\"workspace_id\":\"6436897454825492\",\"cloud\":\"azure\","
          + "\"oidc_endpoint\":\"https://adb-6436897454825492.12.azuredatabricks.net/oidc\"}";

  private final HttpServer server;
  private final ExecutorService pool;
  final ConcurrentHashMap<String, AtomicInteger> requestsByHost = new ConcurrentHashMap<>();

  ManyLoopbackHosts() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
    AtomicInteger n = new AtomicInteger();
    pool = Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "many-hosts-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(pool);
    server.createContext("/", exchange -> {
      try (exchange) {
        requestsByHost.computeIfAbsent(exchange.getRequestHeaders().getFirst("Host"), h -> new AtomicInteger())
            .incrementAndGet();
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    });
    server.start();
  }

  /** Host number {@code i} (0 to 16 million): {@code http://127.x.y.z:<port>}, z never 0. */
  Host host(int i) {
    int a = i / (250 * 250) % 250;
    int b = i / 250 % 250;
    int c = i % 250 + 1;
    return HostParser.parse("http://127." + a + "." + b + "." + c + ":" + server.getAddress().getPort()).host();
  }

  int requests(Host host) {
    AtomicInteger n = requestsByHost.get(host.name() + ":" + host.port());
    return n == null ? 0 : n.get();
  }

  /** A client whose every socket reaches this server; the probe keeps its socket factory. */
  OkHttpClient client() {
    InetSocketAddress target = server.getAddress();
    SocketFactory factory =
        new SocketFactory() {
          @Override
          public Socket createSocket() {
            return new Socket() {
              @Override
              public void connect(SocketAddress endpoint, int timeout) throws IOException {
                super.connect(target, timeout);
              }
            };
          }

          @Override
          public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Socket createSocket(String host, int port, InetAddress local, int localPort) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) {
            throw new UnsupportedOperationException();
          }
        };
    return new OkHttpClient.Builder().socketFactory(factory).build();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
