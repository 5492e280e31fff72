package io.brickcheck;

import com.databricks.sdk.core.DatabricksConfig;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Host;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import io.brickcheck.internal.rules.TerminalText;
import io.brickcheck.rules.WorkspaceIdSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import okhttp3.OkHttpClient;

/**
 * One resolved, validated connection target: a compute of a checked {@link Profile}. Instances come
 * from {@link Profile#connection(String)} or a generated factory's {@code open<Compute>()}; they are
 * immutable, hold no secret, and compare by value.
 *
 * <p>{@link #host()} is the rule engine's normalised {@link Host} (lower-case name, explicit
 * scheme and port), not the string as declared: that is what every later use (JDBC URL, REST base
 * URL, SDK config) needs. {@link #httpPath()} is exactly as declared, because the server routes by
 * it and Brickcheck never rewrites it.
 */
public final class DatabricksConnection {
  private final ProfileRuntime runtime;
  private final String profileName;
  private final String computeName;
  private final Host host;
  private final String httpPath;
  private final String workspaceId;
  private final WorkspaceIdSource workspaceIdSource;

  DatabricksConnection(
      ProfileRuntime runtime,
      String computeName,
      String httpPath,
      String workspaceId,
      WorkspaceIdSource workspaceIdSource) {
    this.runtime = runtime;
    this.profileName = Objects.requireNonNull(runtime.name(), "profileName");
    this.computeName = Objects.requireNonNull(computeName, "computeName");
    this.host = Objects.requireNonNull(runtime.host(), "host");
    this.httpPath = Objects.requireNonNull(httpPath, "httpPath");
    this.workspaceId = workspaceId;
    this.workspaceIdSource = Objects.requireNonNull(workspaceIdSource, "workspaceIdSource");
  }

  /** {@return the name of the profile this connection belongs to} */
  public String profileName() {
    return profileName;
  }

  /** {@return the compute's name; {@code default} for the profile's own http path} */
  public String computeName() {
    return computeName;
  }

  /** {@return the host, parsed and normalised by the rule engine} */
  public Host host() {
    return host;
  }

  /** {@return the http path exactly as declared, {@code ?o=} included} */
  public String httpPath() {
    return httpPath;
  }

  /**
   * {@return the workspace this connection routes to, in canonical form (decimal digits, no leading
   * zeros), or empty when the http path names none}
   */
  public Optional<String> workspaceId() {
    return Optional.ofNullable(workspaceId);
  }

  /** {@return where {@link #workspaceId()} came from: {@code ?o=}, the cluster path, or nowhere} */
  public WorkspaceIdSource workspaceIdSource() {
    return workspaceIdSource;
  }

  /** {@return whether this connection is one of the profile whose shared state is {@code other}} */
  boolean sharesRuntime(ProfileRuntime other) {
    return runtime == other;
  }

  /**
   * The databricks-jdbc URL: {@code httpPath} exactly as declared (the server routes Thrift by it,
   * {@code ?o=} included) and {@code http.header.x-databricks-org-id=<id>} whenever there is an id,
   * which every driver version honours. For a profile read from a URL ({@link
   * Profile#fromJdbcUrl(String)}) the URL's schema and its other driver properties follow, in their
   * order. It holds no secret.
   *
   * @return the URL; it holds no secret
   */
  public String jdbcUrl() {
    return runtime.jdbcUrl(httpPath, workspaceId);
  }

  /**
   * The driver properties for {@code credentials}: {@code AuthMech=3} with the token, OAuth M2M
   * ({@code AuthMech=11}, with the account-rooted token endpoint on a unified host), or for {@link
   * Credentials#fromSdk()} the SDK's current token passed through ({@code AuthMech=11;
   * Auth_Flow=0;Auth_AccessToken}). A passed-through token is fixed for the connection's life: the
   * driver cannot refresh it, so a connection kept open past the token's expiry (an hour for OAuth)
   * gets 401 on its next statement. Each new connection takes the SDK's token of that moment (the
   * SDK refreshes it ahead of expiry), so let a pool retire connections sooner than the token
   * lifetime (HikariCP {@code maxLifetime}, e.g. 30 minutes).
   *
   * @param credentials what to authenticate with
   * @return the properties to pass with {@link #jdbcUrl()}; they hold the secret
   * @throws IllegalArgumentException when {@code credentials} is null
   * @throws IllegalStateException for M2M on a unified host whose account id discovery did not
   *     give, or when the SDK cannot give a bearer token
   */
  public Properties jdbcProperties(Credentials credentials) {
    requireCredentials(credentials, "jdbcProperties");
    if (credentials.kind() == Credentials.Kind.SDK) {
      try {
        return JdbcSupport.properties(credentials, null, runtime.tokens(credentials).accessToken());
      } catch (IOException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
    String tokenEndpoint = null;
    if (credentials.kind() == Credentials.Kind.OAUTH_M2M) {
      try {
        tokenEndpoint = runtime.discovery().unifiedTokenEndpointOrNull();
      } catch (IOException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }
    return JdbcSupport.properties(credentials, tokenEndpoint);
  }

  /**
   * Opens a JDBC connection with the databricks-jdbc driver ({@code com.databricks:databricks-jdbc},
   * 3.3.3 or newer when the path carries {@code ?o=}).
   *
   * @param credentials what to authenticate with
   * @return an open JDBC connection, which the caller closes
   * @throws DatabricksProfileException ({@code UnsupportedDriver}) when the driver on the classpath
   *     would truncate this path's {@code ?o=}
   * @throws SQLException from the driver, or when no driver is on the classpath; for a known
   *     symptom of a unified host ({@code LoginRedirect}, {@code OAuthConfigNotLoaded}, {@code
   *     HostLevelToken}) with a suppressed {@link DatabricksProfileException} naming cause and fix
   */
  public Connection openJdbc(Credentials credentials) throws SQLException {
    requireCredentials(credentials, "openJdbc");
    JdbcDriver driver = JdbcDriver.onClasspath();
    if (!driver.present()) {
      throw new SQLException(
          "databricks-jdbc is not on the classpath, so " + this + " cannot be opened. Add "
              + JdbcDriver.COORDINATES + ":" + JdbcDriver.RECOMMENDED + " (scope runtime).",
          "08001");
    }
    if (workspaceIdSource == WorkspaceIdSource.QUERY && !driver.keepsQueryWorkspaceId()) {
      throw new DatabricksProfileException(List.of(unsupportedDriver(driver)));
    }
    Properties properties = jdbcProperties(credentials);
    try {
      return DriverManager.getConnection(jdbcUrl(), properties);
    } catch (SQLException e) {
      // A known SPOG symptom gets its cause and fix attached (suppressed) and logged once per host.
      throw FailureSignatures.attachTo(e, runtime, workspaceId != null);
    }
  }

  /**
   * A {@link javax.sql.DataSource} for a connection pool: each {@code getConnection()} is {@link
   * #openJdbc(Credentials)}, so every pooled connection has the http path as declared, the
   * workspace header and the secret in the driver properties only. With HikariCP:
   *
   * <pre>{@code
   * HikariConfig config = new HikariConfig();
   * config.setDataSource(connection.dataSource(Credentials.fromEnvironment()));
   * HikariDataSource pool = new HikariDataSource(config);
   * }</pre>
   *
   * <p>{@code getConnection(user, password)} is refused: leave the pool's user name and password
   * unset. The data source never shows the credentials.
   *
   * @param credentials what every pooled connection authenticates with
   * @return a data source for this compute
   */
  public javax.sql.DataSource dataSource(Credentials credentials) {
    requireCredentials(credentials, "dataSource");
    return new DatabricksDataSource(this::openJdbc, toString(), credentials);
  }

  private Problem unsupportedDriver(JdbcDriver driver) {
    int eq = httpPath.indexOf('=', httpPath.indexOf('?'));
    String truncated = eq < 0 ? httpPath : httpPath.substring(0, eq);
    return Problem.of(
        Code.UnsupportedDriver,
        Subject.HTTP_PATH,
        computeName,
        JdbcDriver.COORDINATES + " " + driver.version() + " on the classpath truncates http path \""
            + httpPath + "\" to \"" + truncated + "\" and sends no x-databricks-org-id header, so"
            + " compute \"" + computeName + "\" of profile \"" + profileName + "\" would not reach"
            + " workspace " + workspaceId + ". databricks-jdbc 3.3.3 or newer is expected. Upgrade to "
            + JdbcDriver.COORDINATES + ":" + JdbcDriver.RECOMMENDED);
  }

  /**
   * An OkHttp client for REST calls to this workspace, derived from the options' client: it adds
   * the workspace header (per {@link BrickcheckOptions#headerStyle()}) and the bearer token to
   * requests for this profile's host only, decided for every request including each redirect
   * hop: never to another host or port, never to {@code /oidc/} or {@code /.well-known/} paths or
   * account-scoped APIs ({@code /api/2.x/accounts/...}), and never over a header the caller set.
   * OAuth M2M tokens are fetched from the right endpoint and cached until shortly before they
   * expire; a 401 to one of them triggers one refresh and one retry of the call. With {@link
   * Credentials#fromSdk()} each request carries the SDK's current headers ({@code
   * DatabricksConfig.authenticate()}), refreshed as the SDK refreshes them.
   *
   * @param credentials what to authenticate with
   * @return a client for this workspace's REST APIs
   * @throws IllegalArgumentException when {@code credentials} is null, or an SDK config of theirs
   *     names another host
   */
  public OkHttpClient httpClient(Credentials credentials) {
    requireCredentials(credentials, "httpClient");
    return RequestRouting.install(
            // Outermost: it sees each call's final response and the redirects it followed.
            FailureSignatures.watching(runtime.context().client().newBuilder(), runtime),
            host,
            workspaceId,
            runtime.options().headerStyle(),
            runtime.tokens(credentials))
        .build();
  }

  /**
   * A Databricks SDK configuration for this workspace: {@code https://<host>}, the credentials and,
   * when there is one, the workspace id ({@code setWorkspaceId}, so the SDK sends {@code
   * X-Databricks-Workspace-Id}). Needs {@code com.databricks:databricks-sdk-java} 0.79 or newer.
   * With {@link Credentials#fromSdk()} the configuration sets no credentials, so the SDK's default
   * chain authenticates, exactly as {@code new DatabricksConfig()} would; with {@link
   * Credentials#fromSdk(DatabricksConfig)} it is the caller's configuration, host checked and
   * workspace id added.
   *
   * @param credentials what to authenticate with
   * @return the SDK configuration, for {@code new WorkspaceClient(config)}
   * @throws DatabricksProfileException ({@code UnsupportedSdk}) when an id must be routed and the
   *     SDK on the classpath cannot carry it
   * @throws IllegalStateException when the SDK is not on the classpath
   */
  public DatabricksConfig sdkConfig(Credentials credentials) {
    requireCredentials(credentials, "sdkConfig");
    if (!SdkSupport.isPresent()) {
      throw new IllegalStateException(
          "databricks-sdk-java is not on the classpath. Add " + SdkSupport.COORDINATES + ":"
              + SdkSupport.RECOMMENDED + " to use sdkConfig().");
    }
    boolean mustRoute = workspaceId != null && runtime.report().hostKind() != HostClassification.WORKSPACE;
    if (mustRoute && !SdkSupport.canSetWorkspaceId()) {
      throw new DatabricksProfileException(List.of(Problem.of(
          Code.UnsupportedSdk,
          Subject.PROFILE,
          computeName,
          SdkSupport.COORDINATES + " " + Optional.ofNullable(SdkSupport.version()).orElse("(unknown version)")
              + " on the classpath has no DatabricksConfig.setWorkspaceId, so its API calls from"
              + " compute \"" + computeName + "\" of profile \"" + profileName + "\" cannot name"
              + " workspace " + workspaceId + ". databricks-sdk-java 0.79.0 or newer is expected."
              + " Upgrade to " + SdkSupport.COORDINATES + ":" + SdkSupport.RECOMMENDED)));
    }
    return SdkAuth.config(credentials, host, workspaceId);
  }

  private static void requireCredentials(Credentials credentials, String method) {
    if (credentials == null) {
      throw new IllegalArgumentException(
          method + "(null): credentials are expected. Pass Credentials.token(...), Credentials.oauthM2M(...),"
              + " Credentials.fromEnvironment() or Credentials.fromSdk().");
    }
  }

  /** {@return what Brickcheck knows and will do for this connection's profile: see {@link ProfileStatus}} */
  public ProfileStatus status() {
    return ProfileStatus.of(runtime);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatabricksConnection other
        && profileName.equals(other.profileName)
        && computeName.equals(other.computeName)
        && host.equals(other.host)
        && httpPath.equals(other.httpPath)
        && Objects.equals(workspaceId, other.workspaceId)
        && workspaceIdSource == other.workspaceIdSource
        // A profile read from a URL keeps its schema and other properties: part of the value.
        && jdbcUrl().equals(other.jdbcUrl());
  }

  @Override
  public int hashCode() {
    return Objects.hash(profileName, computeName, host, httpPath, workspaceId, workspaceIdSource, jdbcUrl());
  }

  @Override
  public String toString() {
    return "DatabricksConnection{profile="
        + TerminalText.value(profileName)
        + ", compute="
        + TerminalText.value(computeName)
        + ", host="
        + host.baseUrl()
        + ", httpPath="
        + TerminalText.value(httpPath)
        + ", workspaceId="
        + (workspaceId == null ? "none" : workspaceId + " (" + workspaceIdSource + ")")
        + "}";
  }
}
