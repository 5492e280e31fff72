package io.brickcheck;

import io.brickcheck.internal.probe.ProbeResult;
import io.brickcheck.internal.rules.ComputeReport;
import io.brickcheck.internal.rules.TerminalText;
import io.brickcheck.rules.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Brickcheck knows about a profile and what it will send where: the host and its kind (from
 * the name, the declaration and the probe), each compute's workspace id and its source, the JDBC
 * driver and SDK found, the routing headers, and the problems found. {@link #render()} is for
 * people (like {@code dbt debug}), {@link #toJson()} for machines; both show the same facts, in
 * the same order. Never contains a secret. A snapshot: the probe's answer and the problems are
 * those known when {@link Profile#status()} was called.
 */
public final class ProfileStatus {
  private final ProfileRuntime runtime;
  private final ProbeOutcome probe;
  private final List<Problem> problems;
  private final JdbcDriver driver;

  private ProfileStatus(ProfileRuntime runtime) {
    this.runtime = runtime;
    ProbeResult cached = runtime.discovery().cachedResult();
    this.probe = cached == null ? null : ProbeOutcome.of(cached);
    List<Problem> all = new ArrayList<>(runtime.report().warnings());
    List<Problem> discovered = runtime.discovery().decidedProblems();
    if (discovered != null) {
      all.addAll(discovered);
    }
    this.problems = List.copyOf(all);
    this.driver = JdbcDriver.onClasspath();
  }

  static ProfileStatus of(ProfileRuntime runtime) {
    return new ProfileStatus(runtime);
  }

  /**
   * The warnings of the static check, then the problems of the host's answer (an error there, such
   * as {@code HostWorkspaceMismatch}, also fails the next open).
   *
   * @return the problems, in that order; empty when there are none
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * The discovery probe's outcome for this profile's host if one is cached; never starts a probe.
   *
   * @return the outcome, or empty when the probe is off or has not finished yet
   */
  public Optional<ProbeOutcome> probe() {
    return Optional.ofNullable(probe);
  }

  /**
   * The block a person reads: one fact per line, {@code name  value}, names and values escaped
   * for a terminal, problems last.
   *
   * @return the lines, each ending with the platform's line separator
   */
  public String render() {
    StringBuilder out = new StringBuilder();
    text(out, facts());
    return out.toString();
  }

  /**
   * The same facts as one JSON object (pretty-printed; absent values are {@code null}). Loads Gson.
   *
   * @return the JSON text
   */
  public String toJson() {
    return StatusJson.write(facts());
  }

  @Override
  public String toString() {
    return render();
  }

  /** The one list both renderings walk: add a fact here, with its line and its JSON member. */
  private List<StatusFact> facts() {
    List<StatusFact> facts = new ArrayList<>();
    String name = runtime.name();
    String host = runtime.host().baseUrl();
    facts.add(StatusFact.both("profile", TerminalText.value(name), "profile", name));
    facts.add(StatusFact.both("host", host, "host", host));
    facts.add(StatusFact.line("host kind", "declared " + runtime.hostKind() + ", from the name "
        + runtime.host().classification() + ", probed " + probeText()));
    facts.add(StatusFact.json("declaredHostKind", runtime.hostKind().name()));
    facts.add(StatusFact.json("hostKindFromName", runtime.host().classification().name()));
    facts.add(StatusFact.group("probe", probeFacts()));
    Optional<String> workspaceId = runtime.workspaceId();
    facts.add(StatusFact.both("workspace", workspaceId.orElse("none"), "workspaceId", workspaceId.orElse(null)));
    if (!runtime.origins().isEmpty()) {
      List<StatusFact> origins = new ArrayList<>();
      runtime.origins().forEach((what, from) -> origins.add(StatusFact.both("from", what + ": " + from, what, from)));
      facts.add(StatusFact.group("origins", origins));
    }
    List<List<StatusFact>> computes = new ArrayList<>();
    for (ComputeReport c : runtime.report().computes()) {
      String path = c.path().input();
      String id = c.path().workspaceId();
      computes.add(List.of(
          StatusFact.line("compute " + c.name(), TerminalText.value(path) + "  ->  "
              + (id == null ? "no workspace id" : "workspace " + id + " (" + c.workspaceIdSource() + ")")),
          StatusFact.json("name", c.name()),
          StatusFact.json("httpPath", path),
          StatusFact.json("workspaceId", id),
          StatusFact.json("source", c.workspaceIdSource().name()),
          StatusFact.json("jdbcUrl", runtime.jdbcUrl(path, id))));
    }
    facts.add(StatusFact.groups("computes", computes));
    facts.add(StatusFact.group("jdbcDriver", List.of(
        StatusFact.line("jdbc driver", driverText()),
        StatusFact.json("present", driver.present()),
        StatusFact.json("version", driver.version()),
        StatusFact.json("keepsQueryWorkspaceId", driver.present() && driver.keepsQueryWorkspaceId()))));
    boolean sdk = SdkSupport.isPresent();
    facts.add(StatusFact.group("sdk", List.of(
        StatusFact.line("sdk", sdkText()),
        StatusFact.json("present", sdk),
        StatusFact.json("version", sdk ? SdkSupport.version() : null),
        StatusFact.json("setWorkspaceId", sdk && SdkSupport.canSetWorkspaceId()))));
    facts.add(StatusFact.lines("routing", "routing", routes()));
    if (problems.isEmpty()) {
      facts.add(StatusFact.line("problems", "none"));
    }
    List<List<StatusFact>> problemFacts = new ArrayList<>();
    for (Problem p : problems) {
      problemFacts.add(List.of(
          StatusFact.line(p.isError() ? "error" : "warning", p.message()),
          StatusFact.json("code", p.code().name()),
          StatusFact.json("severity", p.severity().name()),
          StatusFact.json("compute", p.compute()),
          StatusFact.json("message", p.message())));
    }
    facts.add(StatusFact.groups("problems", problemFacts));
    return facts;
  }

  /** The probe's members: its mode always, the rest once a probe has finished. */
  private List<StatusFact> probeFacts() {
    List<StatusFact> facts = new ArrayList<>();
    facts.add(StatusFact.json("mode", runtime.options().probeMode().name()));
    if (probe == null) {
      return facts;
    }
    ProbeOutcome.Result result = probe.result();
    facts.add(StatusFact.json("succeeded", result == ProbeOutcome.Result.ANSWERED));
    facts.add(StatusFact.json("outcome", switch (result) {
      case ANSWERED -> "answered";
      case NO_DISCOVERY -> "no-discovery";
      case FAILED -> "failed";
    }));
    facts.add(StatusFact.json("noDiscoveryStatus", probe.noDiscoveryStatus().orElse(null)));
    facts.add(StatusFact.json("workspaceId", probe.workspaceId().orElse(null)));
    facts.add(StatusFact.lines("probe dropped", "droppedFields", probe.droppedFields()));
    facts.add(StatusFact.json("hostType", probe.hostType().orElse(null)));
    facts.add(StatusFact.json("accountId", probe.accountId().orElse(null)));
    facts.add(StatusFact.json("failure", probe.failureReason().orElse(null)));
    facts.add(StatusFact.json("obtainedAt", probe.obtainedAt().toString()));
    facts.add(StatusFact.json("elapsedMillis", probe.elapsed().toMillis()));
    facts.add(StatusFact.json("attempts", probe.attempts()));
    String cloud = probe.cloud().orElse(null);
    facts.add(StatusFact.both("cloud", cloud, "cloud", cloud));
    return facts;
  }

  /** Every fact's lines, in order: a group's and an array's members' lines where they stand. */
  private static void text(StringBuilder out, List<StatusFact> facts) {
    for (StatusFact f : facts) {
      if (f.label() != null && f.text() != null) {
        line(out, f.label(), f.text());
      }
      if (f.value() instanceof StatusFact.Group g) {
        text(out, g.members());
      } else if (f.value() instanceof StatusFact.Items items) {
        for (Object v : items.values()) {
          if (v instanceof StatusFact.Group g) {
            text(out, g.members());
          } else if (f.label() != null) {
            line(out, f.label(), String.valueOf(v));
          }
        }
      }
    }
  }

  private String probeText() {
    if (runtime.options().probeMode() == ProbeMode.OFF) {
      return "never (probe OFF)";
    }
    if (probe == null) {
      return "not yet (" + runtime.options().probeMode() + ")";
    }
    return switch (probe.result()) {
      case NO_DISCOVERY -> "no discovery (HTTP " + probe.noDiscoveryStatus().orElse(0) + ": the host does not publish"
          + " /.well-known/databricks-config; the host name and the declaration decide)";
      case FAILED -> "failed after " + probe.elapsed().toMillis() + " ms: " + probe.failureReason().orElse("?");
      case ANSWERED -> probe.hostType().orElse("?")
          + probe.accountId().map(a -> ", account " + a).orElse("")
          + probe.workspaceId().map(w -> ", workspace " + w).orElse("")
          + " (in " + probe.elapsed().toMillis() + " ms, at " + probe.obtainedAt() + ")";
    };
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
    Optional<String> id = runtime.workspaceId();
    if (id.isEmpty()) {
      return List.of("no workspace id: no routing header is sent");
    }
    String host = runtime.host().baseUrl();
    HeaderStyle style = runtime.options().headerStyle();
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
