package io.brickcheck;

import io.brickcheck.rules.Host;
import io.brickcheck.internal.rules.JdbcUrl;
import io.brickcheck.internal.rules.JdbcUrlEntry;
import java.util.Properties;

/**
 * The JDBC URL and properties of the contract: {@code httpPath} exactly as declared (the driver
 * routes Thrift by it, {@code ?o=} included) and {@code http.header.x-databricks-org-id} whenever
 * there is an id, which every driver version honours and which also covers a cluster path without
 * {@code ?o=}. Secrets go in {@link Properties}, never in the URL string.
 */
final class JdbcSupport {
  static final String ORG_ID_URL_HEADER = "http.header.x-databricks-org-id";

  private JdbcSupport() {}

  static String url(Host host, String httpPath, String workspaceId) {
    return url(host, httpPath, workspaceId, null);
  }

  /**
   * @param source the URL a profile was read from, or null: its schema and its pass-through
   *     properties ({@link JdbcUrl#passThrough()}, secret-free) are kept; its own workspace header
   *     only when Brickcheck has no id to write
   */
  static String url(Host host, String httpPath, String workspaceId, JdbcUrl source) {
    StringBuilder url =
        new StringBuilder("jdbc:databricks://")
            .append(host.urlName())
            .append(':')
            .append(host.port())
            .append('/')
            .append(source == null ? "default" : source.schema())
            .append(";transportMode=http;ssl=")
            .append(host.secure() ? '1' : '0')
            .append(";httpPath=")
            .append(httpPath);
    if (workspaceId != null) {
      url.append(';').append(ORG_ID_URL_HEADER).append('=').append(workspaceId);
    }
    if (source != null) {
      for (JdbcUrlEntry e : source.passThrough()) {
        if (!(workspaceId != null && e.is(ORG_ID_URL_HEADER))) {
          url.append(';').append(e.key()).append('=').append(e.value());
        }
      }
    }
    return url.toString();
  }

  /**
   * @param tokenEndpoint the account-rooted M2M token endpoint on unified hosts, else null (the
   *     driver then discovers the workspace's own)
   */
  static Properties properties(Credentials credentials, String tokenEndpoint) {
    return properties(credentials, tokenEndpoint, null);
  }

  /**
   * @param accessToken for {@code SDK} credentials: the SDK's current bearer token, passed through
   *     ({@code AuthMech=11}, {@code Auth_Flow=0}, databricks-jdbc's {@code TOKEN_PASSTHROUGH});
   *     the driver keeps it for the connection's life and cannot refresh it
   */
  static Properties properties(Credentials credentials, String tokenEndpoint, String accessToken) {
    Properties p = new Properties();
    switch (credentials.kind()) {
      case TOKEN -> {
        p.setProperty("AuthMech", "3");
        p.setProperty("UID", "token");
        p.setProperty("PWD", credentials.token());
      }
      case OAUTH_M2M -> {
        p.setProperty("AuthMech", "11");
        p.setProperty("Auth_Flow", "1");
        p.setProperty("OAuth2ClientId", credentials.clientId());
        p.setProperty("OAuth2Secret", credentials.clientSecret());
        if (tokenEndpoint != null) {
          p.setProperty("OAuth2TokenEndpoint", tokenEndpoint);
          p.setProperty("EnableOIDCDiscovery", "0");
        }
      }
      case SDK -> {
        p.setProperty("AuthMech", "11");
        p.setProperty("Auth_Flow", "0");
        p.setProperty("Auth_AccessToken", java.util.Objects.requireNonNull(accessToken, "accessToken"));
      }
    }
    return p;
  }
}
