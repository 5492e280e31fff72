package io.brickcheck;

import com.databricks.sdk.core.DatabricksConfig;
import io.brickcheck.rules.Host;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;

/**
 * {@link Credentials#fromSdk()} at work: the Databricks SDK authenticates, Brickcheck routes; and
 * the SDK configuration of any credentials ({@link #config}).
 * Every request asks {@code DatabricksConfig.authenticate()} for the SDK's current headers, so a
 * token the SDK refreshes (OAuth, Azure, CLI, federation) is the one sent, with no cache of ours
 * in between. Only loaded when the SDK is on the class path ({@link Credentials#fromSdk()} and
 * {@code DatabricksConnection.sdkConfig} check).
 *
 * <p>The SDK's routing headers ({@code X-Databricks-Org-Id}, {@code X-Databricks-Workspace-Id})
 * are dropped: Brickcheck decides routing per hop ({@link WorkspaceHeaderInterceptor}). Its other
 * headers ({@code Authorization}, Azure's {@code X-Databricks-Azure-SP-Management-Token}) go
 * where a bearer token may go, and nowhere else ({@link BearerAuthInterceptor}).
 */
final class SdkAuth implements BearerAuthInterceptor.TokenSupplier {
  private final DatabricksConfig config;
  private final Host host;
  private volatile boolean resolved;

  private SdkAuth(DatabricksConfig config, Host host) {
    this.config = config;
    this.host = host;
  }

  /** Authentication for the profile's {@code host} with {@code credentials} of kind {@code SDK}. */
  static SdkAuth of(Credentials credentials, Host host, String workspaceId) {
    return new SdkAuth(config(credentials, host, workspaceId), host);
  }

  /**
   * The SDK configuration for {@code credentials}: a new one with the profile's host (and
   * workspace id when the SDK can carry it) and the token or the M2M client, or none for the
   * default chain; or the caller's own, checked to be for this host (its host set to the profile's
   * when it had none) and given the workspace id.
   *
   * @throws IllegalArgumentException when the caller's config names another host
   */
  static DatabricksConfig config(Credentials credentials, Host host, String workspaceId) {
    String id = SdkSupport.canSetWorkspaceId() ? workspaceId : null;
    if (credentials.kind() == Credentials.Kind.TOKEN) {
      return SdkSupport.config(host.baseUrl(), id).setAuthType("pat").setToken(credentials.token());
    }
    if (credentials.kind() == Credentials.Kind.OAUTH_M2M) {
      return SdkSupport.config(host.baseUrl(), id)
          .setAuthType("oauth-m2m")
          .setClientId(credentials.clientId())
          .setClientSecret(credentials.clientSecret());
    }
    Object own = credentials.sdkConfig();
    if (own == null) {
      return SdkSupport.config(host.baseUrl(), id);
    }
    DatabricksConfig config = (DatabricksConfig) own;
    synchronized (config) { // authenticate() and resolve() lock the config too
      String configured = config.getHost();
      if (configured == null || configured.isBlank()) {
        config.setHost(host.baseUrl());
      } else if (!sameHost(host, configured)) {
        throw new IllegalArgumentException(
            "the DatabricksConfig given to Credentials.fromSdk is for host \"" + configured
                + "\", but this profile's host is " + host.baseUrl() + ". One host is expected, so that"
                + " no token for one host is sent to another. Leave the config's host unset, or set it"
                + " to " + host.baseUrl() + ".");
      }
      if (id != null && config.getWorkspaceId() == null) {
        SdkSupport.setWorkspaceId(config, id);
      }
    }
    return config;
  }

  private static boolean sameHost(Host host, String configured) {
    String text = configured.strip();
    if (!text.contains("://")) {
      text = "https://" + text; // the SDK's own reading of a bare host name
    }
    HttpUrl url = HttpUrl.parse(text);
    return url != null && WorkspaceHeaderInterceptor.isProfileHost(host, url);
  }

  /**
   * The SDK's current headers for a request: its credential provider refreshes what it must.
   *
   * @throws IOException when the SDK cannot authenticate (its message, which redacts secrets)
   */
  Map<String, String> headers() throws IOException {
    Map<String, String> all;
    try {
      if (!resolved) {
        // What the SDK's own ApiClient does first: read the environment and files for what the
        // config leaves unset, and give the config the HTTP client its token requests use.
        config.resolve();
        resolved = true;
      }
      all = config.authenticate();
    } catch (RuntimeException e) {
      throw new IOException(
          "The Databricks SDK could not authenticate to " + host.baseUrl() + ": " + e.getMessage()
              + ". Check the SDK's settings (DATABRICKS_AUTH_TYPE, DATABRICKS_* variables,"
              + " ~/.databrickscfg) or the DatabricksConfig given to Credentials.fromSdk.",
          e);
    }
    Map<String, String> kept = new LinkedHashMap<>();
    all.forEach((name, value) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      // Routing is Brickcheck's, per hop; CR/LF in a value would be a header injection.
      if (!lower.equals("x-databricks-org-id") && !lower.equals("x-databricks-workspace-id")
          && value != null && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
        kept.put(name, value);
      }
    });
    return kept;
  }

  /** For REST: every header the SDK gives (over a caller's {@code Authorization}, none). */
  @Override
  public Map<String, String> authHeaders() throws IOException {
    return headers();
  }

  /**
   * The bearer token of {@link #headers()}, for the JDBC driver's token pass-through.
   *
   * @throws IOException when the SDK cannot authenticate, or authenticates otherwise than with a
   *     bearer token (basic auth), which the driver cannot pass through
   */
  @Override
  public String accessToken() throws IOException {
    String authorization = null;
    for (Map.Entry<String, String> e : headers().entrySet()) {
      if (e.getKey().equalsIgnoreCase("Authorization")) {
        authorization = e.getValue();
      }
    }
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new IOException(
          "The Databricks SDK's auth type \"" + config.getAuthType() + "\" gives no bearer token for "
              + host.baseUrl() + ". A bearer token is expected. Choose an OAuth, PAT, Azure or"
              + " federation auth type in the SDK's settings.");
    }
    return authorization.substring(7);
  }

  @Override
  public String toString() {
    return "SdkAuth[" + host.baseUrl() + "]";
  }
}
