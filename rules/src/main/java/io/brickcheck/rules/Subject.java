package io.brickcheck.rules;

/**
 * The part of a profile a {@link Problem} is about, so that a caller can point at it: javac at the
 * annotation attribute, the command line at the flag.
 */
public enum Subject {
  /** The profile's host. */
  HOST,
  /** A compute's http path (the compute is named by {@link Problem#compute()}). */
  HTTP_PATH,
  /** A compute's name. */
  COMPUTE_NAME,
  /** The profile as a whole, or a source outside the profile (an option, a file). */
  PROFILE
}
