package io.brickcheck.processor;

import javax.lang.model.SourceVersion;

/**
 * The text of a generated factory that is not code: the class Javadoc ({@link #classJavadoc}),
 * and how untrusted text (annotation values, profiles.yml content) is written into it: as a string
 * {@link #literal}, in a Javadoc comment after {@link #html} or {@link #code}, or in a {@code //}
 * comment after {@link #commentText}. None of them ever writes a backslash outside a literal, a
 * line break, or a control or format character; {@link #ascii} then makes the whole file pure
 * ASCII.
 */
final class GeneratedText {
  private GeneratedText() {}

  /**
   * The factory's class Javadoc: the profile's values in a {@code <pre>} table (label column as
   * wide as the longest compute name), where they come from, and where to start.
   */
  static String classJavadoc(FactoryDescriptor d) {
    StringBuilder doc = new StringBuilder();
    int width = "workspace".length();
    for (FactoryDescriptor.ComputeDescriptor c : d.computes()) {
      width = Math.max(width, c.name().length());
    }
    doc.append("Typed connections of the Databricks profile ")
        .append(code(d.profileName()))
        .append(
            d.dbt() != null && d.dbt().templated()
                ? ", checked by Brickcheck at compile time as far as its templates allow, and in full"
                    + " when {@link #create(BrickcheckOptions)} renders them.\n\n<pre>\n"
                : ", checked by Brickcheck at compile time.\n\n<pre>\n");
    if (d.jdbcUrl() != null) {
      row(doc, width, "jdbc url", d.jdbcUrl());
    }
    String normalized = d.normalizedHost() == null ? "rendered at run time" : d.normalizedHost();
    row(doc, width, "host", d.host() + "  (" + normalized + ", hostKind " + d.hostKind() + ")");
    row(doc, width, "workspace",
        d.workspaceId() != null ? d.workspaceId()
            : d.dbt() != null && d.dbt().templated() ? "(known at run time)" : "(none)");
    for (FactoryDescriptor.ComputeDescriptor c : d.computes()) {
      row(doc, width, c.name(), c.httpPath());
    }
    doc.append("</pre>\n\n<p>Declared on ")
        .append(code(d.declaredOn()));
    if (d.dbt() != null) {
      doc.append(", read from ")
          .append(code(d.dbt().file()))
          .append(" (profile ")
          .append(code(d.dbt().profile()))
          .append(", target ")
          .append(code(d.dbt().target()))
          .append(")");
    }
    doc.append(". Start with {@link #create()}.\n");
    return doc.toString();
  }

  private static void row(StringBuilder doc, int width, String label, String value) {
    doc.append(html(label))
        .append(" ".repeat(width + 2 - label.length()))
        .append(html(value))
        .append('\n');
  }

  /** {@code <code>value</code>}, escaped: entities are not read inside an inline code tag. */
  static String code(String value) {
    return "<code>" + html(value) + "</code>";
  }

  /**
   * Escapes a user value for a Javadoc comment: HTML, {@code @} (tags), {@code *}{@code /} (the
   * comment's end), braces (inline tags) and backslashes (javac reads unicode escapes even inside
   * comments). Control, format and separator characters and unpaired surrogates are shown as
   * <code>&#92;u000a</code>, written with an entity for the backslash, so the comment stays on its lines.
   */
  static String html(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '/' -> out.append(out.length() > 0 && out.charAt(out.length() - 1) == '*' ? "&#47;" : "/");
        case '\\' -> out.append("&#92;");
        case '{', '}' -> out.append(c == '{' ? "&#123;" : "&#125;");
        default -> {
          if (unsafeInComment(value, i)) {
            out.append(String.format("&#92;u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * A user value for a {@code //} comment: printable text as is; a backslash, a control, format
   * or separator character and an unpaired surrogate as {@code U+XXXX}, so that neither a line
   * break nor a unicode escape can end the comment.
   */
  static String commentText(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || unsafeInComment(value, i)) {
        out.append(String.format("U+%04X", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A character that could break or hide a comment's text (a surrogate pair is fine). */
  private static boolean unsafeInComment(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(value.charAt(i - 1));
    }
    int type = Character.getType(c);
    return Character.isISOControl(c)
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /**
   * A Java string literal for any value, on one line: {@code \\}, {@code \"}, {@code \n},
   * {@code \r}, {@code \t}, and every other character outside printable ASCII as <code>&#92;uXXXX</code>
   * (never a line break or a quote, which a unicode escape would turn into source text). JavaPoet's
   * own {@code $S} splits at line breaks into a concatenation whose depth grows with the value.
   */
  static String literal(String value) {
    StringBuilder out = new StringBuilder(value.length() + 2).append('"');
    for (char c : value.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * The source with every non-ASCII character as <code>&#92;uXXXX</code> (in identifiers, such as a class
   * named after {@code Café}, and in comments): javac reads the same characters whatever
   * {@code -encoding} says. Literals are ASCII already; nothing else can hold a backslash, so no
   * escape changes meaning. A control character here would be a bug of this writer.
   */
  static String ascii(String source) {
    StringBuilder out = null;
    for (int i = 0; i < source.length(); i++) {
      char c = source.charAt(i);
      boolean plain = c >= 0x20 && c <= 0x7e || c == '\n';
      if (!plain && out == null) {
        out = new StringBuilder(source.length() + 64).append(source, 0, i);
      }
      if (c < 0x20 && c != '\n') {
        throw new IllegalStateException("control character U+" + Integer.toHexString(c) + " in generated source");
      }
      if (out != null) {
        if (plain) {
          out.append(c);
        } else {
          out.append(String.format("\\u%04x", (int) c));
        }
      }
    }
    return out == null ? source : out.toString();
  }

  /** A name the generated code declares: refused (an internal error) unless a Java identifier. */
  static String identifier(String name) {
    if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
      throw new IllegalStateException("not a Java identifier: " + io.brickcheck.internal.rules.Text.quote(name));
    }
    return name;
  }
}
