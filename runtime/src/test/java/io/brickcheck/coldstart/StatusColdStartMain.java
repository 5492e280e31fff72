package io.brickcheck.coldstart;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;

/**
 * The program {@link StatusClassLoadingTest} runs in a fresh JVM: builds one profile with the
 * probe OFF and prints its status block, as text ({@code args[0]} = {@code render}) or as JSON
 * ({@code json}), after a {@code STATUS} line.
 */
public final class StatusColdStartMain {
  private StatusColdStartMain() {}

  public static void main(String[] args) {
    Profile profile = Profile.builder("analytics", "peco.azuredatabricks.net")
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492")
        .build(BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build());
    String status = args[0].equals("json") ? profile.status().toJson() : profile.status().render();
    System.out.println("STATUS");
    System.out.println(status);
  }
}
