package io.brickcheck.sample;

import com.databricks.sdk.core.DatabricksConfig;
import io.brickcheck.BrickcheckOptions;
import io.brickcheck.Credentials;
import io.brickcheck.DatabricksConnection;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;
import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import java.io.PrintStream;
import java.net.BindException;
import java.util.List;
import java.util.Map;

/**
 * The README's main job. Without {@code DATABRICKS_HOST} it starts the embedded gateway on
 * {@code 127.0.0.1:}{@value Hosts#DEMO_PORT}, playing a SPOG host, and drives it through the
 * generated factories, authenticated by the Databricks SDK; with {@code DATABRICKS_HOST}, {@code
 * DATABRICKS_HTTP_PATH} and credentials the SDK's default chain finds ({@code DATABRICKS_TOKEN},
 * {@code DATABRICKS_CLIENT_ID} and {@code DATABRICKS_CLIENT_SECRET}, Azure, the CLIs, {@code
 * ~/.databrickscfg}) it does the same against that workspace ({@code DATABRICKS_JDBC_URL}, if set, is read as a
 * databricks-jdbc URL and opened through {@code dataSource()}).
 */
public final class Main {
  /** The demo service principal the embedded gateway accepts (not a real secret). */
  static final String DEMO_CLIENT_ID = "brickcheck-demo-sp";

  static final String DEMO_CLIENT_SECRET = "demo-secret-not-real";

  /** The demo personal access token the embedded gateway accepts (not a real secret). */
  static final String DEMO_TOKEN = "dapi-demo-token-not-real";

  private Main() {}

  /**
   * Runs the demo.
   *
   * @param args ignored
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> env = System.getenv();
    String host = env.get("DATABRICKS_HOST");
    int status = host == null || host.isBlank() ? embedded(System.out, System.err) : workspace(env, System.out);
    System.exit(status);
  }

  static BrickcheckOptions options() {
    // BLOCKING so that the status block already shows the host's discovery answer.
    return BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING).build();
  }

  static int embedded(PrintStream out, PrintStream err) throws Exception {
    FakeGateway gateway;
    try {
      gateway = FakeGateway.builder().port(Hosts.DEMO_PORT).personalAccessToken(DEMO_TOKEN).oauthClient(DEMO_CLIENT_ID, DEMO_CLIENT_SECRET).start();
    } catch (BindException e) {
      err.println("Cannot start the embedded gateway: port " + Hosts.DEMO_PORT + " on 127.0.0.1 is in use (" + e.getMessage()
          + "). The sample's profiles declare host " + Hosts.DEMO_HOST + ", so the demo needs that port."
          + " Stop what listens there (ss -ltnp 'sport = :" + Hosts.DEMO_PORT + "') and run again.");
      return 2;
    }
    try (gateway) {
      out.println("Embedded gateway on " + gateway.baseUrl() + ", playing a SPOG host (discovery says unified,"
          + " workspace " + gateway.workspaceId() + ", account " + gateway.accountId() + ").");
      out.println();
      // The generated factories: checked by javac, checked again here, resolved once.
      AnalyticsConnectionFactory analytics = AnalyticsConnectionFactory.create(options());
      ReportingConnectionFactory reporting = ReportingConnectionFactory.create(options());
      OrdersDbConnectionFactory orders = OrdersDbConnectionFactory.create(options());
      DatabricksConnection warehouse = analytics.openDefault();
      DatabricksConnection cluster = analytics.openEtlCluster();
      DatabricksConnection reportingWarehouse = reporting.openDefault();

      // REST, the SDK and JDBC as a service principal, authenticated by the Databricks SDK (OAuth
      // M2M configured the SDK's way; its token request goes to the account-rooted endpoint the
      // host's discovery names, without a workspace header). JDBC gets the SDK's token passed
      // through (AuthMech=11, Auth_Flow=0): the driver's own OAuth client insists on https and
      // port 443, which a loopback gateway cannot offer.
      Credentials servicePrincipal = Credentials.fromSdk(new DatabricksConfig()
          .setAuthType("oauth-m2m").setClientId(DEMO_CLIENT_ID).setClientSecret(DEMO_CLIENT_SECRET));
      Credentials token = Credentials.token(DEMO_TOKEN);
      run(new WorkspaceInventory(warehouse, cluster, servicePrincipal, servicePrincipal), analytics.profile(), reportingWarehouse, false, out);
      pooled(orders.openDefault(), token, false, out);

      out.println("== What the gateway received (" + gateway.requests().size() + " requests)");
      out.print(requestTable(gateway.requests()));
      out.println();
      out.println("client: okhttp = Brickcheck's probe and httpClient(); sdk = the Databricks SDK; jdbc = databricks-jdbc;");
      out.println("apache = discovery and OIDC metadata requests the SDK and the driver make on their own.");
      out.println("REST, SDK and JDBC authenticate with the SDK's one M2M token (Credentials.fromSdk); the pool uses a PAT.");
      out.println("The discovery and token requests carry no workspace header (an OAuth endpoint refuses one);");
      out.println("every API call and every Thrift request names workspace " + gateway.workspaceId()
          + ", and Thrift keeps ?o= on the http path.");
    }
    return 0;
  }

  static int workspace(Map<String, String> env, PrintStream out) throws Exception {
    String httpPath = env.get("DATABRICKS_HTTP_PATH");
    if (httpPath == null || httpPath.isBlank()) {
      throw new IllegalStateException("DATABRICKS_HOST is set but DATABRICKS_HTTP_PATH is not. Set it to the http path of a"
          + " SQL warehouse, with ?o=<workspace-id> on a SPOG host.");
    }
    // Built at run time, so the same rules run here instead of in javac.
    Profile.Builder builder = Profile.builder("environment", env.get("DATABRICKS_HOST")).defaultHttpPath(httpPath);
    String clusterPath = env.get("DATABRICKS_CLUSTER_HTTP_PATH");
    if (clusterPath != null && !clusterPath.isBlank()) {
      builder.compute("cluster", clusterPath);
    }
    Profile profile = builder.build(options());
    DatabricksConnection cluster = profile.computeNames().contains("cluster") ? profile.open("cluster") : null;
    out.println("Workspace mode: " + profile.host().baseUrl() + " from DATABRICKS_HOST.");
    out.println();
    // The SDK's default chain: DATABRICKS_TOKEN, DATABRICKS_CLIENT_ID/_SECRET, Azure, the CLIs,
    // ~/.databrickscfg, DATABRICKS_AUTH_TYPE, whatever this machine is set up with.
    Credentials credentials = Credentials.fromSdk();
    run(new WorkspaceInventory(profile.open("default"), cluster, credentials, credentials), profile, null, true, out);
    String jdbcUrl = env.get("DATABRICKS_JDBC_URL");
    if (jdbcUrl != null && !jdbcUrl.isBlank()) {
      // A URL read from configuration: the same checks as the constant form, at run time.
      pooled(Profile.fromJdbcUrl(jdbcUrl, options()).open("default"), credentials, true, out);
    }
    return 0;
  }

  /** A session through {@code dataSource()}, as a connection pool opens them. */
  static void pooled(DatabricksConnection connection, Credentials credentials, boolean query, PrintStream out)
      throws Exception {
    out.println("== databricks-jdbc through dataSource() (what a pool such as HikariCP calls), profile "
        + connection.profileName());
    out.println("jdbc url:      " + connection.jdbcUrl());
    try (java.sql.Connection jdbc = connection.dataSource(credentials).getConnection()) {
      String line = "compute " + connection.computeName() + ": session open on " + connection.httpPath();
      if (query) {
        try (java.sql.Statement st = jdbc.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT 1")) {
          rs.next();
          line += ", SELECT 1 -> " + rs.getInt(1);
        }
      }
      out.println(line);
    }
    out.println();
  }

  private static void run(WorkspaceInventory inventory, Profile profile, DatabricksConnection second, boolean query, PrintStream out)
      throws Exception {
    out.println("== Status of profile " + profile.name() + " (status().render())");
    out.print(profile.status().render());
    if (second != null) {
      out.println();
      out.println("== Status of profile " + second.profileName());
      out.print(second.status().render());
    }
    out.println();
    out.println("== REST through httpClient()");
    out.println("current user:  " + inventory.currentUserByRest());
    out.println("warehouses:    " + inventory.warehouseNames());
    out.println("clusters:      " + inventory.clusterNames());
    out.println();
    out.println("== Databricks SDK through sdkConfig()");
    out.println("current user:  " + inventory.currentUserBySdk());
    out.println();
    out.println("== databricks-jdbc through openJdbc()");
    for (String line : inventory.openSessions(query)) {
      out.println(line);
    }
    out.println();
  }

  /** One row per recorded request: who sent it, what it was and which routing header it carried. */
  static String requestTable(List<RecordedRequest> requests) {
    int width = "request".length();
    for (RecordedRequest r : requests) {
      width = Math.max(width, r.target().length());
    }
    String format = "%-3s %-7s %-9s %-4s %-" + width + "s  %-19s  %-25s  %s%n";
    StringBuilder table = new StringBuilder();
    table.append(String.format(format, "#", "client", "kind", "verb", "request", "X-Databricks-Org-Id", "X-Databricks-Workspace-Id", "status"));
    int n = 0;
    for (RecordedRequest r : requests) {
      table.append(String.format(format, ++n, client(r.userAgent()), r.kind(), r.method(), r.target(),
          r.orgId() == null ? "-" : r.orgId(), r.workspaceIdHeader() == null ? "-" : r.workspaceIdHeader(), r.status()));
    }
    return table.toString();
  }

  /** Which library sent a request, from its User-Agent. */
  static String client(String userAgent) {
    String ua = userAgent == null ? "" : userAgent.toLowerCase(java.util.Locale.ROOT);
    if (ua.contains("jdbc")) {
      return "jdbc";
    }
    if (ua.contains("databricks-sdk")) {
      return "sdk";
    }
    if (ua.startsWith("okhttp") || ua.contains("brickcheck")) {
      return "okhttp";
    }
    if (ua.startsWith("apache-httpclient")) {
      return "apache"; // the SDK's and the driver's own discovery and OIDC metadata requests
    }
    return ua.isEmpty() ? "?" : ua.split("[/ ]", 2)[0];
  }
}
