package io.brickcheck.internal.cfg;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.Code;
import java.io.StringReader;
import java.util.Random;
import org.apache.commons.configuration2.INIConfiguration;
import org.apache.commons.configuration2.SubnodeConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Brickcheck's reader against the parser the Java SDK itself uses (commons-configuration2's
 * INIConfiguration, in databricks-sdk-java's ConfigLoader): whenever Brickcheck accepts the selected
 * profile without an InvalidConfigFile problem, every key it reads has the value the SDK reads.
 */
class JavaSdkReaderAgreementTest {
  static final long SEED = Long.getLong("brickcheck.seed", 13_2026_11_29L);
  static final int TRIES = Integer.getInteger("brickcheck.tries", 2_000);

  static final String[] KEYS = {"host", "workspace_id", "warehouse_id", "cluster_id", "http_path", "token"};
  static final String[] VALUES = {
    "https://peco.azuredatabricks.net", "6436897454825492", "a1b2c3d4e5f6a7b8", "0123-456789-abcdefgh",
    "/sql/1.0/warehouses/abc?o=1", "dapi123", "\"quoted value\"", "'single'", "v # comment", "v ; comment", "v#x",
    "v;x", "", "  padded  ", "a=b", "a:b", "none", "\"q\" # c", "tail\\"
  };
  static final String[] SEPARATORS = {" = ", "=", ": ", ":", "  =  "};
  static final String[] HEADERS = {"[prod]", "[ prod ]", "[DEFAULT]", "[other]", "[prod] # c"};

  @Test
  void everyAcceptedValueIsTheValueTheJavaSdkReads() throws Exception {
    Random r = new Random(SEED);
    int compared = 0;
    for (int i = 0; i < TRIES; i++) {
      StringBuilder text = new StringBuilder();
      int lines = 1 + r.nextInt(8);
      for (int j = 0; j < lines; j++) {
        int kind = r.nextInt(10);
        if (kind == 0) {
          text.append(HEADERS[r.nextInt(HEADERS.length)]);
        } else if (kind == 1) {
          text.append(r.nextBoolean() ? "# comment" : "; comment");
        } else {
          text.append(r.nextBoolean() ? "" : "  ").append(KEYS[r.nextInt(KEYS.length)])
              .append(SEPARATORS[r.nextInt(SEPARATORS.length)]).append(VALUES[r.nextInt(VALUES.length)]);
        }
        text.append(r.nextInt(5) == 0 ? "\r\n" : "\n");
      }
      String input = "[prod]\n" + text;
      DatabricksCfgFile mine = CfgReader.parse(input, "f", true);
      if (!mine.isReadable()) {
        continue;
      }
      CfgSelection selected = DatabricksCfg.fromFile(mine, "prod");
      if (!selected.isSelected()
          || selected.settings().problems().stream().anyMatch(p -> p.code() == Code.InvalidConfigFile)) {
        continue;
      }
      CfgSection section = mine.sections("prod").get(0);
      INIConfiguration ini = new INIConfiguration();
      ini.read(new StringReader(input));
      SubnodeConfiguration sdk = ini.getSection("prod");
      for (String key : KEYS) {
        String theirs = sdk.getString(key);
        String ours = section.entry(key).map(CfgEntry::value).orElse(null);
        assertThat(ours).as("seed %d try %d key %s in:%n%s", SEED, i, key, input).isEqualTo(theirs);
        compared++;
      }
    }
    assertThat(compared).as("files compared").isGreaterThan(TRIES);
  }
}
