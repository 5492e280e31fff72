package io.brickcheck;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.brickcheck.internal.probe.HostMetadata;
import io.brickcheck.internal.probe.ProbeResult;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.TerminalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Brickcheck knows about a profile and what it will send where: the host and its kind (from
 * the name, the declaration and the probe), each compute's workspace id and its source, the JDBC
 * driver and SDK found, the routing headers, and the problems found. {@link #render()} is for
 * people (like {@code dbt debug}), {@link #toJson()} for machines. Never contains a secret.
 */
public final class ProfileStatus {
  private final Profile profile;
  private final ProbeResult probe;
  private final List<Problem> problems;
  private final JdbcDriver driver;

  private ProfileStatus(Profile profile) {
    this.profile = profile;
    this.probe = profile.discovery().cachedResult();
    List<Problem> all = new ArrayList<>(profile.warnings());
    List<Problem> discovered = profile.discovery().decidedProblems();
    if (discovered != null) {
      all.addAll(discovered);
    }
    this.problems = List.copyOf(all);
    this.driver = JdbcDriver.onClasspath();
  }

  static ProfileStatus of(Profile profile) {
    return new ProfileStatus(profile);
  }

  /**
   * Warnings of the static check, then the problems of the host's answer (an error there, such
   * as {@code HostWorkspaceMismatch}, also fails the next open).
   *
   * @return the warnings, in order
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * The host's discovery answer if one is cached; never starts a probe.
   *
   * @return the cached answer or failure, or empty when the host was not probed (yet)
   */
  public Optional<ProbeResult> probe() {
    return Optional.ofNullable(probe);
  }

  /**
   * The block a person reads: one fact per line, {@code name  value}, problems last.
   *
   * @return the lines, each ending with a line break
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    line(out, "profile", TerminalText.value(profile.name()));
    line(out, "host", profile.host().baseUrl());
    line(out, "host kind", "declared " + profile.hostKind() + ", from the name "
        + profile.host().classification() + ", probed " + probeText());
    if (probe != null) {
      for (String dropped : probe.metadata().map(HostMetadata::droppedFields).orElse(List.of())) {
        line(out, "probe dropped", dropped);
      }
    }
    line(out, "workspace", profile.workspaceId().orElse("none"));
    profile.origins().forEach((what, from) -> line(out, "from", what + ": " + from));
    for (String name : profile.computeNames()) {
      DatabricksConnection c = profile.connection(name);
      line(out, "compute " + name, TerminalText.value(c.httpPath()) + "  ->  "
          + c.workspaceId().map(id -> "workspace " + id + " (" + c.workspaceIdSource() + ")").orElse("no workspace id"));
    }
    line(out, "jdbc driver", driverText());
    line(out, "sdk", sdkText());
    for (String route : routes()) {
      line(out, "routing", route);
    }
    if (problems.isEmpty()) {
      line(out, "problems", "none");
    }
    for (Problem p : problems) {
      line(out, p.isError() ? "error" : "warning", p.message());
    }
    return out.toString();
  }

  /**
   * The same facts as one JSON object.
   *
   * @return one JSON object
   */
  public String toJson() {
    JsonObject root = new JsonObject();
    root.addProperty("profile", profile.name());
    root.addProperty("host", profile.host().baseUrl());
    root.addProperty("declaredHostKind", profile.hostKind().name());
    root.addProperty("hostKindFromName", profile.host().classification().name());
    JsonObject probeJson = new JsonObject();
    probeJson.addProperty("mode", profile.options().probeMode().name());
    if (probe != null) {
      probeJson.addProperty("succeeded", probe.succeeded());
      probeJson.addProperty(
          "outcome", probe.succeeded() ? "answered" : probe.noDiscovery() ? "no-discovery" : "failed");
      probeJson.addProperty("noDiscoveryStatus", probe.noDiscoveryStatus().orElse(null));
      probeJson.addProperty("workspaceId", probe.metadata().flatMap(HostMetadata::workspaceId).orElse(null));
      JsonArray dropped = new JsonArray();
      probe.metadata().map(HostMetadata::droppedFields).orElse(List.of()).forEach(dropped::add);
      probeJson.add("droppedFields", dropped);
      probeJson.addProperty("hostType", probe.metadata().flatMap(HostMetadata::rawHostType).orElse(null));
      probeJson.addProperty("accountId", probe.metadata().flatMap(HostMetadata::accountId).orElse(null));
      probeJson.addProperty("failure", probe.failureReason().orElse(null));
      probeJson.addProperty("obtainedAt", probe.obtainedAt().toString());
      probeJson.addProperty("elapsedMillis", probe.elapsed().toMillis());
      probeJson.addProperty("attempts", probe.attempts());
    }
    root.add("probe", probeJson);
    root.addProperty("workspaceId", profile.workspaceId().orElse(null));
    if (!profile.origins().isEmpty()) {
      JsonObject origins = new JsonObject();
      profile.origins().forEach(origins::addProperty);
      root.add("origins", origins);
    }
    JsonArray computes = new JsonArray();
    for (String name : profile.computeNames()) {
      DatabricksConnection c = profile.connection(name);
      JsonObject compute = new JsonObject();
      compute.addProperty("name", name);
      compute.addProperty("httpPath", c.httpPath());
      compute.addProperty("workspaceId", c.workspaceId().orElse(null));
      compute.addProperty("source", c.workspaceIdSource().name());
      compute.addProperty("jdbcUrl", c.jdbcUrl());
      computes.add(compute);
    }
    root.add("computes", computes);
    JsonObject jdbc = new JsonObject();
    jdbc.addProperty("present", driver.present());
    jdbc.addProperty("version", driver.version());
    jdbc.addProperty("keepsQueryWorkspaceId", driver.present() && driver.keepsQueryWorkspaceId());
    root.add("jdbcDriver", jdbc);
    JsonObject sdk = new JsonObject();
    sdk.addProperty("present", SdkSupport.isPresent());
    sdk.addProperty("version", SdkSupport.isPresent() ? SdkSupport.version() : null);
    sdk.addProperty("setWorkspaceId", SdkSupport.isPresent() && SdkSupport.canSetWorkspaceId());
    root.add("sdk", sdk);
    JsonArray routing = new JsonArray();
    routes().forEach(routing::add);
    root.add("routing", routing);
    JsonArray problemsJson = new JsonArray();
    for (Problem p : problems) {
      JsonObject problem = new JsonObject();
      problem.addProperty("code", p.code().name());
      problem.addProperty("severity", p.severity().name());
      problem.addProperty("compute", p.compute());
      problem.addProperty("message", p.message());
      problemsJson.add(problem);
    }
    root.add("problems", problemsJson);
    return new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
  }

  @Override
  public String toString() {
    return render();
  }

  private String probeText() {
    if (profile.options().probeMode() == ProbeMode.OFF) {
      return "never (probe OFF)";
    }
    if (probe == null) {
      return "not yet (" + profile.options().probeMode() + ")";
    }
    if (probe.noDiscovery()) {
      return "no discovery (HTTP " + probe.noDiscoveryStatus().orElse(0) + ": the host does not publish"
          + " /.well-known/databricks-config; the host name and the declaration decide)";
    }
    if (!probe.succeeded()) {
      return "failed after " + probe.elapsed().toMillis() + " ms: " + probe.failureReason().orElse("?");
    }
    HostMetadata meta = probe.metadata().orElseThrow();
    return meta.rawHostType().orElse("?")
        + meta.accountId().map(a -> ", account " + a).orElse("")
        + meta.workspaceId().map(w -> ", workspace " + w).orElse("")
        + " (in " + probe.elapsed().toMillis() + " ms, at " + probe.obtainedAt() + ")";
  }

  private String driverText() {
    if (!driver.present()) {
      return "not on the classpath (openJdbc needs " + JdbcDriver.COORDINATES + ")";
    }
    return driver.describe() + (driver.keepsQueryWorkspaceId() ? ", keeps ?o= (supported)" : ", truncates ?o= (unsupported: 3.3.3+ needed)");
  }

  private static String sdkText() {
    if (!SdkSupport.isPresent()) {
      return "not on the classpath (sdkConfig needs " + SdkSupport.COORDINATES + ")";
    }
    return SdkSupport.COORDINATES + ":" + Optional.ofNullable(SdkSupport.version()).orElse("(unknown version)")
        + (SdkSupport.canSetWorkspaceId() ? ", has setWorkspaceId (supported)" : ", lacks setWorkspaceId (unsupported: 0.79+ needed)");
  }

  private List<String> routes() {
    Optional<String> id = profile.workspaceId();
    if (id.isEmpty()) {
      return List.of("no workspace id: no routing header is sent");
    }
    String host = profile.host().baseUrl();
    HeaderStyle style = profile.options().headerStyle();
    return List.of(
        "REST   " + style.restHeaders() + ": " + id.get() + " on requests to " + host + " (each redirect hop judged), except /oidc/, /.well-known/ and account APIs, never to other hosts",
        "style  " + style + (style == HeaderStyle.AUTO
            ? ": each channel as its own client names it (REST and SDK " + HeaderStyle.WORKSPACE_ID_HEADER + ", JDBC x-databricks-org-id)"
            : ": REST as chosen; JDBC keeps the driver's x-databricks-org-id, the SDK its " + HeaderStyle.WORKSPACE_ID_HEADER),
        "JDBC   httpPath as declared, plus http.header.x-databricks-org-id=" + id.get(),
        "SDK    setWorkspaceId(" + id.get() + "), sent as " + HeaderStyle.WORKSPACE_ID_HEADER,
        "OAuth  token requests carry no workspace header");
  }

  /** One fact on one line: names and values are escaped (TerminalText), never raw. */
  private static void line(StringBuilder out, String key, String value) {
    out.append(String.format("%-18s %s%n", TerminalText.value(key), TerminalText.line(value)));
  }
}
