package io.brickcheck.internal.cfg;

import static io.brickcheck.internal.rules.Text.quote;

import io.brickcheck.rules.Code;
import io.brickcheck.internal.rules.ComputeSpec;
import io.brickcheck.rules.Host;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.internal.rules.HostParser;
import io.brickcheck.internal.rules.HostResult;
import io.brickcheck.internal.rules.HttpPathParser;
import io.brickcheck.internal.rules.HttpPathResult;
import io.brickcheck.rules.PathKind;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileChecker;
import io.brickcheck.internal.rules.ProfileReport;
import io.brickcheck.internal.rules.ProfileSpec;
import io.brickcheck.internal.rules.SpecForm;
import io.brickcheck.rules.Subject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Databricks CLI profile as a Brickcheck profile. The values are read with the CLI's and SDKs'
 * meaning (docs/rules.md, "Profile sources": a reader of another tool's file follows that tool), then
 * judged by the one rule engine ({@link HostParser}, {@link HttpPathParser}, {@link
 * ProfileChecker}); the rules here are only about how this source's values combine:
 *
 * <ul>
 *   <li>The host is what the Java SDK keeps ({@code ConfigLoader.fixHostIfNeeded}: scheme and
 *       authority); a workspace id in its query ({@code ?o=} before {@code ?w=} before {@code
 *       ?workspace_id=}, as the CLI reads them, databricks/cli#5373) is a workspace id.
 *   <li>The default compute's http path is {@code http_path}, else {@code warehouse_id} ({@code
 *       /sql/1.0/warehouses/<id>}), else {@code cluster_id} ({@code
 *       sql/protocolv1/o/<workspace_id>/<cluster_id>}); the others, when also set, are computes
 *       {@code warehouse} and {@code cluster}.
 *   <li>The workspace id is carried to {@code ?o=} of a warehouse or plain path unless the host is
 *       a per-workspace host that needs none, so that it reaches JDBC (the path and {@code
 *       http.header.x-databricks-org-id}), REST ({@code X-Databricks-Org-Id}) and the SDK ({@code
 *       setWorkspaceId}). A path is never rewritten when it already names a workspace.
 * </ul>
 */
final class CfgChecks {
  /** The CLI's placeholder for "no workspace" (databricks/cli#5338 stopped writing it; old files keep it). */
  static final String PLACEHOLDER = "none";

  /** The id-valued keys where the placeholder can appear. */
  private static final List<String> ID_KEYS = List.of("workspace_id", "account_id", "warehouse_id", "cluster_id");

  /** Host query keys that carry a workspace id, in the CLI's order of precedence. */
  private static final List<String> HOST_ID_KEYS = List.of("o", "w", "workspace_id");

  /** Rule-engine codes about the workspace id a path carries; they point at where that id is written. */
  private static final Set<Code> ID_CODES = Set.of(
      Code.HostWorkspaceMismatch, Code.StrayWorkspaceId, Code.ComputeWorkspaceConflict, Code.MissingWorkspaceId);

  private CfgChecks() {}

  /** One compute built from the settings. */
  private record Built(String name, String path, Setting from, Origin idOrigin, String describe) {}

  static CfgReport check(DatabricksSettings s, HostClassification declared) {
    List<Problem> problems = new ArrayList<>(s.problems());
    Map<String, String> origins = new LinkedHashMap<>();
    Origin profileOrigin = s.origin().orElse(null);
    String profile = s.name();

    Map<String, Setting> ids = new LinkedHashMap<>();
    for (String key : ID_KEYS) {
      Setting setting = s.get(key).orElse(null);
      if (setting != null && setting.value().strip().equalsIgnoreCase(PLACEHOLDER)) {
        problems.add(CfgReader.at(Code.PlaceholderValue, setting.origin(), spelled(setting) + " is "
            + quote(setting.value()) + ", the Databricks CLI's placeholder for \"no value\", not an id. "
            + expected(setting.key()) + " Set the real id, or remove the line"));
      } else if (setting != null) {
        ids.put(key, setting);
      }
    }

    Setting host = s.get("host").orElse(null);
    if (host == null) {
      problems.add(CfgReader.at(Code.MissingConfigField, profileOrigin, where(s) + " has no host. A Databricks"
          + " workspace or SPOG host is expected. " + (profileOrigin == null
              ? "Set DATABRICKS_HOST=https://<your host>, or DATABRICKS_CONFIG_PROFILE to a profile with a host"
              : "Add host = https://<your workspace or SPOG host>")));
      return problemsOnly(problems);
    }
    HostUrl url = HostUrl.split(host.value());
    origins.put("host", host.origin() + (url.query().isEmpty() && url.path().isEmpty() ? ""
        : " (the SDK keeps " + quote(url.base()) + ")"));

    // The workspace id: workspace_id, else the host's query (the CLI's reading of both).
    Setting workspaceSetting = ids.get("workspace_id");
    String workspaceId = validId(workspaceSetting, null, problems);
    String queryId = null;
    if (url.idKey() != null) {
      queryId = validId(host, url.idValue(), problems);
      if (queryId != null) {
        problems.add(CfgReader.at(Code.WorkspaceIdOnHost, Subject.HOST, null, host.origin(), "host "
            + quote(host.value()) + " carries workspace " + quote(queryId) + " in its query (?" + url.idKey()
            + "=). The Databricks CLI reads it, but the Java SDK keeps only " + quote(url.base()) + " and drops"
            + " the id, and a JDBC URL never sees a host's query. Brickcheck carries it to the http path (?o="
            + queryId + "), X-Databricks-Org-Id and setWorkspaceId; an SDK or driver reading this profile"
            + " itself does not. A host without a query and the id in workspace_id are expected. Set host = "
            + url.base() + " and workspace_id = " + queryId));
      }
    }
    if (workspaceId != null && queryId != null && !workspaceId.equals(queryId)) {
      problems.add(CfgReader.at(Code.ConfigWorkspaceMismatch, workspaceSetting.origin(), spelled(workspaceSetting)
          + " names workspace " + quote(workspaceId) + " but host " + quote(host.value()) + " at " + host.origin()
          + " names " + quote(queryId) + ". One workspace per profile is expected. Correct the one that is wrong,"
          + " and drop the query from the host"));
    }
    String effectiveId = workspaceId != null ? workspaceId : queryId;
    Origin idOrigin = workspaceId != null ? workspaceSetting.origin() : queryId != null ? host.origin() : null;
    if (workspaceSetting != null && isAccountHost(url.base())) {
      problems.add(CfgReader.at(Code.WorkspaceIdOnAccountHost, workspaceSetting.origin(), spelled(workspaceSetting)
          + " is set on account-console host " + quote(url.base()) + ". An account-console profile names no"
          + " workspace (with one, the Databricks CLI fails with \"Unable to load OAuth Config\","
          + " databricks/cli#5479). Remove workspace_id from this profile, and use a workspace or SPOG host for"
          + " SQL connections"));
    }
    if (effectiveId != null) {
      origins.put("workspace id", effectiveId + " from " + (workspaceId != null
          ? workspaceSetting.key() + " at " + idOrigin : "the host's ?" + url.idKey() + "= at " + idOrigin));
    }
    s.get("account_id").ifPresent(a -> origins.put("account id", a.origin().toString()));

    HostResult parsedHost = HostParser.parse(url.base());
    Host parsed = parsedHost.host();
    boolean perWorkspace = declared == HostClassification.WORKSPACE
        || declared == HostClassification.UNKNOWN && parsed != null && parsed.classification() == HostClassification.WORKSPACE;
    // On a per-workspace host the id is carried only when it contradicts the name, so that the
    // engine's HostWorkspaceMismatch judges it; otherwise ?o= there is noise (StrayWorkspaceId).
    boolean carry = effectiveId != null && (!perWorkspace
        || parsed != null && parsed.embeddedWorkspaceId() != null && !parsed.embeddedWorkspaceId().equals(effectiveId));

    List<Built> built = new ArrayList<>();
    Setting httpPath = s.get("http_path").orElse(null);
    if (httpPath != null) {
      String path = httpPath.value();
      HttpPathResult r = HttpPathParser.parse(path);
      String describe = "http_path at " + httpPath.origin();
      Origin pathIdOrigin = null;
      if (r.workspaceId() != null && effectiveId != null && !r.workspaceId().equals(effectiveId)) {
        problems.add(CfgReader.at(Code.ConfigWorkspaceMismatch, Subject.HTTP_PATH, null, httpPath.origin(),
            spelled(httpPath) + " " + quote(path) + " names workspace " + quote(r.workspaceId()) + " but "
                + (workspaceId != null ? "workspace_id at " + idOrigin : "the host's query at " + idOrigin)
                + " names " + quote(effectiveId) + ". One workspace per profile is expected. Correct the one that"
                + " is wrong"));
      } else if (r.workspaceId() == null && !r.hasErrors() && carry && r.kind() != PathKind.CLUSTER) {
        path = path + (path.indexOf('?') >= 0 ? "&" : "?") + "o=" + effectiveId;
        pathIdOrigin = idOrigin;
        describe += ", ?o=" + effectiveId + " from " + idOrigin;
      }
      built.add(new Built("default", path, httpPath, pathIdOrigin, describe));
    }
    Setting warehouse = ids.get("warehouse_id");
    if (warehouse != null) {
      String path = "/sql/1.0/warehouses/" + warehouse.value() + (carry ? "?o=" + effectiveId : "");
      built.add(new Built(built.isEmpty() ? "default" : "warehouse", path, warehouse, carry ? idOrigin : null,
          "warehouse_id at " + warehouse.origin() + (carry ? ", ?o=" + effectiveId + " from " + idOrigin : "")));
    }
    Setting cluster = ids.get("cluster_id");
    if (cluster != null) {
      String embedded = parsed == null ? null : parsed.embeddedWorkspaceId();
      String clusterWorkspace = effectiveId != null ? effectiveId : embedded;
      if (clusterWorkspace == null) {
        problems.add(CfgReader.at(Code.MissingWorkspaceId, Subject.HTTP_PATH, null, cluster.origin(),
            spelled(cluster) + " " + quote(cluster.value()) + " names a cluster, but " + where(s) + " has no"
                + " workspace id, and a cluster's http path is sql/protocolv1/o/<workspace-id>/<cluster-id>. A"
                + " workspace id is expected. " + (cluster.origin().isEnvironment()
                    ? "Set DATABRICKS_WORKSPACE_ID=" : "Add workspace_id = ") + "<the number after ?o= in your"
                + " workspace URL>, or give the http path from the cluster's JDBC/ODBC tab"));
      } else {
        Origin from = effectiveId != null ? idOrigin : host.origin();
        built.add(new Built(built.isEmpty() ? "default" : "cluster",
            "sql/protocolv1/o/" + clusterWorkspace + "/" + cluster.value(), cluster, from,
            "cluster_id at " + cluster.origin() + ", /o/" + clusterWorkspace + "/ from "
                + (effectiveId != null ? idOrigin : "the host name")));
      }
    }
    if (built.isEmpty()) {
      if (cluster == null) {
        problems.add(CfgReader.at(Code.MissingConfigField, profileOrigin, where(s) + " names no compute: none of "
            + (profileOrigin == null ? "DATABRICKS_WAREHOUSE_ID, DATABRICKS_CLUSTER_ID or DATABRICKS_HTTP_PATH"
                : "warehouse_id, cluster_id or http_path") + " is set. A SQL warehouse or cluster is expected."
            + (profileOrigin == null ? " Set DATABRICKS_WAREHOUSE_ID=<id> (the last part of the warehouse's http path)"
                : " Add warehouse_id = <id> (the last part of the warehouse's http path)")));
      }
      parsedHost.problems().forEach(p -> problems.add(CfgReader.moved(p, host.origin())));
      return problemsOnly(problems);
    }

    List<ComputeSpec> computes = new ArrayList<>();
    for (Built b : built.subList(1, built.size())) {
      computes.add(new ComputeSpec(b.name(), b.path()));
    }
    ProfileReport report = ProfileChecker.check(
        new ProfileSpec(profile, url.base(), declared, built.get(0).path(), computes).withForm(SpecForm.DATABRICKSCFG));
    for (Problem p : report.problems()) {
      problems.add(CfgReader.moved(p, originOf(p, host, built, profileOrigin)));
    }
    for (Built b : built) {
      origins.put("compute " + b.name(), b.describe());
    }
    origins.put("credentials", credentials(s));
    return new CfgReport(new ProfileReport(report.spec(), report.host(), report.hostKind(), report.computes(),
        report.workspaceId(), problems), origins);
  }

  static CfgReport problemsOnly(List<Problem> problems) {
    return new CfgReport(new ProfileReport(null, new HostResult(null, null, List.of()), HostClassification.UNKNOWN,
        List.of(), null, problems), Map.of());
  }

  /** Where a rule-engine problem belongs: the host, or the setting its compute was made from. */
  private static Origin originOf(Problem p, Setting host, List<Built> built, Origin profileOrigin) {
    if (p.subject() == Subject.HOST) {
      return host.origin();
    }
    // built lists the computes in the engine's order (default first), so the index picks one.
    if (p.computeIndex() >= 0 && p.computeIndex() < built.size()) {
      Built b = built.get(p.computeIndex());
      return ID_CODES.contains(p.code()) && b.idOrigin() != null ? b.idOrigin() : b.from().origin();
    }
    return profileOrigin;
  }

  /** The canonical id, or null with a problem when the value is not one (blank counts as unset). */
  private static String validId(Setting setting, String valueOrNull, List<Problem> problems) {
    if (setting == null) {
      return null;
    }
    String value = valueOrNull != null ? valueOrNull : setting.value();
    if (value.isBlank()) {
      return null;
    }
    if (valueOrNull != null && value.strip().equalsIgnoreCase(PLACEHOLDER)) {
      problems.add(CfgReader.at(Code.PlaceholderValue, Subject.HOST, null, setting.origin(), "host "
          + quote(setting.value()) + " has the Databricks CLI's placeholder " + quote(value) + " as its workspace"
          + " id. " + expected("workspace_id") + " Remove the query from the host, and set workspace_id"));
      return null;
    }
    // The engine's own definition of a valid id: the value as the o parameter of a path.
    HttpPathResult r = HttpPathParser.parse("/sql/1.0/warehouses/x?o=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    if (r.workspaceId() != null && !r.hasErrors()) {
      return r.workspaceId();
    }
    String what = valueOrNull != null ? "the workspace id " + quote(value) + " in host " + quote(setting.value())
        : spelled(setting) + " " + quote(value);
    problems.add(CfgReader.at(Code.InvalidWorkspaceId, valueOrNull != null ? Subject.HOST : Subject.PROFILE,
        null, setting.origin(), what + " is not a workspace id. 1 to 19 ASCII digits, at most "
            + Long.MAX_VALUE + ", are expected. Use the number after ?o= in your workspace URL"));
    return null;
  }

  private static String expected(String key) {
    return switch (key) {
      case "workspace_id" -> "A numeric workspace id (the number after ?o= in the workspace URL) is expected.";
      case "account_id" -> "An account id (a UUID from the account console) is expected.";
      case "warehouse_id" -> "A SQL warehouse id (the last part of its http path) is expected.";
      default -> "A cluster id (such as 0123-456789-abcdefgh) is expected.";
    };
  }

  /** How a setting is spelled where it is written: {@code workspace_id} or {@code DATABRICKS_WORKSPACE_ID}. */
  static String spelled(Setting setting) {
    return setting.origin().isEnvironment() ? setting.origin().variable() : setting.key();
  }

  private static String where(DatabricksSettings s) {
    return s.origin().isPresent() ? "profile " + quote(s.name()) : "the environment";
  }

  /** The SDKs' test for an account client: a host starting with {@code accounts.} or {@code accounts-dod.}. */
  static boolean isAccountHost(String base) {
    String h = base.toLowerCase(Locale.ROOT);
    int scheme = h.indexOf("://");
    h = scheme >= 0 ? h.substring(scheme + 3) : h;
    return h.startsWith("accounts.") || h.startsWith("accounts-dod.");
  }

  /** Which credentials are present, and where: never a value. */
  private static String credentials(DatabricksSettings s) {
    List<String> found = new ArrayList<>();
    for (String key : List.of("auth_type", "token", "client_id", "client_secret", "username", "password",
        "azure_client_id", "azure_client_secret", "azure_tenant_id")) {
      s.get(key).ifPresent(v -> found.add(key + (v.secret() ? " (set)" : "") + " at " + v.origin()));
    }
    return found.isEmpty() ? "none in these settings" : String.join(", ", found);
  }

  /**
   * A host value split the way the Java SDK and the CLI read it: the scheme and authority the SDK
   * keeps, and the workspace id the CLI takes from the query.
   */
  record HostUrl(String base, String path, String query, String idKey, String idValue) {
    static HostUrl split(String value) {
      int schemeEnd = value.indexOf("://");
      int authority = schemeEnd < 0 ? 0 : schemeEnd + 3;
      int end = authority;
      while (end < value.length() && "/?#".indexOf(value.charAt(end)) < 0) {
        end++;
      }
      String base = value.substring(0, end);
      String rest = value.substring(end);
      int hash = rest.indexOf('#');
      if (hash >= 0) {
        rest = rest.substring(0, hash);
      }
      int q = rest.indexOf('?');
      String path = q < 0 ? rest : rest.substring(0, q);
      String query = q < 0 ? "" : rest.substring(q + 1);
      Map<String, String> params = new LinkedHashMap<>();
      for (String part : query.split("&")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          params.putIfAbsent(decode(part.substring(0, eq)), decode(part.substring(eq + 1)));
        }
      }
      for (String key : HOST_ID_KEYS) {
        String id = params.get(key);
        if (id != null && !id.isBlank()) {
          return new HostUrl(base, path, query, key, id);
        }
      }
      return new HostUrl(base, path, query, null, null);
    }

    private static String decode(String s) {
      try {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return s;
      }
    }
  }
}
