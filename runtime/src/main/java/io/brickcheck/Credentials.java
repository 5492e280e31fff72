package io.brickcheck;

import java.util.Map;
import java.util.Objects;

/**
 * How a connection authenticates: a personal access token or an OAuth machine-to-machine client.
 *
 * <p>Secrets never leave this object except on the wire to Databricks: {@link #toString()}, the
 * status block, logs and exception messages show only the kind of credential and, for OAuth, the
 * client id.
 */
public final class Credentials {
  /** The kind of credential. */
  public enum Kind {
    /** A personal access token, sent as {@code Authorization: Bearer <token>}. */
    TOKEN,
    /** OAuth M2M: a service principal's client id and secret, exchanged for short-lived tokens. */
    OAUTH_M2M
  }

  private final Kind kind;
  private final String token;
  private final String clientId;
  private final String clientSecret;

  private Credentials(Kind kind, String token, String clientId, String clientSecret) {
    this.kind = kind;
    this.token = token;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
  }

  /**
   * A personal access token ({@code dapi...}).
   *
   * @param token a personal access token
   * @return token credentials
   */
  public static Credentials token(String token) {
    return new Credentials(Kind.TOKEN, requireText(token, "token"), null, null);
  }

  /**
   * A service principal's OAuth client id and secret (OAuth M2M, client credentials).
   *
   * @param clientId the service principal's application (client) id
   * @param clientSecret the service principal's OAuth secret
   * @return OAuth M2M credentials
   */
  public static Credentials oauthM2M(String clientId, String clientSecret) {
    return new Credentials(
        Kind.OAUTH_M2M, null, requireText(clientId, "clientId"), requireText(clientSecret, "clientSecret"));
  }

  /**
   * From {@code DATABRICKS_TOKEN}, else {@code DATABRICKS_CLIENT_ID} and {@code
   * DATABRICKS_CLIENT_SECRET}, as the Databricks CLI and SDKs read them.
   *
   * @return the credentials found
   * @throws IllegalStateException naming the variables to set when neither is there
   */
  public static Credentials fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  static Credentials fromEnvironment(Map<String, String> env) {
    String token = env.get("DATABRICKS_TOKEN");
    if (token != null && !token.isBlank()) {
      return token(token.strip());
    }
    String id = env.get("DATABRICKS_CLIENT_ID");
    String secret = env.get("DATABRICKS_CLIENT_SECRET");
    if (id != null && !id.isBlank() && secret != null && !secret.isBlank()) {
      return oauthM2M(id.strip(), secret.strip());
    }
    if (id != null && !id.isBlank()) {
      throw new IllegalStateException(
          "DATABRICKS_CLIENT_ID is set but DATABRICKS_CLIENT_SECRET is not. Set both for OAuth M2M,"
              + " or set DATABRICKS_TOKEN for a personal access token.");
    }
    throw new IllegalStateException(
        "No Databricks credentials in the environment. Set DATABRICKS_TOKEN (a personal access"
            + " token), or DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (OAuth M2M).");
  }

  /**
   * Which kind of credentials these are.
   *
   * @return {@code TOKEN} or {@code OAUTH_M2M}
   */
  public Kind kind() {
    return kind;
  }

  /**
   * The OAuth client id (not a secret), or null for a token.
   *
   * @return the OAuth client id (not a secret), or null for a token
   */
  public String clientId() {
    return clientId;
  }

  String token() {
    return token;
  }

  String clientSecret() {
    return clientSecret;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials c
        && kind == c.kind
        && Objects.equals(token, c.token)
        && Objects.equals(clientId, c.clientId)
        && Objects.equals(clientSecret, c.clientSecret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, token, clientId, clientSecret);
  }

  @Override
  public String toString() {
    return kind == Kind.TOKEN
        ? "Credentials[token, redacted]"
        : "Credentials[oauthM2M, clientId=" + clientId + ", secret redacted]";
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    return value;
  }
}
