package io.brickcheck.rules;

/**
 * How bad a {@link Problem} is: an error stops a build or a connection, a warning is reported, a
 * note only informs.
 */
public enum Severity {
  /** Fails the build, or the connection at run time. */
  ERROR,
  /** Reported, and suppressible; an error in strict mode. */
  WARNING,
  /**
   * Advice, shown but never counted: javac prints it as a NOTE (Maven shows notes at INFO), so it
   * cannot fail a {@code -Werror} build, and strict mode leaves it a note. See docs/rules.md,
   * "Notes".
   */
  NOTE
}
