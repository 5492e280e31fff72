package io.brickcheck.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A databricks-jdbc URL split as the driver splits it ({@code
 * jdbc:databricks://host[:port][/schema];key=value;...}): the host part, the schema and every
 * {@code key=value} in order, each with its position. Values are kept exactly as written (the driver
 * does not decode them). Built by {@link JdbcUrlParser}; {@link #toString()} and {@link #redacted()}
 * never show a secret value.
 *
 * @param input the URL as given; may hold a secret, so never show it: use {@link #redacted()}
 * @param legacy true for the Simba driver's {@code jdbc:spark://} prefix
 * @param hostPart the text between {@code //} and the first {@code /} or {@code ;}, as written
 * @param hostOffset the 0-based index of {@code hostPart} in the URL
 * @param schema the text after the host's {@code /} up to the first {@code ;}; {@code default} when
 *     absent or empty, as the driver reads it
 * @param entries every non-empty {@code key=value} segment, in order, duplicates included
 */
public record JdbcUrl(
    String input, boolean legacy, String hostPart, int hostOffset, String schema, List<JdbcUrlEntry> entries) {

  /**
   * Copies the entries, so the record stays immutable.
   *
   * @param input the URL as given
   * @param legacy true for {@code jdbc:spark://}
   * @param hostPart the host and optional port as written
   * @param hostOffset where {@code hostPart} starts
   * @param schema the schema, {@code default} when absent
   * @param entries every {@code key=value}, in order
   */
  public JdbcUrl {
    entries = List.copyOf(entries);
  }

  /**
   * The entry the driver uses for {@code key}: the last one written (databricks-jdbc 3.4 keeps the
   * last of duplicates; {@link JdbcUrlParser} reports duplicates as errors).
   *
   * @param key a key, compared ignoring case
   * @return the last entry with that key, or empty
   */
  public Optional<JdbcUrlEntry> entry(String key) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).is(key)) {
        return Optional.of(entries.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The {@code httpPath} value, exactly as written.
   *
   * @return the http path, or empty when the URL has none
   */
  public Optional<String> httpPath() {
    Optional<JdbcUrlEntry> httpPath = entry(JdbcUrlKeys.HTTP_PATH);
    return httpPath.isEmpty() ? Optional.empty() : Optional.of(httpPath.get().value());
  }

  /**
   * Whether the driver would use TLS: anything but {@code ssl=0}, as databricks-jdbc reads it.
   *
   * @return false only for {@code ssl=0}
   */
  public boolean ssl() {
    Optional<JdbcUrlEntry> ssl = entry("ssl");
    return ssl.isEmpty() || !ssl.get().value().equals("0");
  }

  /**
   * The entries a caller set for the driver that Brickcheck does not write itself when it builds a
   * URL ({@code transportMode}, {@code ssl}, {@code httpPath}, {@code port} and the workspace
   * header are Brickcheck's), secrets excluded: what a rebuilt URL keeps of this one.
   *
   * @return the entries to keep, in order, last of duplicates only
   */
  public List<JdbcUrlEntry> passThrough() {
    List<JdbcUrlEntry> kept = new ArrayList<>();
    for (JdbcUrlEntry e : entries) {
      boolean last = entry(e.key()).orElseThrow() == e;
      if (last && !JdbcUrlKeys.ROUTING_KEYS.contains(e.normalizedKey()) && !JdbcUrlKeys.isSecretKey(e.key())) {
        kept.add(e);
      }
    }
    return List.copyOf(kept);
  }

  /**
   * The URL with every secret value replaced by {@code ***}: fit for messages and logs.
   *
   * @return the URL without secrets
   */
  public String redacted() {
    return JdbcUrlKeys.redact(input, entries);
  }

  @Override
  public String toString() {
    return redacted();
  }
}
