package io.brickcheck.internal.dbt;

import java.util.Locale;
import java.util.Objects;

/**
 * A Jinja string filter applied to an {@code env_var} value: {@code {{ env_var('H') | replace('https://',
 * '') | lower }}}. Each filter does what Jinja 3's built-in of the same name does to a Python
 * {@code str} (pallets/jinja {@code src/jinja2/filters.py}: {@code do_replace}, {@code do_trim},
 * {@code do_lower}, {@code do_upper}, {@code do_default}); dbt renders profiles with that Jinja.
 * Every other filter is an {@code UnsupportedTemplate} at parse time. See README-dbt.md.
 */
public sealed interface DbtFilter
    permits DbtFilter.Replace, DbtFilter.Trim, DbtFilter.Lower, DbtFilter.Upper, DbtFilter.Default {

  /**
   * The filter applied to {@code value}.
   *
   * @param value the text so far (never null)
   * @return the filtered text
   */
  String apply(String value);

  /**
   * The filter as Jinja would read it, for messages: {@code replace('https://', '')}.
   *
   * @return the filter's source, normalised to single quotes
   */
  String source();

  /**
   * {@code replace(old, new[, count])}: Python's {@code str.replace(old, new, count)}; a count
   * below zero, or none, replaces every occurrence; an empty {@code old} inserts {@code new} before
   * every character and at the end, as Python does.
   *
   * @param old the text to find
   * @param replacement the text put in its place
   * @param count the most occurrences replaced, or null for all
   */
  record Replace(String old, String replacement, Integer count) implements DbtFilter {
    /**
     * Checks that the texts are present.
     *
     * @param old the text to find
     * @param replacement the text put in its place
     * @param count the most occurrences replaced, or null for all
     */
    public Replace {
      Objects.requireNonNull(old, "old");
      Objects.requireNonNull(replacement, "replacement");
    }

    @Override
    public String apply(String value) {
      int limit = count == null || count < 0 ? Integer.MAX_VALUE : count;
      StringBuilder out = new StringBuilder(value.length());
      int done = 0;
      if (old.isEmpty()) {
        // Python inserts between code points, never inside a surrogate pair.
        int i = 0;
        while (i < value.length()) {
          if (done < limit) {
            out.append(replacement);
            done++;
          }
          int next = value.offsetByCodePoints(i, 1);
          out.append(value, i, next);
          i = next;
        }
        if (done < limit) {
          out.append(replacement);
        }
        return out.toString();
      }
      int from = 0;
      for (int at = value.indexOf(old); at >= 0 && done < limit; at = value.indexOf(old, from)) {
        out.append(value, from, at).append(replacement);
        from = at + old.length();
        done++;
      }
      return out.append(value, from, value.length()).toString();
    }

    @Override
    public String source() {
      return "replace(" + literal(old) + ", " + literal(replacement) + (count == null ? "" : ", " + count) + ")";
    }
  }

  /**
   * {@code trim([chars])}: Python's {@code str.strip(chars)}: without {@code chars}, Python's
   * whitespace (which, unlike Java's, includes no-break spaces) at both ends; with it, any of those
   * characters at both ends.
   *
   * @param chars the characters to strip, or null for whitespace
   */
  record Trim(String chars) implements DbtFilter {
    @Override
    public String apply(String value) {
      int start = 0;
      int end = value.length();
      while (start < end && strips(value.codePointAt(start))) {
        start += Character.charCount(value.codePointAt(start));
      }
      while (end > start && strips(value.codePointBefore(end))) {
        end -= Character.charCount(value.codePointBefore(end));
      }
      return value.substring(start, end);
    }

    private boolean strips(int codePoint) {
      return chars == null ? isPythonSpace(codePoint) : chars.codePoints().anyMatch(c -> c == codePoint);
    }

    /** CPython's {@code Py_UNICODE_ISSPACE}: the characters {@code str.strip()} removes. */
    static boolean isPythonSpace(int c) {
      return c >= 0x09 && c <= 0x0D || c >= 0x1C && c <= 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
          || c >= 0x2000 && c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
          || c == 0x3000;
    }

    @Override
    public String source() {
      return chars == null ? "trim" : "trim(" + literal(chars) + ")";
    }
  }

  /** {@code lower}: Python's {@code str.lower()}, which maps like Java's root-locale lower case. */
  record Lower() implements DbtFilter {
    @Override
    public String apply(String value) {
      return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String source() {
      return "lower";
    }
  }

  /** {@code upper}: Python's {@code str.upper()}, which maps like Java's root-locale upper case. */
  record Upper() implements DbtFilter {
    @Override
    public String apply(String value) {
      return value.toUpperCase(Locale.ROOT);
    }

    @Override
    public String source() {
      return "upper";
    }
  }

  /**
   * {@code default(value[, boolean])} (alias {@code d}). Jinja replaces an undefined value only,
   * and dbt's {@code env_var} never returns one: an unset variable without {@code env_var}'s own
   * default raises {@code EnvVarMissingError} before any filter runs (dbt-core
   * {@code core/dbt/context/secret.py}, {@code SecretContext.env_var}). So without {@code boolean}
   * this filter never changes anything; with {@code boolean = true} it replaces the empty string,
   * Python's one false {@code str}.
   *
   * @param value the replacement
   * @param ifEmpty Jinja's {@code boolean}: also replace an empty value
   */
  record Default(String value, boolean ifEmpty) implements DbtFilter {
    /**
     * Checks that the replacement is present.
     *
     * @param value the replacement
     * @param ifEmpty Jinja's {@code boolean}: also replace an empty value
     */
    public Default {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String apply(String current) {
      return ifEmpty && current.isEmpty() ? value : current;
    }

    @Override
    public String source() {
      return "default(" + literal(value) + (ifEmpty ? ", true" : "") + ")";
    }
  }

  /** A Jinja string literal for messages; the parser accepts no backslash, so none needs escaping. */
  private static String literal(String text) {
    return text.indexOf('\'') < 0 ? "'" + text + "'" : "\"" + text + "\"";
  }
}
