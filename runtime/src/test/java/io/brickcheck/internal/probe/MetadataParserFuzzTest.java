package io.brickcheck.internal.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7, fuzzing the discovery document parser: mutated JSON bodies give metadata or {@link
 * MetadataParser.BadMetadata} (its one documented failure), never another exception, the same
 * outcome twice, and a reason that is one clean line once {@link ProbeResult} has stored it. Same knobs as {@code ParserFuzzTest}: {@code
 * -Dbrickcheck.fuzz.inputs}, {@code -Dbrickcheck.fuzz.seconds}, {@code -Dbrickcheck.seed}.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class MetadataParserFuzzTest {
  static final long SEED = Long.getLong("brickcheck.seed", 20261125L);
  static final int INPUTS = Integer.getInteger("brickcheck.fuzz.inputs", 1_500);
  static final long SECONDS = Long.getLong("brickcheck.fuzz.seconds", 0);
  static final String[] SEEDS = {ProbeTestSupport.UNIFIED, "{\"host_type\":\"workspace\",\"workspace_id\":\"42\"}", "{}"};
  static final String[] PIECES = {
    "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud800", "null", "true", "1e999", "-0", "\"host_type\"",
    "\"account_id\"", "\"workspace_id\"", "\"oidc_endpoint\"", "\"token_federation_default_oidc_audiences\"",
    "\"cloud\"", "{account_id}", " ", "\n", "\u0000", "\ufeff", "é", "/*x*/", "'", "NaN"
  };

  @Test
  void anyBodyGivesMetadataOrBadMetadataDeterministically() {
    Random r = new Random(SEED);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    long n = 0;
    long ok = 0;
    while (SECONDS > 0 ? System.nanoTime() < end : n < INPUTS) {
      byte[] body = body(r);
      String first = outcome(body);
      assertThat(outcome(body)).as("input %d: %s", n, Arrays.toString(body)).isEqualTo(first);
      // A raw reason may quote server text (Gson puts decoded key names in its path); what reaches
      // a log line is the reason as ProbeResult stores it, which must be one clean line.
      assertThat(SafeText.reason(first).chars()).as("one clean line").allMatch(c -> c >= 0x20 && c != 0x7f);
      ok += first.startsWith("ok") ? 1 : 0;
      n++;
    }
    System.out.printf("fuzz[metadata]: %d inputs (%d gave metadata), seed %d, no failure%n", n, ok, SEED);
  }

  /**
   * Issue 10.5: a JSON object is read field by field. Random objects whose known fields are each
   * either valid (kept exactly) or hostile (a wrong type, control characters, a path, a bad URL,
   * ...) must parse, keep every valid field, drop and name every hostile one, and keep nothing
   * unsafe. The old all-or-nothing parser fails this at once.
   */
  @Test
  void everyValidFieldSurvivesItsNeighbours() throws Exception {
    Random r = new Random(SEED ^ 0x5eed);
    String[] hostile = {
      "{\"a\":1}", "[1,[2]]", "true", "12.5e3", "\"a\\u0000b\"", "\"x\\r\\nX-Evil: 1\"", "\"../../v1\"",
      "\"javascript:alert(1)\"", "\"\\u202Eevil\"", "\"" + "z".repeat(300) + "\"", "\"caf\u00e9 \"", "[\"a\",{}]"
    };
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    long n = 0;
    while (SECONDS > 0 ? System.nanoTime() < end : n < INPUTS) {
      boolean goodType = r.nextBoolean();
      boolean goodAccount = r.nextBoolean();
      boolean goodCloud = r.nextBoolean();
      boolean goodOidc = r.nextBoolean();
      boolean goodAudiences = r.nextBoolean();
      java.util.List<String> fields = new java.util.ArrayList<>(java.util.List.of(
          "\"host_type\":" + (goodType ? "\"unified\"" : pick(r, hostile, "[\"unified\"]")),
          "\"account_id\":" + (goodAccount ? "\"acc-" + r.nextInt(1000) + "\"" : pick(r, hostile, "\"a/b\"")),
          "\"cloud\":" + (goodCloud ? "\"aws\"" : pick(r, hostile, "\"a b\"")),
          "\"oidc_endpoint\":" + (goodOidc ? "\"https://h/oidc/accounts/{account_id}\"" : pick(r, hostile, "\"nope\"")),
          "\"token_federation_default_oidc_audiences\":" + (goodAudiences ? "[\"aud\"]" : pick(r, hostile, "[1]")),
          "\"workspace_id\":" + pick(r, hostile, "\"ws-1\""),
          "\"unknown_" + r.nextInt(10) + "\":" + pick(r, hostile, "{}")));
      java.util.Collections.shuffle(fields, r);
      String body = "{" + String.join(",", fields) + "}";

      HostMetadata m = MetadataParser.parse(body.getBytes(StandardCharsets.UTF_8)); // never BadMetadata
      String as = "input " + n + ": " + body;
      assertThat(m.hostType().isPresent()).as(as).isEqualTo(goodType); // no hostile value is a host type
      m.rawHostType().ifPresent(t -> assertThat(t.chars()).as(as).allMatch(c -> c >= 0x20 && c != 0x7f));
      if (goodType) {
        assertThat(m.hostType()).as(as).contains(HostType.UNIFIED);
      }
      if (goodAccount) {
        assertThat(m.accountId()).as(as).hasValueSatisfying(a -> assertThat(a).startsWith("acc-"));
      }
      if (goodCloud) {
        assertThat(m.cloud()).as(as).contains("aws");
      }
      if (goodOidc && goodAccount) {
        assertThat(m.oidcEndpoint()).as(as).contains("https://h/oidc/accounts/" + m.accountId().orElseThrow());
      }
      if (goodAudiences) {
        assertThat(m.tokenFederationDefaultOidcAudiences()).as(as).containsExactly("aud");
      }
      int bad = (goodAccount ? 0 : 1) + (goodCloud ? 0 : 1) + (goodAudiences ? 0 : 1);
      assertThat(m.droppedFields().size()).as(as).isGreaterThanOrEqualTo(bad);
      m.accountId().ifPresent(a -> assertThat(a).as(as).matches("[A-Za-z0-9][A-Za-z0-9._-]*").doesNotContain(".."));
      m.workspaceId().ifPresent(w -> assertThat(w.chars()).as(as).allMatch(c -> c > 0x20 && c < 0x7f));
      m.oidcEndpoint().ifPresent(o -> assertThat(okhttp3.HttpUrl.parse(o)).as(as).isNotNull());
      for (String reason : m.droppedFields()) {
        assertThat(reason.chars()).as(as).allMatch(c -> c >= 0x20 && c != 0x7f);
      }
      n++;
    }
    System.out.printf("fuzz[metadata fields]: %d objects, seed %d, no failure%n", n, SEED);
  }

  private static String pick(Random r, String[] hostile, String extra) {
    int i = r.nextInt(hostile.length + 1);
    return i == hostile.length ? extra : hostile[i];
  }

  static String outcome(byte[] body) {
    try {
      return "ok " + MetadataParser.parse(body);
    } catch (MetadataParser.BadMetadata e) {
      return "bad " + e.getMessage();
    }
  }

  static byte[] body(Random r) {
    StringBuilder b = new StringBuilder(SEEDS[r.nextInt(SEEDS.length)]);
    for (int edits = r.nextInt(6); edits > 0; edits--) {
      int at = r.nextInt(b.length() + 1);
      switch (r.nextInt(3)) {
        case 0 -> b.insert(at, PIECES[r.nextInt(PIECES.length)]);
        case 1 -> b.delete(at, Math.min(b.length(), at + 1 + r.nextInt(6)));
        default -> b.insert(at, b.substring(at, Math.min(b.length(), at + r.nextInt(12))).repeat(1 + r.nextInt(3)));
      }
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    if (r.nextInt(8) == 0 && bytes.length > 0) {
      bytes[r.nextInt(bytes.length)] = (byte) r.nextInt(256); // raw byte noise: invalid UTF-8 too
    }
    return bytes;
  }
}
