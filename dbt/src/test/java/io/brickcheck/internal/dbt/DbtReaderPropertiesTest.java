package io.brickcheck.internal.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.Text;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated input: the reader never throws, is deterministic, and every message is tagged, positioned
 * and on one line. Seeded (override with {@code -Dbrickcheck.seed=N}); plain JUnit, not jqwik, whose
 * maintainers ask AI agents not to use it.
 */
class DbtReaderPropertiesTest {
  static final long SEED = Long.getLong("brickcheck.seed", 20261125L);
  static final int TRIES = 1_000;
  static final String[] PIECES = {
    "p:", "\n", "  ", "    ", "target: ", "outputs:", "prod:", "dev:", "type: databricks", "type: x",
    "host: ", "http_path: ", "compute:", "etl:", "peco.azuredatabricks.net", "/sql/1.0/warehouses/a?o=1",
    "?o=", "12a", "\"{{ env_var('A') }}\"", "'{{ env_var(\"B\", \"d\") }}'", "{{", "}}", "{%", "&a ", "*a",
    "<<: ", "!!java.lang.Object ", "!x ", "[", "]", "{", "}", ",", "- ", "~", "\"", "'", "#", ":", "\t",
    "\u0000", "é", "\ufeff", "token: MARKERSECRET", "---", "|", ">"
  };

  final Random random = new Random(SEED);

  @Test
  void anyDocumentIsReadDeterministicallyWithoutThrowing() {
    for (int i = 0; i < TRIES; i++) {
      String yaml = random.nextInt(4) == 0 ? randomText(200) : joined(40);
      try {
        List<String> first = everything(yaml);
        assertThat(everything(yaml)).isEqualTo(first);
        for (String message : first) {
          assertThat(message).startsWith("[DatabricksProfile/").doesNotContain("MARKERSECRET");
          assertThat(message.chars().noneMatch(c -> c == '\n' || c == '\r')).isTrue();
        }
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("try " + i + ", seed " + SEED + ", input " + Text.quote(yaml), e);
      }
    }
  }

  /** Every message the reader produces for a document, through every public path. */
  static List<String> everything(String yaml) {
    DbtProfilesFile file = DbtProfilesReader.parse(yaml, "profiles.yml");
    List<String> out = new java.util.ArrayList<>(messages(file.problems()));
    for (String profile : file.profileNames().isEmpty() ? List.of("p") : file.profileNames()) {
      for (String target : new String[] {null, "prod", "dev"}) {
        DbtSelection s = file.select(profile, target);
        out.addAll(messages(s.checkStatically(HostClassification.UNKNOWN).problems()));
        out.addAll(messages(s.check(Map.of("A", "x"), HostClassification.UNKNOWN).problems()));
        out.addAll(messages(file.select(profile, target, Map.of()).problems()));
        // toString is not a message, but must be as safe: tagged like one so the checks below apply.
        out.add("[DatabricksProfile/toString] " + s);
      }
    }
    return out;
  }

  static List<String> messages(List<Problem> problems) {
    return problems.stream().map(Problem::message).toList();
  }

  String joined(int maxPieces) {
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(maxPieces + 1); i > 0; i--) {
      out.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return out.toString();
  }

  String randomText(int maxLength) {
    char[] chars = new char[random.nextInt(maxLength + 1)];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = random.nextInt(3) == 0 ? (char) random.nextInt(Character.MAX_VALUE + 1) : ":-{}[]&*!# \n\"'ab".charAt(random.nextInt(16));
    }
    return new String(chars);
  }
}
