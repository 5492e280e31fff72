package io.brickcheck.internal.dbt;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import io.brickcheck.internal.rules.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Splits a YAML text value into literal parts and {@code env_var} templates. dbt renders every value
 * with Jinja; Brickcheck supports the one function that matters for connection settings, with the
 * string filters people put after it ({@link DbtFilter}), and refuses every other template, so that
 * what it checks is what dbt would use.
 */
final class EnvVarTemplates {
  static final String SUPPORTED =
      "Only {{ env_var('NAME') }} and {{ env_var('NAME', 'default') }} are supported, optionally"
          + " followed by the filters replace, trim, lower, upper and default";

  /**
   * A parsed value, or the first template Brickcheck cannot render.
   *
   * @param value the value (null for a secret, whose text is never kept, and on a problem)
   * @param problem the first unsupported template, or null
   * @param envVarNames the variables the templates read, in order
   * @param requiredEnvVars the env_var parts without an env_var default: dbt fails when their
   *     variable is unset (no filter can help, as dbt raises before filters run). A secret's parts
   *     keep the name and position only.
   */
  record Parsed(DbtValue value, Problem problem, List<String> envVarNames, List<DbtValue.EnvVar> requiredEnvVars) {}

  private EnvVarTemplates() {}

  /**
   * Parses {@code node}'s text. For a secret ({@code secret} true) the problem, if any, never
   * quotes the text: only its position and the field name.
   */
  static Parsed parse(
      ScalarNode node, String file, String field, Subject subject, String compute, boolean secret) {
    return parse(node.getValue(), field, subject, compute, secret,
        offset -> positionAt(node, file, offset), YamlPosition.of(file, node.getStartMark()));
  }

  /**
   * Parses {@code text}, a value read earlier (by the processor) and handed over without its node:
   * {@code at} gives the position of the template that starts at an offset, {@code position} the
   * value's own.
   */
  static Parsed parse(String text, String field, Subject subject, String compute, boolean secret,
      IntFunction<YamlPosition> at, YamlPosition position) {
    List<DbtValue.Part> parts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<DbtValue.EnvVar> required = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      int open = nextOpening(text, i);
      if (open < 0) {
        parts.add(new DbtValue.Literal(text.substring(i)));
        break;
      }
      if (open > i) {
        parts.add(new DbtValue.Literal(text.substring(i, open)));
      }
      char kind = text.charAt(open + 1);
      String closing = kind == '{' ? "}}" : kind + "}";
      int close = text.indexOf(closing, open + 2);
      YamlPosition where = at.apply(open);
      if (close < 0) {
        String what = secret ? field + " has " : field + " " + Text.quote(text) + " has ";
        return failed(subject, compute, where, what + "\"" + text.substring(open, open + 2) + "\" without a"
            + " closing \"" + closing + "\". " + SUPPORTED + ". Close the template, or write the value"
            + " itself");
      }
      String template = text.substring(open, close + 2);
      EnvVarExpression.Result expression = kind == '{'
          ? EnvVarExpression.parse(text.substring(open + 2, close))
          : new EnvVarExpression.Result(null, null, List.of(), null, false);
      String name = expression.name();
      if (name == null || name.isEmpty() || !isName(name)) {
        String what = secret ? field + " uses a template" : field + " uses the template " + Text.quote(template);
        String why = expression.error() != null ? ", which " + expression.error() + ". "
            : expression.isEnvVar() ? ", whose variable name is empty or has spaces. "
            : ", which Brickcheck cannot render. ";
        return failed(subject, compute, where, what + why + SUPPORTED + ". Use one of them, or write the"
            + " value itself");
      }
      DbtValue.EnvVar part = secret
          ? new DbtValue.EnvVar(name, null, where)
          : new DbtValue.EnvVar(name, expression.defaultValue(), expression.filters(), where);
      parts.add(part);
      names.add(name);
      if (expression.defaultValue() == null) {
        required.add(part);
      }
      i = close + 2;
    }
    if (parts.isEmpty()) {
      parts.add(new DbtValue.Literal(""));
    }
    // A secret's text and defaults are never kept: only which variables it reads.
    DbtValue value = secret ? null : new DbtValue(field, subject, compute, text, parts, position);
    return new Parsed(value, null, List.copyOf(names), List.copyOf(required));
  }

  /** Whitespace or a control character can never be part of an environment variable's name. */
  private static boolean isName(String name) {
    return name.chars().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
  }

  private static Parsed failed(Subject subject, String compute, YamlPosition where, String text) {
    return new Parsed(null, DbtProblems.at(Code.UnsupportedTemplate, subject, compute, where, text), List.of(), List.of());
  }

  /** The index of the next {@code {{}, {@code {%} or {@code {#} (Jinja's openings), or -1. */
  private static int nextOpening(String text, int from) {
    for (int i = text.indexOf('{', from); i >= 0 && i + 1 < text.length(); i = text.indexOf('{', i + 1)) {
      char next = text.charAt(i + 1);
      if (next == '{' || next == '%' || next == '#') {
        return i;
      }
    }
    return -1;
  }

  /**
   * The position of character {@code offset} of the node's value. Exact when the value is written
   * on one line without escapes (plain, or quoted with nothing folded or escaped); otherwise the
   * start of the value, which is still the right line for the common cases.
   */
  static YamlPosition positionAt(ScalarNode node, String file, int offset) {
    Mark start = node.getStartMark();
    Mark end = node.getEndMark();
    String value = node.getValue();
    ScalarStyle style = node.getScalarStyle();
    int quote = style == ScalarStyle.PLAIN ? 0
        : style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED ? 1 : -1;
    if (start == null || end == null || quote < 0 || start.getLine() != end.getLine()) {
      return YamlPosition.of(file, start);
    }
    int width = value.codePointCount(0, value.length()) + 2 * quote;
    if (end.getColumn() - start.getColumn() != width) {
      return YamlPosition.of(file, start);
    }
    int column = start.getColumn() + quote + value.codePointCount(0, offset);
    return new YamlPosition(file, start.getLine() + 1, column + 1);
  }
}
