package io.brickcheck.internal.cfg;

/**
 * One resolved setting and where it came from. A secret's value is never kept: a secret setting
 * only says that it is present, and where.
 *
 * @param key the setting's key as the file spells it ({@code host}, {@code warehouse_id}, ...)
 * @param value the non-empty value; null for a secret
 * @param secret whether this is a credential ({@code token}, {@code client_secret}, ...)
 * @param origin the file position or environment variable it came from
 */
public record Setting(String key, String value, boolean secret, Origin origin) {

  /** Never shows a secret's value (it is not kept anyway). */
  @Override
  public String toString() {
    return key + "=" + (secret ? "<secret>" : value) + " (" + origin + ")";
  }
}
