package io.brickcheck.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.Profile;
import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.internal.dbt.DbtProfilesReader;
import io.brickcheck.rules.Code;
import java.lang.ref.WeakReference;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 11.9, lifecycle: Brickcheck loaded by a class loader of its own, as in a webapp (its
 * libraries' classes, OkHttp's included, come from the parent, as a container's shared libraries
 * would). Nothing may start when its classes load or with the probe off; after {@code
 * Brickcheck.shutdown()} no Brickcheck thread may be alive, no live thread may hold the loader as
 * its context class loader, and the loader must be collectable.
 */
@Tag("lifecycle")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class RuntimeLifecycleTest {
  static final String PAT = "dapiLIFECYCLE0001";

  /** Child-first for Brickcheck's classes (not the gateway's), parent-first for everything else. */
  static final class WebappLoader extends URLClassLoader {
    WebappLoader() {
      super(new URL[] {location(Profile.class), location(Code.class), location(DbtProfilesReader.class),
          location(RuntimeLifecycleTest.class)},
          RuntimeLifecycleTest.class.getClassLoader());
    }

    static URL location(Class<?> c) {
      return c.getProtectionDomain().getCodeSource().getLocation();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("io.brickcheck.") || name.startsWith("io.brickcheck.gateway.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          c = findClass(name);
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }

  /** Runs {@code input} through a WebappRun of {@code loader}, on a thread whose context loader it is. */
  @SuppressWarnings("unchecked")
  static String run(ClassLoader loader, String input) throws Exception {
    CompletableFuture<String> result = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        Function<String, String> app =
            (Function<String, String>) loader.loadClass(WebappRun.class.getName()).getConstructor().newInstance();
        result.complete(app.apply(input));
      } catch (Throwable e) {
        result.completeExceptionally(e);
      }
    }, "webapp-request");
    t.setContextClassLoader(loader);
    t.start();
    String out = result.get(60, TimeUnit.SECONDS);
    t.join(10_000);
    return out;
  }

  static List<Thread> liveThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).toList();
  }

  static Set<String> brickcheckThreads() {
    return liveThreads().stream().map(Thread::getName).filter(n -> n.startsWith("brickcheck-"))
        .collect(Collectors.toSet());
  }

  static List<String> liveThreadsWithContextLoader(ClassLoader loader) {
    return liveThreads().stream().filter(t -> t.getContextClassLoader() == loader).map(Thread::getName).toList();
  }

  /** Waits (bounded) for a condition that threads ending makes true; the assertion follows. */
  static void awaitQuietly(java.util.function.BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
      Thread.sleep(50);
    }
  }

  static boolean collected(WeakReference<?> ref) throws InterruptedException {
    for (int i = 0; i < 40 && ref.get() != null; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ref.get() == null;
  }

  /** OkHttp's shared threads (its task runner, Okio's watchdog) started here, by the parent, first. */
  static void warmOkHttp(FakeGateway gateway) throws Exception {
    OkHttpClient plain = new OkHttpClient();
    try (Response r = plain.newCall(new Request.Builder().url(gateway.baseUrl() + "/x").build()).execute()) {
      assertThat(r.code()).isEqualTo(404);
    }
  }

  @Test
  void nothingStartsWhenTheClassesLoadOrWithTheProbeOffAndTheLoaderIsFree() throws Exception {
    Set<Thread> before = Set.copyOf(liveThreads());
    WebappLoader loader = new WebappLoader();
    for (String name : List.of("io.brickcheck.RuntimeContext", "io.brickcheck.BrickcheckOptions",
        "io.brickcheck.Profile", "io.brickcheck.internal.probe.DiscoveryProbe", "io.brickcheck.internal.probe.ProbeThreads",
        "io.brickcheck.Brickcheck")) {
      Class.forName(name, true, loader); // static initialisers run here
    }
    String url = run(loader, "off|https://adb-6436897454825492.12.azuredatabricks.net");
    assertThat(url).startsWith("jdbc:databricks://adb-6436897454825492.12.azuredatabricks.net:443/");

    List<String> started = liveThreads().stream().filter(t -> !before.contains(t)).map(Thread::getName).toList();
    assertThat(started).as("threads started by loading Brickcheck and using it with the probe off").isEmpty();

    WeakReference<ClassLoader> ref = new WeakReference<>(loader);
    loader.close();
    loader = null;
    assertThat(collected(ref)).as("the webapp's class loader is collectable").isTrue();
  }

  @Test
  void afterShutdownNoBrickcheckThreadIsAliveAndTheLoaderIsNotPinned() throws Exception {
    try (FakeGateway gateway = FakeGateway.builder().hostType("workspace").personalAccessToken(PAT).start()) {
      warmOkHttp(gateway);
      WebappLoader loader = new WebappLoader();

      String codes = run(loader, "async|" + gateway.baseUrl().replace("127.0.0.1", "localhost") + "|" + PAT);
      assertThat(codes).isEqualTo("200,200");
      awaitQuietly(() -> gateway.requests().stream().anyMatch(r -> r.kind() == io.brickcheck.gateway.RecordedRequest.Kind.DISCOVERY));
      assertThat(brickcheckThreads()).as("the probe and the async call ran on Brickcheck threads").isNotEmpty();

      assertThat(run(loader, "shutdown")).as("Brickcheck.shutdown() saw every thread end").isEqualTo("true");
      awaitQuietly(() -> brickcheckThreads().isEmpty());
      assertThat(brickcheckThreads()).as("Brickcheck threads alive after shutdown").isEmpty();
      assertThat(liveThreadsWithContextLoader(loader)).as("live threads whose context class loader is the webapp's")
          .isEmpty();

      WeakReference<ClassLoader> ref = new WeakReference<>(loader);
      loader.close();
      loader = null;
      // Collectable means held by no strong path: this class runs in a surefire execution of its
      // own whose JVM clears soft references at every GC (-XX:SoftRefLRUPolicyMSPerMB=0, see
      // runtime/pom.xml), because JDK 21+ keeps the last MethodHandle.asType adaptation of a
      // record's hashCode in a SoftReference that names Brickcheck's classes.
      assertThat(collected(ref)).as("the webapp's class loader is collectable after shutdown; live threads: %s",
          Arrays.toString(liveThreads().stream().map(Thread::getName).toArray())).isTrue();
    }
  }
}
