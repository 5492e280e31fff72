package io.brickcheck.internal.probe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A raw loopback server whose every connection runs one {@link Behaviour}: it can do what no
 * well-behaved HTTP server would (never answer, trickle, reset, lie about lengths). Bound to
 * 127.0.0.1 only; each connection has a daemon thread and a 10 s socket timeout, and {@link #close}
 * ends them all, so nothing outlives the test.
 */
final class HostileServer implements AutoCloseable {
  /** What the server does with one accepted connection. */
  @FunctionalInterface
  interface Behaviour {
    void serve(Conn c) throws Exception;
  }

  final ServerSocket server;
  final AtomicInteger connections = new AtomicInteger();
  /** The most bytes one connection managed to write before the peer stopped reading or hung up. */
  final AtomicLong maxWrittenPerConnection = new AtomicLong();
  final AtomicLong totalWritten = new AtomicLong();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  HostileServer(Behaviour behaviour) throws IOException {
    server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
    daemon("hostile-accept-" + server.getLocalPort(), () -> {
      while (!closed) {
        Socket s;
        try {
          s = server.accept();
        } catch (IOException e) {
          return;
        }
        sockets.add(s);
        connections.incrementAndGet();
        daemon("hostile-conn-" + server.getLocalPort(), () -> {
          Conn c = null;
          try {
            s.setSoTimeout(10_000);
            c = new Conn(s);
            behaviour.serve(c);
          } catch (Exception ignored) {
            // the peer hung up or reset (or close() ran): that is the probe doing its job
          } finally {
            long written = c == null ? 0 : c.written;
            maxWrittenPerConnection.accumulateAndGet(written, Math::max);
            totalWritten.addAndGet(written);
            closeQuietly(s);
          }
        });
      }
    });
  }

  int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(server);
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }

  private static void daemon(String name, Runnable r) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing
    }
  }

  /** One accepted connection, counting what it writes. */
  static final class Conn {
    final Socket socket;
    final InputStream in;
    final OutputStream out;
    volatile long written;

    Conn(Socket socket) throws IOException {
      this.socket = socket;
      this.in = socket.getInputStream();
      this.out = socket.getOutputStream();
    }

    /** Reads the request head (up to the blank line, at most 64 KiB); returns it as text. */
    String readHead() throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int state = 0;
      while (head.size() < 65_536) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        head.write(b);
        state = (b == '\r' && (state == 0 || state == 2)) ? state + 1
            : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        if (state == 4) {
          break;
        }
      }
      return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Reads whatever the peer sent first (a TLS ClientHello, say) without waiting for more. */
    void readSome() throws IOException {
      byte[] buf = new byte[8192];
      in.read(buf);
    }

    void write(byte[] bytes) throws IOException {
      out.write(bytes);
      out.flush();
      written += bytes.length;
    }

    void write(String text) throws IOException {
      write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Blocks until the peer hangs up (EOF or reset) or 10 s pass. */
    void awaitHangUp() throws IOException {
      byte[] buf = new byte[4096];
      try {
        while (in.read(buf) >= 0) {
          // discard
        }
      } catch (SocketTimeoutException e) {
        // 10 s: give up; close() ends the socket
      }
    }

    /** Closes with RST instead of FIN. */
    void reset() throws IOException {
      socket.setSoLinger(true, 0);
      socket.close();
    }
  }
}
