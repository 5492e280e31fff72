package io.brickcheck.internal.rules;

import java.util.Locale;

/**
 * One {@code key=value} of a JDBC URL, as written, with where it starts.
 *
 * @param key the key as written (the driver compares keys case-insensitively)
 * @param value the text after the first {@code =}, as written; empty when there is no {@code =}
 * @param offset the 0-based index of the key's first character in the URL
 */
public record JdbcUrlEntry(String key, String value, int offset) {

  /**
   * The key in lower case, as databricks-jdbc stores it.
   *
   * @return the key in lower case
   */
  public String normalizedKey() {
    return key.toLowerCase(Locale.ROOT);
  }

  /**
   * Whether this entry's key is {@code name}, ignoring case as the driver does.
   *
   * @param name a key name, such as {@code httpPath}
   * @return true when the keys are equal ignoring case
   */
  public boolean is(String name) {
    return key.equalsIgnoreCase(name);
  }

  /** Never shows the value: it may be a secret. */
  @Override
  public String toString() {
    return key + "=… (character " + (offset + 1) + ")";
  }
}
