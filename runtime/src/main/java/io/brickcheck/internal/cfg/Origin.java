package io.brickcheck.internal.cfg;

import io.brickcheck.rules.Location;
import java.util.Objects;

/**
 * Where a setting came from: a position in a {@code .databrickscfg} file ({@code file:line:column},
 * 1-based, columns in code points) or an environment variable ({@code env:DATABRICKS_HOST}). Every
 * message about a setting starts with its origin, after the tag.
 *
 * @param file the file's name as shown in messages, or null for a variable
 * @param line 1-based line, or 0 for a variable
 * @param column 1-based column in code points, or 0 for a variable
 * @param variable the environment variable's name, or null for a file position
 */
public record Origin(String file, int line, int column, String variable) {

  /**
   * A position in a file.
   *
   * @param file the file's name as shown in messages
   * @param line 1-based line
   * @param column 1-based column, in code points
   * @return the origin
   */
  public static Origin at(String file, int line, int column) {
    return new Origin(Objects.requireNonNull(file, "file"), line, column, null);
  }

  /**
   * An environment variable.
   *
   * @param variable the variable's name, such as {@code DATABRICKS_HOST}
   * @return the origin
   */
  public static Origin env(String variable) {
    return new Origin(null, 0, 0, Objects.requireNonNull(variable, "variable"));
  }

  /**
   * Whether the value came from the environment.
   *
   * @return true for an environment variable
   */
  public boolean isEnvironment() {
    return variable != null;
  }

  /**
   * This origin as a problem's location.
   *
   * @return a file position or an environment variable
   */
  public Location location() {
    return variable != null ? Location.environment(variable) : Location.file(file, line, column);
  }

  /**
   * {@code <origin>: }, the start of every message about a value from here.
   *
   * @return {@code file:line:column: } or {@code env:NAME: }
   */
  public String prefix() {
    return this + ": ";
  }

  /** {@code file:line:column}, or {@code env:NAME}. */
  @Override
  public String toString() {
    return variable != null ? "env:" + variable : file + ":" + line + ":" + column;
  }
}
