package io.brickcheck.internal.dbt;

import io.brickcheck.rules.Location;
import org.yaml.snakeyaml.error.Mark;

/**
 * Where a value sits in a YAML file, 1-based, as every dbt message shows it:
 * {@code profiles.yml:3:11}. The processor attaches the message to the annotation value that named
 * the profile, since javac cannot point into a YAML file.
 *
 * @param file the file's name as given to the reader
 * @param line 1-based line
 * @param column 1-based column, in code points
 */
public record YamlPosition(String file, int line, int column) {

  static YamlPosition of(String file, Mark mark) {
    return mark == null ? start(file) : new YamlPosition(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Line 1, column 1: for problems about the file as a whole. */
  static YamlPosition start(String file) {
    return new YamlPosition(file, 1, 1);
  }

  /**
   * This position as a problem's location.
   *
   * @return {@code file:line:column} as a {@link Location}
   */
  public Location location() {
    return Location.file(file, line, column);
  }

  /**
   * {@code file:line:column: }, the start of every message about this position.
   *
   * @return {@code <file>:<line>:<column>: }
   */
  public String prefix() {
    return this + ": ";
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
