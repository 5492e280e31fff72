package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Location;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import static io.brickcheck.internal.rules.Text.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Splits a databricks-jdbc URL as the driver does and applies the rules that are about the URL
 * itself; {@link JdbcUrlChecker} adds the profile rules (host, http path, workspace ids).
 *
 * <p>The grammar is databricks-jdbc's own ({@code DatabricksConnectionContext.parse} and {@code
 * DatabricksJdbcConstants.JDBC_URL_PATTERN} in 3.4.5, {@code
 * jdbc:databricks://([^/;]+)(?:/([^;]*))?(?:;(.*))?}): the host part runs to the first {@code /} or
 * {@code ;}; an optional schema follows a {@code /}; then {@code ;}-separated segments, each split
 * at its first {@code =} (no {@code =} means an empty value), keys compared ignoring case, values
 * kept exactly as written (the driver decodes nothing). A {@code port} key overrides the host's port.
 *
 * <p>Rules here: {@link Code#InvalidJdbcUrl} (not such a URL, no host, no {@code httpPath}), {@link
 * Code#LegacyJdbcUrl} ({@code jdbc:spark://}), {@link Code#DuplicateJdbcUrlKey}, {@link
 * Code#SecretInJdbcUrl}, {@link Code#UnsupportedTransportMode}. Each message says where in the URL
 * the problem is ({@code JDBC URL, <key> at character <n>: }, 1-based) and never shows a secret
 * value. Pure and thread-safe; never throws; linear in the length of the input.
 */
public final class JdbcUrlParser {
  /** The prefix databricks-jdbc accepts (exactly, in lower case). */
  public static final String PREFIX = "jdbc:databricks://";
  /** The legacy Simba Spark driver's prefix; its grammar after the prefix is the same. */
  public static final String LEGACY_PREFIX = "jdbc:spark://";
  private static final String EXAMPLE =
      "\"jdbc:databricks://<host>:443/default;transportMode=http;ssl=1;httpPath=<http path>\"";

  private JdbcUrlParser() {}

  /**
   * Splits and checks a URL.
   *
   * @param input the URL, as configured
   * @return the split URL (absent when it cannot be used) and the problems of the URL itself
   */
  public static JdbcUrlResult parse(String input) {
    List<Problem> problems = new ArrayList<>();
    JdbcUrl url = split(input, problems);
    if (url == null) {
      return new JdbcUrlResult(null, problems);
    }
    if (url.legacy()) {
      problems.add(
          Problem.of(
              Code.LegacyJdbcUrl,
              Subject.PROFILE,
              null,
              "JDBC URL: " + quote(LEGACY_PREFIX) + " is the prefix of the legacy Simba Spark"
                  + " driver. A databricks-jdbc URL (com.databricks:databricks-jdbc 3.3.3 or newer,"
                  + " which keeps ?o= on the http path) is expected. Move to databricks-jdbc and"
                  + " start the URL with " + quote(PREFIX)));
    }
    checkKeys(url, problems);
    Optional<JdbcUrlEntry> path = url.entry(JdbcUrlKeys.HTTP_PATH);
    if (path.isEmpty()) {
      problems.add(
          Problem.of(
              Code.InvalidJdbcUrl,
              Subject.HTTP_PATH,
              ComputeNames.DEFAULT,
              "JDBC URL " + quote(url.redacted()) + " has no httpPath" + httpPathHint(url)
                  + ". An httpPath property naming the compute is expected, such as"
                  + " httpPath=/sql/1.0/warehouses/<id>?o=<workspace-id>. Add ;httpPath=<the http"
                  + " path from the compute's Connection details tab>"));
      return new JdbcUrlResult(null, problems);
    }
    if (path.get().value().isEmpty()) {
      problems.add(
          Problem.of(
              Code.InvalidJdbcUrl,
              Subject.HTTP_PATH,
              ComputeNames.DEFAULT,
              "httpPath is empty. The compute's http path is expected, such as"
                  + " httpPath=/sql/1.0/warehouses/<id>?o=<workspace-id>. Copy it from the"
                  + " compute's Connection details tab").at(where(path.get())));
      return new JdbcUrlResult(null, problems);
    }
    return new JdbcUrlResult(url, problems);
  }

  /** The prefix, host part, schema and entries; null after reporting why there are none. */
  private static JdbcUrl split(String input, List<Problem> problems) {
    if (input == null || input.isBlank()) {
      problems.add(
          Problem.of(
              Code.InvalidJdbcUrl,
              Subject.PROFILE,
              null,
              "the JDBC URL is empty. A databricks-jdbc URL such as " + EXAMPLE + " is expected."
                  + " Copy it from the compute's Connection details tab (JDBC URL)"));
      return null;
    }
    boolean legacy;
    int hostStart;
    if (input.startsWith(PREFIX)) {
      legacy = false;
      hostStart = PREFIX.length();
    } else if (input.startsWith(LEGACY_PREFIX)) {
      legacy = true;
      hostStart = LEGACY_PREFIX.length();
    } else {
      boolean otherCase =
          input.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
              || input.regionMatches(true, 0, LEGACY_PREFIX, 0, LEGACY_PREFIX.length());
      int semicolon = input.indexOf(';');
      String shown = JdbcUrlKeys.redact(input, entriesOf(input, semicolon < 0 ? input.length() : semicolon));
      problems.add(
          Problem.of(
              Code.InvalidJdbcUrl,
              Subject.PROFILE,
              null,
              otherCase
                  ? "JDBC URL " + quote(shown) + " does not start with " + quote(PREFIX) + " in lower"
                      + " case. databricks-jdbc accepts only the exact prefix " + quote(PREFIX)
                      + ". Write the prefix in lower case"
                  : "JDBC URL " + quote(shown) + " is not a databricks-jdbc URL. A URL such as "
                      + EXAMPLE + " is expected. Copy it from the compute's Connection details tab"
                      + " (JDBC URL)"));
      return null;
    }
    int hostEnd = hostStart;
    while (hostEnd < input.length() && input.charAt(hostEnd) != '/' && input.charAt(hostEnd) != ';') {
      hostEnd++;
    }
    String hostPart = input.substring(hostStart, hostEnd);
    int entriesStart = hostEnd;
    String schema = "";
    if (hostEnd < input.length() && input.charAt(hostEnd) == '/') {
      int semicolon = input.indexOf(';', hostEnd);
      entriesStart = semicolon < 0 ? input.length() : semicolon;
      schema = input.substring(hostEnd + 1, entriesStart);
    }
    List<JdbcUrlEntry> entries = entriesOf(input, entriesStart);
    if (hostPart.isEmpty()) {
      problems.add(
          Problem.of(
              Code.InvalidJdbcUrl,
              Subject.HOST,
              null,
              "JDBC URL " + quote(JdbcUrlKeys.redact(input, entries)) + " names no host after "
                  + quote(legacy ? LEGACY_PREFIX : PREFIX) + ". A host such as"
                  + " \"peco.azuredatabricks.net:443\" is expected there. Write the workspace or SPOG"
                  + " host right after " + quote(legacy ? LEGACY_PREFIX : PREFIX)));
      return null;
    }
    return new JdbcUrl(input, legacy, hostPart, hostStart, schema.isEmpty() ? "default" : schema, entries);
  }

  /** The {@code ;}-separated segments from {@code start} (a {@code ;} or the end); empty ones skipped. */
  private static List<JdbcUrlEntry> entriesOf(String input, int start) {
    List<JdbcUrlEntry> entries = new ArrayList<>();
    int i = start;
    while (i < input.length()) {
      // i is at a ';': the segment runs to the next one
      int segmentStart = i + 1;
      int end = input.indexOf(';', segmentStart);
      if (end < 0) {
        end = input.length();
      }
      if (end > segmentStart) {
        String segment = input.substring(segmentStart, end);
        int eq = segment.indexOf('=');
        entries.add(
            eq < 0
                ? new JdbcUrlEntry(segment, "", segmentStart)
                : new JdbcUrlEntry(segment.substring(0, eq), segment.substring(eq + 1), segmentStart));
      }
      i = end;
    }
    return entries;
  }

  /** Duplicates, secrets and the transport mode, in the order of the URL. */
  private static void checkKeys(JdbcUrl url, List<Problem> problems) {
    Map<String, JdbcUrlEntry> first = new HashMap<>();
    for (JdbcUrlEntry e : url.entries()) {
      // An empty key ("=x") names nothing the driver reads; it is not judged as a duplicate.
      JdbcUrlEntry earlier = e.key().isEmpty() ? null : first.putIfAbsent(e.normalizedKey(), e);
      if (earlier != null) {
        problems.add(
            Problem.of(
                Code.DuplicateJdbcUrlKey,
                Subject.PROFILE,
                null,
                "key " + quote(e.key()) + " is given a second time (first as "
                    + quote(earlier.key()) + " at character " + (earlier.offset() + 1) + "). Each"
                    + " key once is expected: keys ignore case, databricks-jdbc 3.3 refuses such a"
                    + " URL (\"Multiple entries with same key\") and 3.4 silently keeps the last"
                    + " value. Remove one of them").at(where(e)));
      }
      if (JdbcUrlKeys.isSecretKey(e.key()) && !e.value().isEmpty()) {
        problems.add(
            Problem.of(
                Code.SecretInJdbcUrl,
                Subject.PROFILE,
                null,
                "key " + quote(e.key()) + " holds a literal secret (its value is not shown"
                    + " here). A JDBC URL without secrets is expected: URLs are logged, shown in"
                    + " errors and, in a constant, stored in the class file. Remove ;" + e.key()
                    + "=... from the URL and pass the secret as a connection property (Brickcheck's"
                    + " Credentials with jdbcProperties() or dataSource())").at(where(e)));
      }
      if (e.is("transportMode") && !e.value().equalsIgnoreCase("http")) {
        problems.add(
            Problem.of(
                Code.UnsupportedTransportMode,
                Subject.PROFILE,
                null,
                "transportMode " + quote(e.value()) + " is not supported. transportMode=http"
                    + " is expected: Databricks serves Thrift over HTTP only. Use transportMode=http").at(where(e)));
      }
    }
  }

  /** Why no httpPath was found, when a near miss explains it. */
  private static String httpPathHint(JdbcUrl url) {
    for (JdbcUrlEntry e : url.entries()) {
      if (!e.is(JdbcUrlKeys.HTTP_PATH) && e.key().strip().equalsIgnoreCase(JdbcUrlKeys.HTTP_PATH)) {
        return " (key " + quote(e.key()) + " at character " + (e.offset() + 1) + " has spaces around"
            + " it, which the driver keeps)";
      }
    }
    if (url.schema().contains("=") || url.schema().contains("?")) {
      return " (properties follow \";\", but schema " + quote(url.schema()) + " holds \"?\" or \"=\")";
    }
    return "";
  }

  /** {@code JDBC URL, <key> at character <n>}: where an entry sits, for a message about it. */
  static Location where(JdbcUrlEntry e) {
    return Location.jdbcUrl(Text.escape(e.key(), 40), e.offset() + 1);
  }

  /** {@code JDBC URL, host at character <n>}. */
  static Location whereHost(JdbcUrl url) {
    return Location.jdbcUrl("host", url.hostOffset() + 1);
  }
}
