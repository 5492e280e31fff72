package io.brickcheck.gateway;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for a Databricks host, by default a SPOG (unified) host: it answers
 * discovery, OAuth M2M, a few REST APIs and Thrift session calls, refuses what a real unified host
 * refuses (an API call that names no workspace, a workspace header on an OAuth endpoint), and
 * records what every request carried.
 *
 * <p>It binds to 127.0.0.1 only. It is for tests and demos: it checks nothing a real host would
 * check beyond routing and credentials.
 */
public final class FakeGateway implements AutoCloseable {
  static final String ORG_ID = "X-Databricks-Org-Id";
  static final String WORKSPACE_ID = "X-Databricks-Workspace-Id";
  private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
  private static final int MAX_BODY = 1 << 20;

  private final Builder config;
  private final HttpServer server;
  private final ExecutorService executor;
  private final ThriftEndpoint thrift = new ThriftEndpoint();
  private final List<RecordedRequest> recorded = new ArrayList<>();
  private final Set<String> issuedTokens = ConcurrentHashMap.newKeySet();
  private final SecureRandom random = new SecureRandom();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  /** Tokens the host-level {@code /oidc/v1/token} issued on a unified host ({@link Signature#HOST_LEVEL_TOKEN_REFUSED}). */
  private final Set<String> hostLevelTokens = ConcurrentHashMap.newKeySet();
  private volatile Signature signature = Signature.NONE;

  /**
   * How the gateway, as a unified host, answers the mistakes users of SPOG hosts meet, in the
   * shapes the Databricks clients' maintainers reported. A workspace header on an OAuth endpoint
   * is always answered with 400, as a real unified host does.
   */
  public enum Signature {
    /** An API or Thrift call that names no workspace gets 400 INVALID_PARAMETER_VALUE (JSON). */
    NONE,
    /** ... gets {@code 303 See Other} to {@code /login}, an HTML sign-in page. */
    LOGIN_REDIRECT,
    /** ... gets {@code 400} with "Unable to load OAuth Config". */
    OAUTH_CONFIG_NOT_LOADED,
    /**
     * The host-level {@code /oidc/v1/token} issues tokens on a unified host, and the APIs refuse
     * them with 401 "Invalid Token": only the account-rooted issuer's tokens are valid there.
     */
    HOST_LEVEL_TOKEN_REFUSED
  }

  private FakeGateway(Builder config) throws IOException {
    this.config = config;
    this.signature = config.signature;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 64);
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "fake-gateway-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code http://127.0.0.1:<port>}: what a profile's host is set to. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String workspaceId() {
    return config.workspaceId;
  }

  public String accountId() {
    return config.accountId;
  }

  /** Every request so far, in arrival order. */
  public synchronized List<RecordedRequest> requests() {
    return List.copyOf(recorded);
  }

  public synchronized void clearRequests() {
    recorded.clear();
  }

  /**
   * Forgets every token issued so far, as a real host does when tokens are revoked or it restarts:
   * the next call with one of them gets 401, so a client must fetch a new token.
   */
  public void revokeIssuedTokens() {
    issuedTokens.clear();
  }

  /** Switches the failure signature from the next request on (default {@link Signature#NONE}). */
  public void signature(Signature signature) {
    this.signature = java.util.Objects.requireNonNull(signature, "signature");
  }

  /** Token requests answered with a token. */
  public int tokensIssued() {
    return tokenRequests.get();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = readBody(exchange.getRequestBody());
      String path = exchange.getRequestURI().getPath();
      Response response = route(exchange, path, body);
      record(exchange, response.kind, response.status);
      exchange.getResponseHeaders().set("Content-Type", response.contentType);
      response.headers.forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(response.status, response.body.length == 0 ? -1 : response.body.length);
      if (response.body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body);
        }
      }
    } catch (RuntimeException e) {
      // A bug in the fake must show in the test, not hang the client.
      exchange.sendResponseHeaders(500, -1);
      throw e;
    }
  }

  private Response route(HttpExchange exchange, String path, byte[] body) {
    String method = exchange.getRequestMethod();
    if (path.equals("/.well-known/databricks-config")) {
      return discovery();
    }
    if (path.startsWith("/oidc/")) {
      return oauth(exchange, path, body);
    }
    if (path.startsWith("/api/")) {
      return rest(exchange, method, path);
    }
    if (method.equals("POST") && (path.startsWith("/sql/") || path.startsWith("/cliservice"))) {
      return thrift(exchange, body);
    }
    if (path.equals("/login")) {
      return new Response(RecordedRequest.Kind.OTHER, 200, "text/html; charset=utf-8",
          "<!doctype html><html><head><title>Databricks - Sign in</title></head><body>Sign in</body></html>"
              .getBytes(StandardCharsets.UTF_8));
    }
    return json(RecordedRequest.Kind.OTHER, 404, Map.of("error_code", "ENDPOINT_NOT_FOUND", "message", "No such endpoint"));
  }

  private Response discovery() {
    if (config.hostType == null) {
      return json(RecordedRequest.Kind.DISCOVERY, 404, Map.of("error_code", "ENDPOINT_NOT_FOUND"));
    }
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("host_type", config.hostType);
    meta.put("account_id", config.accountId);
    if (!config.hostType.equalsIgnoreCase("unified")) {
      meta.put("workspace_id", config.workspaceId);
    }
    meta.put("cloud", "azure");
    meta.put(
        "oidc_endpoint",
        config.hostType.equalsIgnoreCase("workspace") ? baseUrl() + "/oidc" : baseUrl() + "/oidc/accounts/{account_id}");
    meta.putAll(config.discoveryFields);
    return json(RecordedRequest.Kind.DISCOVERY, 200, meta);
  }

  private Response oauth(HttpExchange exchange, String path, byte[] body) {
    RecordedRequest.Kind kind = RecordedRequest.Kind.OAUTH;
    String accountRoot = "/oidc/accounts/" + config.accountId;
    if (path.equals("/oidc/.well-known/oauth-authorization-server")
        || path.equals(accountRoot + "/.well-known/oauth-authorization-server")) {
      String root = baseUrl() + path.substring(0, path.indexOf("/.well-known"));
      return json(kind, 200, Map.of(
          "issuer", root,
          "authorization_endpoint", root + "/v1/authorize",
          "token_endpoint", root + "/v1/token"));
    }
    boolean workspaceEndpoint = path.equals("/oidc/v1/token");
    boolean accountEndpoint = path.equals(accountRoot + "/v1/token");
    if (!workspaceEndpoint && !accountEndpoint) {
      return json(kind, 404, Map.of("error", "not_found"));
    }
    Map<String, String> headers = headers(exchange);
    // A real unified host answers 400 to a workspace header on OAuth endpoints.
    if (headers.containsKey(ORG_ID.toLowerCase()) || headers.containsKey(WORKSPACE_ID.toLowerCase())) {
      return json(kind, 400, Map.of("error", "invalid_request", "error_description", "workspace header on an OAuth endpoint"));
    }
    boolean hostLevelTokens = isUnified() && workspaceEndpoint && signature == Signature.HOST_LEVEL_TOKEN_REFUSED;
    if (isUnified() && workspaceEndpoint && !hostLevelTokens) {
      return json(kind, 400, Map.of("error", "invalid_request", "error_description", "unified hosts issue tokens at " + accountRoot + "/v1/token"));
    }
    String expected = "Basic " + Base64.getEncoder().encodeToString(
        (config.clientId + ":" + config.clientSecret).getBytes(StandardCharsets.UTF_8));
    String form = new String(body, StandardCharsets.UTF_8);
    if (config.clientId == null || !expected.equals(headers.get("authorization"))
        || !form.contains("grant_type=client_credentials")) {
      return json(kind, 401, Map.of("error", "invalid_client"));
    }
    String token = "fake-oauth-" + Long.toHexString(random.nextLong());
    (hostLevelTokens ? this.hostLevelTokens : issuedTokens).add(token);
    tokenRequests.incrementAndGet();
    return json(kind, 200, Map.of("access_token", token, "token_type", "Bearer", "expires_in", config.tokenLifetime.toSeconds()));
  }

  private Response rest(HttpExchange exchange, String method, String path) {
    RecordedRequest.Kind kind = RecordedRequest.Kind.REST;
    Map<String, String> headers = headers(exchange);
    if (isHostLevelToken(headers.get("authorization"))) {
      return json(kind, 401, Map.of("error_code", "UNAUTHENTICATED", "message", "Invalid Token"));
    }
    if (!authorized(headers.get("authorization"))) {
      return json(kind, 401, Map.of("error_code", "UNAUTHENTICATED", "message", "Missing or invalid credentials"));
    }
    Response routing = checkRouting(kind, headers.get(ORG_ID.toLowerCase()), headers.get(WORKSPACE_ID.toLowerCase()), path);
    if (routing != null) {
      return routing;
    }
    if (method.equals("GET") && path.equals("/api/2.0/preview/scim/v2/Me")) {
      return json(kind, 200, Map.of("id", "4242", "userName", "brickcheck-demo@example.com", "displayName", "Brickcheck demo", "active", true));
    }
    if (method.equals("GET") && path.equals("/api/2.0/sql/warehouses")) {
      return json(kind, 200, Map.of("warehouses", List.of(Map.of("id", "a1b2c3d4e5f6a7b8", "name", "Demo warehouse", "state", "RUNNING"))));
    }
    if (method.equals("GET") && path.equals("/api/2.0/clusters/list")) {
      return json(kind, 200, Map.of("clusters", List.of(Map.of("cluster_id", "0123-456789-abcdefgh", "cluster_name", "Demo cluster", "state", "RUNNING"))));
    }
    return json(kind, 404, Map.of("error_code", "ENDPOINT_NOT_FOUND", "message", "No API " + method + " " + path));
  }

  private Response thrift(HttpExchange exchange, byte[] body) {
    RecordedRequest.Kind kind = RecordedRequest.Kind.THRIFT;
    Map<String, String> headers = headers(exchange);
    if (isHostLevelToken(headers.get("authorization"))) {
      return json(kind, 401, Map.of("error_code", "UNAUTHENTICATED", "message", "Invalid Token"));
    }
    if (!authorized(headers.get("authorization"))) {
      return json(kind, 401, Map.of("error_code", "UNAUTHENTICATED"));
    }
    String query = exchange.getRequestURI().getRawQuery();
    String fromPath = query == null ? null : queryWorkspaceId(query);
    String orgId = headers.get(ORG_ID.toLowerCase());
    Response routing = checkRouting(kind, orgId != null ? orgId : fromPath, null, exchange.getRequestURI().getPath());
    if (routing != null) {
      return routing;
    }
    try {
      return new Response(kind, 200, "application/x-thrift", thrift.handle(body));
    } catch (Exception e) {
      return json(kind, 400, Map.of("error_code", "BAD_REQUEST", "message", "Not a Thrift call"));
    }
  }

  /** A unified host needs the workspace named; any host refuses a workspace that is not its own. */
  private Response checkRouting(RecordedRequest.Kind kind, String orgId, String workspaceHeader, String path) {
    String named = orgId != null ? orgId : workspaceHeader;
    if (named == null && isUnified() && signature == Signature.LOGIN_REDIRECT) {
      Response redirect = new Response(kind, 303, "text/html; charset=utf-8", new byte[0]);
      redirect.headers.put("Location", "/login?next_url=" + java.net.URLEncoder.encode(path, StandardCharsets.UTF_8));
      return redirect;
    }
    if (named == null && isUnified() && signature == Signature.OAUTH_CONFIG_NOT_LOADED) {
      return json(kind, 400, Map.of("error_code", "BAD_REQUEST", "message", "Unable to load OAuth Config"));
    }
    if (named == null) {
      return isUnified()
          ? json(kind, 400, Map.of("error_code", "INVALID_PARAMETER_VALUE", "message",
              "This is a unified host: name the workspace with ?o= on the http path or an "
                  + ORG_ID + " / " + WORKSPACE_ID + " header"))
          : null;
    }
    if (!named.equals(config.workspaceId)) {
      return json(kind, 403, Map.of("error_code", "PERMISSION_DENIED", "message", "Workspace " + named + " is not served here"));
    }
    return null;
  }

  private boolean isHostLevelToken(String authorization) {
    return authorization != null && authorization.startsWith("Bearer ") && hostLevelTokens.contains(authorization.substring(7));
  }

  private boolean authorized(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    String token = authorization.substring(7);
    return token.equals(config.personalAccessToken) || issuedTokens.contains(token);
  }

  private boolean isUnified() {
    return config.hostType != null && config.hostType.equalsIgnoreCase("unified");
  }

  /**
   * Reads {@code o} the simple way a server would; deliberately not Brickcheck's parser, so that
   * tests against this gateway do not judge the rule engine with itself.
   */
  private static String queryWorkspaceId(String rawQuery) {
    for (String pair : rawQuery.split("&")) {
      if (pair.startsWith("o=") && pair.length() > 2) {
        return pair.substring(2);
      }
    }
    return null;
  }

  private synchronized void record(HttpExchange exchange, RecordedRequest.Kind kind, int status) {
    Map<String, String> h = headers(exchange);
    String auth = h.get("authorization");
    String scheme = auth == null ? null : auth.split(" ", 2)[0];
    recorded.add(new RecordedRequest(kind, exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
        exchange.getRequestURI().getRawQuery(), h.get(ORG_ID.toLowerCase()), h.get(WORKSPACE_ID.toLowerCase()),
        scheme, h.get("user-agent"), status));
  }

  private static Map<String, String> headers(HttpExchange exchange) {
    Map<String, String> result = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((name, values) -> result.put(name.toLowerCase(), values.get(0)));
    return result;
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY);
    in.transferTo(OutputStream.nullOutputStream());
    return body;
  }

  private static Response json(RecordedRequest.Kind kind, int status, Object body) {
    return new Response(kind, status, "application/json", GSON.toJson(body).getBytes(StandardCharsets.UTF_8));
  }

  private record Response(RecordedRequest.Kind kind, int status, String contentType, byte[] body, Map<String, String> headers) {
    Response(RecordedRequest.Kind kind, int status, String contentType, byte[] body) {
      this(kind, status, contentType, body, new LinkedHashMap<>());
    }
  }

  /** Configures a gateway; {@link #start()} binds it to a loopback port (a free one unless {@link #port(int)} says). */
  public static final class Builder {
    private String hostType = "unified";
    private String accountId = "f0e1d2c3-b4a5-4697-8889-7a6b5c4d3e2f";
    private String workspaceId = "6436897454825492";
    private String personalAccessToken;
    private String clientId;
    private String clientSecret;
    private Duration tokenLifetime = Duration.ofHours(1);
    private int port;
    private Signature signature = Signature.NONE;
    private final Map<String, Object> discoveryFields = new LinkedHashMap<>();

    private Builder() {}

    /**
     * The loopback port to bind: 0 (default) for any free port, or a fixed one, as the sample's
     * demo needs for its declared host. {@link #start()} throws {@link java.net.BindException} if
     * that port is taken.
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535, not " + port);
      }
      this.port = port;
      return this;
    }

    /** {@code unified} (default), {@code workspace}, {@code account}, or null for no discovery (404). */
    public Builder hostType(String hostType) {
      this.hostType = hostType;
      return this;
    }

    public Builder accountId(String accountId) {
      this.accountId = accountId;
      return this;
    }

    public Builder workspaceId(String workspaceId) {
      this.workspaceId = workspaceId;
      return this;
    }

    /** The personal access token REST and Thrift calls must present. */
    public Builder personalAccessToken(String token) {
      this.personalAccessToken = token;
      return this;
    }

    /** The service principal that may exchange its secret for tokens. */
    public Builder oauthClient(String clientId, String clientSecret) {
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * Sets one field of the discovery answer as given (any JSON value, even a malformed one), over
     * what the host type would send: for tests of field-by-field reading.
     */
    public Builder discoveryField(String name, Object value) {
      discoveryFields.put(name, value);
      return this;
    }

    /** The failure signature from the start; {@link FakeGateway#signature(Signature)} switches it later. */
    public Builder signature(Signature signature) {
      this.signature = java.util.Objects.requireNonNull(signature, "signature");
      return this;
    }

    public Builder tokenLifetime(Duration lifetime) {
      this.tokenLifetime = lifetime;
      return this;
    }

    public FakeGateway start() throws IOException {
      return new FakeGateway(this);
    }
  }
}
