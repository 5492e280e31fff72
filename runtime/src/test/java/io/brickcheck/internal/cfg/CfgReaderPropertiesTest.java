package io.brickcheck.internal.cfg;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.HostKind;
import io.brickcheck.rules.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random config files (override with {@code -Dbrickcheck.seed=N}): the reader and the checks
 * never throw, every problem has a tag and an origin inside the file, and no secret value ever
 * appears in a problem, a setting, an origin line or a toString.
 */
class CfgReaderPropertiesTest {
  static final long SEED = Long.getLong("brickcheck.seed", 13_2026_11_29L);
  static final int TRIES = Integer.getInteger("brickcheck.tries", 2_000);
  static final String SECRET = "dapiPROPERTYSECRET";

  static final String[] PIECES = {
    "[prod]", "[DEFAULT]", "[ prod ]", "[prod", "host", "Host", "workspace_id", "warehouse_id", "cluster_id",
    "http_path", "account_id", "token", "client_secret", "password", "=", ":", " = ", "  ", "\t", "#", ";", "\"",
    "'", "\\", "\n", "\r\n", "\r", "https://peco.azuredatabricks.net", "/?o=", "?w=", "6436897454825492", "none",
    "12a", "/sql/1.0/warehouses/abc", "sql/protocolv1/o/1/c-1", "accounts.cloud.databricks.com", "adb-42.3.azuredatabricks.net",
    "\ufeff", "\u0000", "\u2028", "\ud83d\ude00", "é",
    // A secret is always the value of a secret key on its own line (after a blank line, so that a
    // continuation before it joins the blank line, not the secret, as the CLI and SDKs read it).
    "\n\ntoken = " + SECRET, "\n\nclient_secret = \"" + SECRET + "\"", "\n\npassword=" + SECRET + "#x",
    "\n\nazure_client_secret:" + SECRET + " ; c"
  };

  @Test
  void randomFilesNeverThrowAndEveryProblemIsPlacedAndSecretFree() {
    Random r = new Random(SEED);
    for (int i = 0; i < TRIES; i++) {
      StringBuilder text = new StringBuilder();
      int n = 1 + r.nextInt(30);
      for (int j = 0; j < n; j++) {
        text.append(PIECES[r.nextInt(PIECES.length)]);
      }
      String input = text.toString();
      String profile = r.nextBoolean() ? "prod" : null;
      DatabricksCfgFile file = DatabricksCfg.parse(input, "f.cfg");
      int lines = input.split("\r\n|\r|\n", -1).length;
      CfgSelection selection = DatabricksCfg.fromFile(file, profile);
      CfgReport report = selection.check((r.nextBoolean() ? HostKind.AUTO : HostKind.SPOG).classification());
      List<String> seen = new ArrayList<>();
      seen.add(file.toString());
      seen.add(selection.toString());
      seen.add(report.origins().toString());
      for (Problem p : report.report().problems()) {
        assertThat(p.message()).as("seed %d try %d: %s", SEED, i, input).startsWith(p.code().tag() + " ");
        seen.add(p.message());
        String rest = p.message().substring(p.code().tag().length() + 1);
        if (rest.startsWith("f.cfg:")) {
          String[] parts = rest.split(":", 4);
          int line = Integer.parseInt(parts[1]);
          assertThat(line).as("line of %s in %s", p.message(), input).isBetween(1, lines);
          assertThat(Integer.parseInt(parts[2])).isPositive();
        }
      }
      assertThat(String.join("\n", seen)).as("seed %d try %d", SEED, i).doesNotContain(SECRET);
    }
  }

  static String plain(Random r) {
    String piece;
    do {
      piece = PIECES[r.nextInt(PIECES.length)];
    } while (piece.contains(SECRET));
    return piece;
  }

  @Test
  void randomEnvironmentsNeverThrowAndNeverShowASecret() {
    Random r = new Random(SEED + 1);
    String[] names = DatabricksCfg.VARIABLES.values().toArray(String[]::new);
    for (int i = 0; i < TRIES / 4; i++) {
      Map<String, String> env = new java.util.HashMap<>();
      env.put("HOME", "/nonexistent-home");
      int n = r.nextInt(6);
      for (int j = 0; j < n; j++) {
        String name = names[r.nextInt(names.length)];
        env.put(name, name.contains("TOKEN") || name.contains("SECRET") || name.contains("PASSWORD")
            ? SECRET : plain(r) + plain(r));
      }
      CfgSelection selection = DatabricksCfg.fromEnvironment(env, null);
      CfgReport report = selection.check(HostKind.AUTO.classification());
      assertThat(selection + report.origins().toString() + report.report().problems())
          .as("seed %d try %d: %s", SEED, i, env.keySet()).doesNotContain(SECRET);
      report.report().problems().forEach(p -> assertThat(p.message()).startsWith(p.code().tag() + " "));
    }
  }
}
