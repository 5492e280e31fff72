package io.brickcheck.rules;

/** How bad a {@link Problem} is: an error stops a build or a connection, a warning is reported. */
public enum Severity {
  /** Fails the build, or the connection at run time. */
  ERROR,
  /** Reported, and suppressible; an error in strict mode. */
  WARNING
}
