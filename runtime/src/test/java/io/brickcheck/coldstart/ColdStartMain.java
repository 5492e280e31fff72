package io.brickcheck.coldstart;

import io.brickcheck.Brickcheck;
import io.brickcheck.BrickcheckOptions;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The program {@link ColdStartClassLoadingTest} runs in a fresh JVM: builds one profile with the
 * probe mode in {@code args[0]} (from a JDBC URL, through {@code Profile.jdbcUrlBuilder}, when
 * {@code args[1]} is {@code jdbc-url}; else through {@code Profile.builder}), asks for its first {@code jdbcUrl()}, prints the main thread's
 * native id ({@code MAIN_TID n}, to match {@code -Xlog}'s {@code tid} decoration) and {@code
 * FIRST_URL}, then lets the probe (if any) finish and shuts Brickcheck down.
 */
public final class ColdStartMain {
  private ColdStartMain() {}

  /** Loaded right after the first {@code jdbcUrl()} returns, and by nothing else. */
  static final class AfterFirstUrl {
    static void mark() {}
  }

  public static void main(String[] args) throws Exception {
    String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
    BrickcheckOptions options = BrickcheckOptions.builder().probeMode(ProbeMode.valueOf(args[0])).build();
    Profile profile = args.length > 1 && args[1].equals("jdbc-url")
        ? Profile.jdbcUrlBuilder("analytics", "jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;"
            + "ssl=1;AuthMech=3;httpPath=/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492;EnableArrow=0")
            .build(options)
        : Profile.builder("analytics", "peco.azuredatabricks.net")
            .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492")
            .build(options);
    String url = profile.open("default").jdbcUrl();
    AfterFirstUrl.mark(); // its class+load line marks the end of the measured path in the log
    System.out.println("MAIN_TID " + tid);
    System.out.println("FIRST_URL " + url);
    if (profile.options().probeMode() != ProbeMode.OFF) {
      // The probe ends (a refused loopback connection, see the test) within its budget.
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (profile.status().probe().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      System.out.println("PROBED " + profile.status().probe().isPresent());
    }
    System.out.println("SHUTDOWN " + Brickcheck.shutdown());
  }
}
