package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.WorkspaceIdSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.HostClassification;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Properties over generated input: the engine never throws, is deterministic, and its messages are
 * safe to print. Inputs come from a seeded generator, so a failure names the seed and the input and
 * reproduces exactly; {@code -Dbrickcheck.seed=N} explores another part of the space.
 *
 * <p>Plain JUnit on purpose: jqwik 1.10 asks AI agents not to use it, and this project respects that.
 */
class RuleEnginePropertiesTest {
  static final long SEED = Long.getLong("brickcheck.seed", 20261125L);
  static final int TRIES = 3_000;

  static final String[] PATH_PIECES = {
    "/", "sql", "1.0", "warehouses", "endpoints", "protocolv1", "o", "?", "&", "=", "o=", "O=",
    "%", "%2", "%41", "%6F", "+", "#", ";", " ", "\n", "0", "42", "0123", "9223372036854775807",
    "9223372036854775808", "99999999999999999999", "abc", "0123-456789-abcdefgh", "://",
    "peco.azuredatabricks.net", "é", "\u0000", "\u2028"
  };
  static final String[] HOST_PIECES = {
    "https://", "http://", "ftp://", "peco", ".", "azuredatabricks", "net", "adb-", "123", "-", "dbc-",
    "cloud.databricks.com", "gcp.databricks.com", "accounts", ":", "443", "99999", "/", "?", "#", "@",
    "user:pw", "localhost", "127.0.0.1", "[::1]", "[", "]", " ", "\t", "_", "é"
  };
  static final String[] KNOWN_PATHS = {
    "/sql/1.0/warehouses/a?o=1", "/sql/1.0/warehouses/b?o=2", "sql/protocolv1/o/1/c", "/sql/1.0/warehouses/c"
  };
  static final String[] NAMES = {"etl", "ETL", "nightly-batch", "nightly_batch", "default", "Default", "1x", ""};

  final Random random = new Random(SEED);

  @Test
  void anyStringParsesAsAPathDeterministicallyWithoutThrowing() {
    forAll(() -> randomString(300), input -> {
      HttpPathResult first = HttpPathParser.parse(input);
      assertThat(HttpPathParser.parse(input)).isEqualTo(first);
      assertSafeMessages(first.problems());
      assertThat(first.workspaceId() == null || first.workspaceId().matches("0|[1-9][0-9]{0,18}")).isTrue();
    });
  }

  @Test
  void pathLikeStringsParseDeterministicallyWithoutThrowing() {
    forAll(() -> joined(PATH_PIECES, 25), input -> {
      HttpPathResult first = HttpPathParser.parse(input);
      assertThat(HttpPathParser.parse(input)).isEqualTo(first);
      assertSafeMessages(first.problems());
      assertThat(first.workspaceId() != null).isEqualTo(first.source() != WorkspaceIdSource.NONE);
      assertThat(first.hasErrors()).isEqualTo(first.problems().stream().anyMatch(Problem::isError));
    });
  }

  @Test
  void hostLikeStringsParseDeterministicallyWithoutThrowing() {
    forAll(() -> random.nextBoolean() ? joined(HOST_PIECES, 12) : randomString(80), input -> {
      HostResult first = HostParser.parse(input);
      assertThat(HostParser.parse(input)).isEqualTo(first);
      assertSafeMessages(first.problems());
      assertThat(first.host() == null).isEqualTo(first.hasErrors());
    });
  }

  @Test
  void anyProfileChecksDeterministicallyWithoutThrowing() {
    forAll(this::randomProfile, spec -> {
      ProfileReport first = ProfileChecker.check(spec);
      assertThat(ProfileChecker.check(spec)).isEqualTo(first);
      assertSafeMessages(first.problems());
      assertThat(first.computes()).hasSize(spec.computes().size() + 1);
      assertThat(first.strict().warnings()).isEmpty();
    });
  }

  @Test
  void validIdsRoundTripToTheirCanonicalForm() {
    String[] zeros = {"", "0", "00", "0000000000"};
    forAll(() -> zeros[random.nextInt(zeros.length)] + (random.nextLong() & Long.MAX_VALUE), digits -> {
      HttpPathResult result = HttpPathParser.parse("/sql/1.0/warehouses/w?o=" + digits);
      if (digits.length() <= 19) {
        assertThat(result.workspaceId()).isEqualTo(Long.toString(Long.parseLong(digits)));
        assertThat(result.problems()).isEmpty();
      } else {
        assertThat(result.problems()).extracting(Problem::code).containsExactly(Code.InvalidWorkspaceId);
      }
    });
  }

  static void assertSafeMessages(List<Problem> problems) {
    for (Problem p : problems) {
      assertThat(p.message()).startsWith(p.code().tag() + " ").endsWith(".");
      assertThat(p.message().chars().noneMatch(c -> Character.isISOControl(c) || c == '\u2028')).isTrue();
      assertThat(p.message().length()).isLessThan(2_000);
    }
  }

  interface Check<T> {
    void accept(T input);
  }

  <T> void forAll(Supplier<T> inputs, Check<T> check) {
    for (int i = 0; i < TRIES; i++) {
      T input = inputs.get();
      try {
        check.accept(input);
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError("failed on try " + i + " with seed " + SEED + " for input " + Text.quote(String.valueOf(input)), e);
      }
    }
  }

  ProfileSpec randomProfile() {
    List<ComputeSpec> computes = new ArrayList<>();
    for (int i = random.nextInt(5); i > 0; i--) {
      String name = random.nextBoolean() ? NAMES[random.nextInt(NAMES.length)] : randomString(10);
      computes.add(new ComputeSpec(name, randomPath()));
    }
    String host = random.nextBoolean() ? joined(HOST_PIECES, 12) : "peco.azuredatabricks.net";
    HostClassification kind = HostClassification.values()[random.nextInt(HostClassification.values().length)];
    return new ProfileSpec("p", host, kind, randomPath(), computes);
  }

  String randomPath() {
    return random.nextBoolean() ? KNOWN_PATHS[random.nextInt(KNOWN_PATHS.length)] : joined(PATH_PIECES, 25);
  }

  String joined(String[] pieces, int maxPieces) {
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(maxPieces + 1); i > 0; i--) {
      out.append(pieces[random.nextInt(pieces.length)]);
    }
    return out.toString();
  }

  /** Any UTF-16 text, biased towards the characters that matter to the parsers. */
  String randomString(int maxLength) {
    String interesting = "/?&=%#;:@[]+-_. oO0123456789aAzZ\n\t\u0000\u00a0\u2028\ufeff";
    char[] chars = new char[random.nextInt(maxLength + 1)];
    for (int i = 0; i < chars.length; i++) {
      chars[i] = random.nextInt(4) == 0 ? (char) random.nextInt(Character.MAX_VALUE + 1)
          : interesting.charAt(random.nextInt(interesting.length()));
    }
    return new String(chars);
  }
}
