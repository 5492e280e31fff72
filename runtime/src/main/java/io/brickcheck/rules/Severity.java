package io.brickcheck.rules;

/** How bad a {@link Problem} is: an error stops a build or a connection, a warning is reported. */
public enum Severity {
  ERROR,
  WARNING
}
