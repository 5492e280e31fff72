package io.brickcheck.internal.dbt;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the inside of one {@code {{ ... }}}: {@code env_var('NAME'[, 'default'])} followed by any
 * number of {@code | filter} or {@code | filter(args)} of {@link DbtFilter}. Arguments are Jinja
 * literals: strings in single or double quotes without backslashes, integers, {@code true}/
 * {@code false} (any case Jinja accepts), {@code none}; by position or by Jinja's keyword names.
 * Anything else is refused with a reason that names the unsupported part but never the values.
 */
final class EnvVarExpression {
  /** The prefix of dbt's secret variables, whose filters dbt applies to a placeholder (dbt-core {@code SecretContext}). */
  static final String SECRET_ENV_PREFIX = "DBT_ENV_SECRET_";

  /**
   * A parsed expression, or why it is not one.
   *
   * @param name the variable, or null when {@code error} is set
   * @param defaultValue env_var's own default, or null
   * @param filters the filters in order
   * @param error why the expression is unsupported ("uses the filter \"title\""), or null
   * @param isEnvVar true when the expression starts as an env_var call (the error is in its details)
   */
  record Result(String name, String defaultValue, List<DbtFilter> filters, String error, boolean isEnvVar) {}

  /** An argument not given, as distinct from Jinja's {@code none}. */
  private static final Object UNSET = new Object();

  private final String text;
  private int i;

  private EnvVarExpression(String text) {
    this.text = text;
  }

  static Result parse(String inside) {
    EnvVarExpression p = new EnvVarExpression(inside);
    try {
      return p.expression();
    } catch (Refused r) {
      return new Result(null, null, List.of(), r.getMessage(), r.isEnvVar);
    }
  }

  /** Why an expression is refused; no stack trace, it is an answer, not a failure. */
  private static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean isEnvVar;

    Refused(String why, boolean isEnvVar) {
      super(why, null, false, false);
      this.isEnvVar = isEnvVar;
    }
  }

  private Result expression() throws Refused {
    space();
    String function = identifier();
    if (!"env_var".equals(function)) {
      throw new Refused(null, false);
    }
    space();
    expect('(', "env_var(");
    List<Object[]> args = arguments("env_var");
    String name = null;
    String defaultValue = null;
    for (int a = 0; a < args.size(); a++) {
      String key = (String) args.get(a)[0];
      Object value = args.get(a)[1];
      int slot = key == null ? a : "var".equals(key) ? 0 : "default".equals(key) ? 1 : -1;
      if (slot < 0 || slot > 1 || !(value instanceof String s)) {
        throw new Refused("passes env_var something other than a variable name and a default, both"
            + " quoted text", true);
      }
      if (slot == 0) {
        name = s;
      } else {
        defaultValue = s;
      }
    }
    if (name == null) {
      throw new Refused("calls env_var without a variable name", true);
    }
    List<DbtFilter> filters = new ArrayList<>();
    space();
    while (i < text.length() && text.charAt(i) == '|') {
      i++;
      space();
      filters.add(filter());
      space();
    }
    if (i < text.length()) {
      throw new Refused("has \"" + text.charAt(i) + "\" after env_var(...) where only \"| filter\" may"
          + " follow", true);
    }
    if (!filters.isEmpty() && name.startsWith(SECRET_ENV_PREFIX)) {
      throw new Refused("filters " + SECRET_ENV_PREFIX + "* variable " + name + ", which dbt hands to"
          + " its filters as a placeholder and fills in afterwards, so the filters never see the"
          + " value", true);
    }
    return new Result(name, defaultValue, List.copyOf(filters), null, true);
  }

  private DbtFilter filter() throws Refused {
    String name = identifier();
    if (name.isEmpty()) {
      throw new Refused("has \"|\" without a filter name after it", true);
    }
    space();
    List<Object[]> args = List.of();
    if (i < text.length() && text.charAt(i) == '(') {
      i++;
      args = arguments(name);
    }
    return switch (name) {
      case "replace" -> {
        Object[] v = bind(name, args, "old", "new", "count");
        if (!(v[0] instanceof String old) || !(v[1] instanceof String replacement)
            || v[2] != UNSET && v[2] != null && !(v[2] instanceof Integer)) {
          throw usage(name, "replace('old', 'new'[, count])");
        }
        yield new DbtFilter.Replace(old, replacement, v[2] instanceof Integer count ? count : null);
      }
      case "trim" -> {
        Object[] v = bind(name, args, "chars");
        if (v[0] != UNSET && v[0] != null && !(v[0] instanceof String)) {
          throw usage(name, "trim or trim('characters')");
        }
        yield new DbtFilter.Trim(v[0] instanceof String chars ? chars : null);
      }
      case "lower", "upper" -> {
        bind(name, args);
        yield "lower".equals(name) ? new DbtFilter.Lower() : new DbtFilter.Upper();
      }
      case "default", "d" -> {
        Object[] v = bind(name, args, "default_value", "boolean");
        Object value = v[0] == UNSET ? "" : v[0]; // Jinja's own default for default_value
        if (!(value instanceof String s) || v[1] != UNSET && !(v[1] instanceof Boolean)) {
          throw usage(name, name + "('value'[, true])");
        }
        yield new DbtFilter.Default(s, Boolean.TRUE.equals(v[1]));
      }
      default -> throw new Refused("uses the filter \"" + name + "\"", true);
    };
  }

  private static Refused usage(String filter, String form) {
    return new Refused("uses the filter \"" + filter + "\" with arguments Brickcheck cannot read; "
        + form + " is expected", true);
  }

  /** Positional then keyword arguments onto {@code names}; a Jinja call's own rules. */
  private Object[] bind(String filter, List<Object[]> args, String... names) throws Refused {
    Object[] values = new Object[names.length];
    java.util.Arrays.fill(values, UNSET);
    boolean[] set = new boolean[names.length];
    for (int a = 0; a < args.size(); a++) {
      String key = (String) args.get(a)[0];
      int slot = a;
      if (key != null) {
        slot = List.of(names).indexOf(key);
      }
      if (slot < 0 || slot >= names.length || set[slot]) {
        throw new Refused("gives the filter \"" + filter + "\" " + (slot < 0 || slot >= names.length
            ? "an argument it does not take" : "an argument twice"), true);
      }
      set[slot] = true;
      values[slot] = args.get(a)[1];
    }
    return values;
  }

  /** After {@code (}: literals up to {@code )}, each as {keyword or null, value}. */
  private List<Object[]> arguments(String callee) throws Refused {
    List<Object[]> args = new ArrayList<>();
    boolean keywords = false;
    space();
    while (i < text.length() && text.charAt(i) != ')') {
      String key = null;
      int start = i;
      String word = identifier();
      if (!word.isEmpty()) {
        space();
        if (i < text.length() && text.charAt(i) == '=') {
          i++;
          space();
          key = word;
        } else {
          i = start;
        }
      }
      if (key == null && keywords) {
        throw new Refused("gives " + callee + " a positional argument after a keyword argument", true);
      }
      keywords |= key != null;
      args.add(new Object[] {key, literal(callee)});
      space();
      if (i < text.length() && text.charAt(i) == ',') {
        i++;
        space();
      } else {
        break;
      }
    }
    expect(')', callee + "(...)");
    return args;
  }

  /** A string, an integer, a boolean or none (as null). */
  private Object literal(String callee) throws Refused {
    if (i >= text.length()) {
      throw new Refused("ends inside " + callee + "(...)", true);
    }
    char c = text.charAt(i);
    if (c == '\'' || c == '"') {
      int end = text.indexOf(c, i + 1);
      if (end < 0) {
        throw new Refused("has a quoted text in " + callee + "(...) that does not end", true);
      }
      String s = text.substring(i + 1, end);
      if (s.indexOf('\\') >= 0) {
        throw new Refused("has a backslash in a quoted text of " + callee + "(...), an escape"
            + " Brickcheck does not read", true);
      }
      i = end + 1;
      return s;
    }
    int start = i;
    if (c == '-' || c == '+') {
      i++;
    }
    int digits = i;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    if (i > digits) {
      if (i - digits > 9) {
        throw new Refused("gives " + callee + " a number too large", true);
      }
      return Integer.parseInt(text.substring(start, i));
    }
    i = start;
    String word = identifier();
    switch (word) {
      case "true", "True" -> {
        return Boolean.TRUE;
      }
      case "false", "False" -> {
        return Boolean.FALSE;
      }
      case "none", "None" -> {
        return null;
      }
      default -> throw new Refused("gives " + callee + " an argument that is not quoted text, a"
          + " number, true or false", true);
    }
  }

  private String identifier() {
    int start = i;
    while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) && text.charAt(i) < 0x80
        || text.charAt(i) == '_') && !(i == start && Character.isDigit(text.charAt(i)))) {
      i++;
    }
    return text.substring(start, i);
  }

  private void expect(char c, String where) throws Refused {
    space();
    if (i >= text.length() || text.charAt(i) != c) {
      throw new Refused("is not a complete " + where + " call", true);
    }
    i++;
  }

  /** Jinja's lexer skips spaces, tabs and line breaks between tokens. */
  private void space() {
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n'
        || text.charAt(i) == '\r')) {
      i++;
    }
  }
}
