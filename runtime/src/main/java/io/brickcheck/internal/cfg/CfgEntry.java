package io.brickcheck.internal.cfg;

/**
 * One {@code key = value} line of a {@code .databrickscfg} section. A secret's value is never
 * kept: only whether it is non-empty, so nothing printable can leak it.
 *
 * @param key the key as written (the CLI and SDKs compare keys case-sensitively)
 * @param value the value with quotes and an inline comment removed; null for a secret (except
 *     inside {@link DatabricksCfg#credentials}, which uses it at once)
 * @param present whether the value is non-empty (the SDKs treat an empty value as unset)
 * @param secret whether the key holds a credential ({@code token}, {@code client_secret}, ...)
 * @param keyOrigin where the key is written
 * @param valueOrigin where the value starts (after {@code =} and any blanks or opening quote)
 */
public record CfgEntry(String key, String value, boolean present, boolean secret, Origin keyOrigin, Origin valueOrigin) {

  /** Never shows a secret's value (it is not kept anyway). */
  @Override
  public String toString() {
    return key + "=" + (secret ? (present ? "<secret>" : "<empty>") : value) + " at " + valueOrigin;
  }
}
