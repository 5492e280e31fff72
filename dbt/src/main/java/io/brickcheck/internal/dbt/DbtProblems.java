package io.brickcheck.internal.dbt;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import io.brickcheck.internal.rules.Text;
import java.util.List;

/** Building problems about a value of the YAML file, placed at its {@code profiles.yml:L:C}. */
final class DbtProblems {
  /** A listing of names stays readable however many the file has. */
  static final int MAX_LISTED = 20;

  private DbtProblems() {}

  /**
   * A problem at {@code position} with the code's default severity. A full stop ends the text
   * unless it already ends with one or with a question ("Did you mean ...?").
   */
  static Problem at(Code code, Subject subject, String compute, YamlPosition position, String text) {
    String sentence = text.endsWith(".") || text.endsWith("?") ? text : text + ".";
    return new Problem(code, code.defaultSeverity(), subject, Problem.NO_INDEX, compute, sentence,
        position.location(), null);
  }

  /** {@code "a", "b", "c"}, at most {@link #MAX_LISTED} names, then how many more. */
  static String listing(List<String> names) {
    StringBuilder out = new StringBuilder();
    int shown = Math.min(names.size(), MAX_LISTED);
    for (int i = 0; i < shown; i++) {
      out.append(i == 0 ? "" : ", ").append(Text.quote(names.get(i)));
    }
    if (names.size() > shown) {
      out.append(" and ").append(names.size() - shown).append(" more");
    }
    return out.toString();
  }

  /** {@code  Did you mean "x"?} when a name is close, else the empty string. */
  static String didYouMean(String wanted, List<String> names) {
    return DidYouMean.closest(wanted, names).map(n -> " Did you mean " + Text.quote(n) + "?").orElse("");
  }
}
