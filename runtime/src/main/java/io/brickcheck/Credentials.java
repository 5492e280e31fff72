package io.brickcheck;

import com.databricks.sdk.core.DatabricksConfig;
import java.util.Map;
import java.util.Objects;

/**
 * How a connection authenticates: a personal access token, an OAuth machine-to-machine client, or
 * the Databricks SDK's own authentication ({@link #fromSdk()}: Azure service principals, managed
 * identity, the Azure or Databricks CLI, U2M login, workload-identity federation, {@code
 * ~/.databrickscfg}, {@code DATABRICKS_AUTH_TYPE}).
 *
 * <p><b>Which wins.</b> Brickcheck never switches on its own: {@link #token} and {@link #oauthM2M}
 * (and {@link #fromEnvironment()}, which gives one of them) always use Brickcheck's own token
 * handling, with or without the SDK on the class path; {@link #fromSdk()} always uses the SDK,
 * even when the SDK's chain ends in the same M2M client. Choose {@code fromSdk()} to get the SDK's
 * auth types; keep {@code oauthM2M} when the SDK is not on the class path.
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
    OAUTH_M2M,
    /**
     * The Databricks SDK authenticates ({@code DatabricksConfig.authenticate()}): its default
     * chain, or a {@link DatabricksConfig} the caller built. Needs {@code
     * com.databricks:databricks-sdk-java}.
     */
    SDK
  }

  private final Kind kind;
  private final String token;
  private final String clientId;
  private final String clientSecret;
  /** The caller's {@code DatabricksConfig} for {@link Kind#SDK}, or null for the default chain. */
  private final Object sdkConfig;

  private Credentials(Kind kind, String token, String clientId, String clientSecret) {
    this(kind, token, clientId, clientSecret, null);
  }

  private Credentials(Kind kind, String token, String clientId, String clientSecret, Object sdkConfig) {
    this.kind = kind;
    this.token = token;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.sdkConfig = sdkConfig;
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
   * The Databricks SDK's default credentials chain, for the profile's host: each connection gets a
   * {@code DatabricksConfig} with the profile's host (and workspace id), and the SDK finds the rest
   * as it always does ({@code DATABRICKS_AUTH_TYPE}, {@code DATABRICKS_TOKEN}, {@code
   * DATABRICKS_CLIENT_ID}/{@code _SECRET}, Azure variables, {@code ~/.databrickscfg}, the CLIs).
   * The chain runs at the first request, not here.
   *
   * @return SDK credentials
   * @throws IllegalStateException naming {@code com.databricks:databricks-sdk-java} when the SDK
   *     is not on the class path, or has no {@code DatabricksConfig.authenticate()}
   */
  public static Credentials fromSdk() {
    requireSdk();
    return new Credentials(Kind.SDK, null, null, null, null);
  }

  /**
   * A {@code DatabricksConfig} the caller built (any auth type the SDK has). Its host, if set, must
   * be the profile's host (a token for one host is never sent to another); if unset, the first
   * connection that uses it sets it to the profile's host. The config is used as given, not
   * copied: the SDK refreshes its tokens there.
   *
   * @param config the SDK configuration that authenticates
   * @return SDK credentials
   * @throws IllegalArgumentException when {@code config} is null
   * @throws IllegalStateException naming {@code com.databricks:databricks-sdk-java} when the SDK
   *     is not on the class path
   */
  public static Credentials fromSdk(DatabricksConfig config) {
    requireSdk();
    if (config == null) {
      throw new IllegalArgumentException(
          "config is null. A DatabricksConfig is expected; use Credentials.fromSdk() for the SDK's default chain.");
    }
    return new Credentials(Kind.SDK, null, null, null, config);
  }

  private static void requireSdk() {
    if (!SdkSupport.isPresent()) {
      throw new IllegalStateException(
          "Credentials.fromSdk needs the Databricks SDK, which is not on the class path. Add "
              + SdkSupport.COORDINATES + ":" + SdkSupport.RECOMMENDED + " to the dependencies.");
    }
    if (!SdkSupport.canAuthenticate()) {
      throw new IllegalStateException(
          "Credentials.fromSdk needs DatabricksConfig.authenticate(), which "
              + SdkSupport.COORDINATES + " " + java.util.Objects.requireNonNullElse(SdkSupport.version(), "(unknown version)")
              + " on the class path lacks. Upgrade to " + SdkSupport.COORDINATES + ":" + SdkSupport.RECOMMENDED + ".");
    }
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
   * @return {@code TOKEN}, {@code OAUTH_M2M} or {@code SDK}
   */
  public Kind kind() {
    return kind;
  }

  /** {@return the OAuth client id (not a secret), or null for a token} */
  public String clientId() {
    return clientId;
  }

  String token() {
    return token;
  }

  String clientSecret() {
    return clientSecret;
  }

  /** The caller's {@code DatabricksConfig}, or null for the SDK's default chain (or another kind). */
  Object sdkConfig() {
    return sdkConfig;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials c
        && kind == c.kind
        && Objects.equals(token, c.token)
        && Objects.equals(clientId, c.clientId)
        && Objects.equals(clientSecret, c.clientSecret)
        // The same config object, not an equal one: the SDK keeps its tokens in it.
        && sdkConfig == c.sdkConfig;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, token, clientId, clientSecret, System.identityHashCode(sdkConfig));
  }

  @Override
  public String toString() {
    return switch (kind) {
      case TOKEN -> "Credentials[token, redacted]";
      case OAUTH_M2M -> "Credentials[oauthM2M, clientId=" + clientId + ", secret redacted]";
      // Never the config's own toString: which attributes it prints is the SDK's choice.
      case SDK -> sdkConfig == null ? "Credentials[sdk, default chain]" : "Credentials[sdk, caller's DatabricksConfig]";
    };
  }

  private static String requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    return value;
  }
}
