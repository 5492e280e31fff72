package io.brickcheck.benchmarks;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;

/**
 * One cold start, for {@code benchmarks/compare.sh}: builds a 4-compute profile with the probe mode
 * in {@code args[0]} (OFF or ASYNC), asks for its first {@code jdbcUrl()} and prints {@code
 * FIRST_URL_MICROS n}, the microseconds from {@code main}'s first line to that answer, then exits at
 * once (an ASYNC probe still under way is abandoned, as a short job would). Run it in a fresh JVM
 * each time; point the host at loopback ({@code -Djdk.net.hosts.file}) so that the probe never
 * leaves the machine.
 */
public final class ColdStart {
  private ColdStart() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    Profile profile = Profile.builder("analytics", "peco.azuredatabricks.net")
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492")
        .compute("etl", "/sql/1.0/warehouses/0f0f0f0f0f0f0f0f?o=6436897454825492")
        .compute("nightly-batch", "sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh")
        .compute("reporting", "/sql/1.0/endpoints/f0f0f0f0f0f0f0f0?o=6436897454825492")
        .build(BrickcheckOptions.builder().probeMode(ProbeMode.valueOf(args[0])).build());
    String url = profile.open("default").jdbcUrl();
    long micros = (System.nanoTime() - start) / 1000;
    System.out.println("FIRST_URL_MICROS " + micros + " " + url.length());
    System.exit(0);
  }
}
