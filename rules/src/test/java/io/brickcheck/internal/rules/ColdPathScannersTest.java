package io.brickcheck.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.ComputeNameRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hand-written scanners that replaced character-class regular expressions on the way to a
 * first JDBC URL (issue 17) accept exactly what the expressions accepted: each is compared with
 * its former expression on the edges (empty, one character, the length limits, non-ASCII and
 * control characters) and on 20,000 strings drawn with a fixed seed from an alphabet of the
 * characters those expressions tell apart.
 */
class ColdPathScannersTest {
  /** Letters of both cases, digits, the punctuation the expressions name, and characters they refuse. */
  private static final String ALPHABET = "azAZ09-_+.:/ ~\u007f\u0000\u00e9\u0130\u0660";

  @Test
  void dnsLabelMatchesItsFormerExpression() {
    Pattern label = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    List<String> edges = new ArrayList<>(List.of("", "a", "-", "a-", "-a", "a-b", "0", "a--b", "A", "\u00e9", "a_b"));
    edges.add("a".repeat(63));
    edges.add("a".repeat(64));
    edges.add("a" + "-".repeat(61) + "b");
    edges.add("a" + "-".repeat(62) + "b");
    assertSame(label, HostParser::isLabel, edges);
    assertThat(HostParser.isLabel("a".repeat(63))).isTrue();
    assertThat(HostParser.isLabel("a".repeat(64))).isFalse();
  }

  @Test
  void brickcheckComputeNameMatchesItsFormerExpression() {
    Pattern valid = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    assertSame(valid, n -> ComputeNames.isValid(n, ComputeNameRule.BRICKCHECK),
        List.of("", "a", "Z", "0", "_", "-", "a0_-", "a.b", "a b", "\u00e9", "a\u00e9", "\u0130", "a\u0660"));
  }

  @Test
  void dbtComputeNameMatchesItsFormerExpression() {
    Pattern valid = Pattern.compile("[\\x20-\\x7E]*[A-Za-z0-9][\\x20-\\x7E]*");
    assertSame(valid, n -> ComputeNames.isValid(n, ComputeNameRule.DBT),
        List.of("", " ", "~", "-", "a", " 0 ", "etl.hourly", "a\u007f", "a\u001f", "\u00e9", "a\u00e9", "a\t", "\u0660"));
  }

  @Test
  void schemeMatchesItsFormerExpression() {
    Pattern scheme = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");
    assertSame(s -> scheme.matcher(s).lookingAt(), HttpPathParser::startsWithScheme,
        List.of("", ":", "a", "a:", "1a:", "https://x", "h+t.t-p:", "a_b:", "a b:", "/sql:", "\u00e9:", "jdbc:databricks:"));
  }

  /** {@code expected.matcher(s).matches() == actual.test(s)} on the edges and on random strings. */
  private static void assertSame(Pattern expected, Predicate<String> actual, List<String> edges) {
    assertSame(s -> expected.matcher(s).matches(), actual, edges);
  }

  /** {@code expected.test(s) == actual.test(s)} on the edges and on random strings. */
  private static void assertSame(Predicate<String> expected, Predicate<String> actual, List<String> edges) {
    List<String> inputs = new ArrayList<>(edges);
    Random random = new Random(17);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(i % 10 == 0 ? 70 : 6);
      for (int j = 0; j < length; j++) {
        s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      inputs.add(s.toString());
    }
    int accepted = 0;
    for (String s : inputs) {
      assertThat(actual.test(s)).as("%s", Text.quote(s)).isEqualTo(expected.test(s));
      accepted += expected.test(s) ? 1 : 0;
    }
    // Both answers occur, or the comparison says little.
    assertThat(accepted).isPositive().isLessThan(inputs.size());
  }
}
