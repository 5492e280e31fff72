package io.brickcheck.rules;

import java.util.Objects;

/**
 * Where in a profile source the value a {@link Problem} is about was written, when javac cannot
 * point at it: a position in a file ({@code profiles.yml}, {@code ~/.databrickscfg}), an
 * environment variable, or a property of a databricks-jdbc URL. {@link Problem#message()} shows it
 * after the tag; the CLI's JSON and SARIF reports show its fields.
 *
 * @param kind which of the three it is
 * @param file the file's name as given to the reader; null unless {@link Kind#FILE}
 * @param line 1-based line; 0 unless {@link Kind#FILE}
 * @param column 1-based column in code points ({@link Kind#FILE}), or the 1-based character
 *     index of the property in the URL ({@link Kind#JDBC_URL}); 0 for a variable
 * @param name the variable's name ({@link Kind#ENVIRONMENT}) or the URL property's key, escaped
 *     for display ({@link Kind#JDBC_URL}); null for a file
 */
public record Location(Kind kind, String file, int line, int column, String name) {

  /** The kinds of place a setting can come from. */
  public enum Kind {
    /** A line and column in a file. */
    FILE,
    /** An environment variable such as {@code DATABRICKS_HOST}. */
    ENVIRONMENT,
    /** A property (or the host) of a databricks-jdbc URL, by character index. */
    JDBC_URL
  }

  /**
   * Checks that the fields the kind needs are present.
   *
   * @param kind which of the three it is
   * @param file the file's name, for {@link Kind#FILE}
   * @param line 1-based line, for {@link Kind#FILE}
   * @param column 1-based column or character index
   * @param name the variable or property key
   */
  public Location {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.FILE) {
      Objects.requireNonNull(file, "file");
    } else {
      Objects.requireNonNull(name, "name");
    }
  }

  /**
   * A position in a file.
   *
   * @param file the file's name as shown in messages
   * @param line 1-based line
   * @param column 1-based column, in code points
   * @return {@code file:line:column}
   */
  public static Location file(String file, int line, int column) {
    return new Location(Kind.FILE, file, line, column, null);
  }

  /**
   * An environment variable.
   *
   * @param variable the variable's name, such as {@code DATABRICKS_HOST}
   * @return {@code env:VARIABLE}
   */
  public static Location environment(String variable) {
    return new Location(Kind.ENVIRONMENT, null, 0, 0, variable);
  }

  /**
   * A place in a databricks-jdbc URL.
   *
   * @param key the property's key ({@code host} for the host part), escaped for display
   * @param character 1-based index of the property in the URL
   * @return {@code JDBC URL, key at character n}
   */
  public static Location jdbcUrl(String key, int character) {
    return new Location(Kind.JDBC_URL, null, 0, character, key);
  }

  /**
   * {@code <location>: }, what a message shows between its tag and its text.
   *
   * @return this location followed by a colon and a blank
   */
  public String prefix() {
    return this + ": ";
  }

  /** {@code file:line:column}, {@code env:NAME} or {@code JDBC URL, key at character n}. */
  @Override
  public String toString() {
    return switch (kind) {
      case FILE -> file + ":" + line + ":" + column;
      case ENVIRONMENT -> "env:" + name;
      case JDBC_URL -> "JDBC URL, " + name + " at character " + column;
    };
  }
}
