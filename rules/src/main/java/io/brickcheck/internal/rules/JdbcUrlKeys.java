package io.brickcheck.internal.rules;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The databricks-jdbc URL keys the rules know by name: the http path, the routing header, the keys
 * Brickcheck writes itself, and the keys whose value is a secret (with the redaction that hides
 * them). Shared by the parser ({@link JdbcUrlParser}) and what it builds ({@link JdbcUrl}), so that
 * neither reaches back into the other.
 */
public final class JdbcUrlKeys {
  /** The key of the http path. */
  public static final String HTTP_PATH = "httpPath";
  /** The URL property that makes the driver send {@code x-databricks-org-id} on every request. */
  public static final String ORG_ID_HEADER = "http.header.x-databricks-org-id";

  /**
   * Keys whose value is a secret, in lower case: databricks-jdbc 3.4.5's password, token, client
   * secret, refresh token, proxy and key-store passwords and pass phrases
   * ({@code DatabricksJdbcUrlParams}), and an {@code Authorization} header set through the URL.
   */
  static final Set<String> SECRET_KEYS =
      Set.of(
          "pwd",
          "password",
          "oauth2secret",
          "auth_accesstoken",
          "auth_refreshtoken",
          "oauthrefreshtoken",
          "proxypwd",
          "cfproxypwd",
          "ssltruststorepwd",
          "sslkeystorepwd",
          "auth_jwt_key_passphrase",
          "tokencachepassphrase",
          "http.header.authorization");

  /** Keys Brickcheck writes itself when it builds a URL, in lower case. */
  static final Set<String> ROUTING_KEYS = Set.of("transportmode", "ssl", "httppath", "port");

  private JdbcUrlKeys() {}

  /**
   * Whether {@code key} names a secret (ignoring case).
   *
   * @param key a URL key
   * @return true for {@code PWD}, {@code OAuth2Secret}, {@code Auth_AccessToken} and the like
   */
  public static boolean isSecretKey(String key) {
    return key != null && SECRET_KEYS.contains(key.toLowerCase(Locale.ROOT));
  }

  /** {@code input} with the value of every secret entry replaced by {@code ***}. */
  static String redact(String input, List<JdbcUrlEntry> entries) {
    if (input == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(input.length());
    int copied = 0;
    for (JdbcUrlEntry e : entries) {
      if (isSecretKey(e.key()) && !e.value().isEmpty()) {
        int valueStart = e.offset() + e.key().length() + 1;
        out.append(input, copied, valueStart).append("***");
        copied = valueStart + e.value().length();
      }
    }
    return out.append(input, copied, input.length()).toString();
  }
}
