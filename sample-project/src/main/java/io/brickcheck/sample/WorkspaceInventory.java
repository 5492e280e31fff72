package io.brickcheck.sample;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.iam.MeRequest;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.brickcheck.Credentials;
import io.brickcheck.DatabricksConnection;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The service: what a workspace has, asked through each client Brickcheck routes. REST through
 * {@link DatabricksConnection#httpClient}, the Databricks SDK through {@link
 * DatabricksConnection#sdkConfig}, SQL through {@link DatabricksConnection#openJdbc}. None of this
 * code mentions a workspace id: the connection carries it.
 */
public final class WorkspaceInventory {
  private final DatabricksConnection warehouse;
  private final DatabricksConnection cluster;
  private final Credentials credentials;
  private final Credentials jdbcCredentials;
  private final OkHttpClient rest;

  /**
   * @param warehouse the SQL warehouse connection (REST, SDK and JDBC go through it)
   * @param cluster a cluster connection for a second JDBC session, or null
   * @param credentials what REST and SDK calls authenticate with
   * @param jdbcCredentials what JDBC sessions authenticate with
   */
  public WorkspaceInventory(
      DatabricksConnection warehouse, DatabricksConnection cluster, Credentials credentials, Credentials jdbcCredentials) {
    this.warehouse = warehouse;
    this.cluster = cluster;
    this.credentials = credentials;
    this.jdbcCredentials = jdbcCredentials;
    this.rest = warehouse.httpClient(credentials);
  }

  /** The current user's name, from SCIM over REST. */
  public String currentUserByRest() throws IOException {
    return get("/api/2.0/preview/scim/v2/Me").get("userName").getAsString();
  }

  /** The SQL warehouses' names, over REST. */
  public List<String> warehouseNames() throws IOException {
    return names(get("/api/2.0/sql/warehouses").getAsJsonArray("warehouses"), "name");
  }

  /** The clusters' names, over REST. */
  public List<String> clusterNames() throws IOException {
    return names(get("/api/2.0/clusters/list").getAsJsonArray("clusters"), "cluster_name");
  }

  /** The current user's name, through the real Databricks SDK. */
  public String currentUserBySdk() {
    return new WorkspaceClient(warehouse.sdkConfig(credentials)).currentUser().me(new MeRequest()).getUserName();
  }

  /**
   * Opens a JDBC session on the warehouse (and the cluster, if any) with the real databricks-jdbc
   * driver; with {@code query}, also runs {@code SELECT 1} (the embedded gateway opens sessions but
   * runs no statements).
   *
   * @return one line per session opened
   */
  public List<String> openSessions(boolean query) throws SQLException {
    List<String> lines = new ArrayList<>();
    lines.add(session(warehouse, query));
    if (cluster != null) {
      lines.add(session(cluster, query));
    }
    return lines;
  }

  private String session(DatabricksConnection c, boolean query) throws SQLException {
    try (Connection jdbc = c.openJdbc(jdbcCredentials)) {
      String line = "compute " + c.computeName() + ": session open on " + c.httpPath();
      if (query) {
        try (Statement st = jdbc.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
          rs.next();
          line += ", SELECT 1 -> " + rs.getInt(1);
        }
      }
      return line;
    }
  }

  private JsonObject get(String path) throws IOException {
    Request request = new Request.Builder().url(warehouse.host().baseUrl() + path).build();
    try (Response response = rest.newCall(request).execute()) {
      String body = response.body().string();
      if (!response.isSuccessful()) {
        throw new IOException("GET " + path + " answered " + response.code() + ": " + body);
      }
      return JsonParser.parseString(body).getAsJsonObject();
    }
  }

  private static List<String> names(JsonArray items, String field) {
    List<String> names = new ArrayList<>();
    if (items != null) {
      for (JsonElement item : items) {
        names.add(item.getAsJsonObject().get(field).getAsString());
      }
    }
    return names;
  }
}
