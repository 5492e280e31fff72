package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import static io.brickcheck.internal.rules.Text.quote;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a profile given as a databricks-jdbc URL: the URL's own rules ({@link JdbcUrlParser}),
 * then the profile rules of {@link ProfileChecker} on the host and port and the {@code httpPath}
 * the URL names (the {@code default} compute), then {@link Code#InsecureJdbcUrl} and {@link
 * Code#OrgIdHeaderMismatch}. Problems of the host and of the http path say where they are in the
 * URL. The processor, the runtime and the command line all call this. Pure and thread-safe; never
 * throws on any string input.
 */
public final class JdbcUrlChecker {
  private JdbcUrlChecker() {}

  /**
   * Applies every static rule to a profile given as a URL.
   *
   * @param name the profile's name, for messages
   * @param url the databricks-jdbc URL as configured
   * @param hostKind what the host is declared to be
   * @param computes further named computes (from an annotation), in order; may be empty
   * @return the split URL and the checked profile
   */
  public static JdbcUrlReport check(String name, String url, HostClassification hostKind, List<ComputeSpec> computes) {
    Objects.requireNonNull(hostKind, "hostKind");
    JdbcUrlResult parsed = JdbcUrlParser.parse(url);
    List<Problem> problems = new ArrayList<>(parsed.problems());
    JdbcUrl u = parsed.url();
    if (u == null) {
      ProfileSpec spec = new ProfileSpec(name, "", hostKind, "", computes);
      return new JdbcUrlReport(
          null,
          new ProfileReport(
              spec, new HostResult("", null, List.of()), HostClassification.UNKNOWN, List.of(), null, problems));
    }
    String host = hostForRules(u, problems);
    ProfileSpec spec = new ProfileSpec(name, host, hostKind, u.httpPath().orElseThrow(), computes);
    ProfileReport checked = ProfileChecker.check(spec);
    for (Problem p : checked.problems()) {
      problems.add(locate(u, p));
    }
    checkOrgIdHeader(u, checked, problems);
    return new JdbcUrlReport(
        u,
        new ProfileReport(
            spec, checked.host(), checked.hostKind(), checked.computes(), checked.workspaceId(), problems));
  }

  /**
   * The host as the rule engine reads it: the host part, its port replaced by a {@code port} key,
   * with {@code http://} for {@code ssl=0} on a loopback host. {@code ssl=0} elsewhere is {@link
   * Code#InsecureJdbcUrl}, and the host is then judged as https.
   */
  static String hostForRules(JdbcUrl u, List<Problem> problems) {
    String hostPort = u.hostPart();
    Optional<JdbcUrlEntry> port = u.entry("port");
    if (port.isPresent()) {
      int colon = hostPort.lastIndexOf(':');
      String name = colon > 0 && hostPort.indexOf(':') == colon ? hostPort.substring(0, colon) : hostPort;
      hostPort = name + ":" + port.get().value();
    }
    if (u.ssl()) {
      return hostPort;
    }
    String plain = "http://" + hostPort;
    if (!HostParser.parse(plain).hasErrors()) {
      return plain; // a loopback gateway: http is accepted there
    }
    HostResult secure = HostParser.parse(hostPort);
    if (!secure.hasErrors()) {
      JdbcUrlEntry ssl = u.entry("ssl").orElseThrow();
      problems.add(
          Problem.of(
              Code.InsecureJdbcUrl,
              Subject.HOST,
              null,
              "ssl \"0\" turns TLS off for host " + quote(secure.host().name())
                  + ", which is not a loopback address. Databricks serves https only (ssl=0 is for a"
                  + " loopback test gateway). Use ssl=1").at(JdbcUrlParser.where(ssl)));
    }
    return hostPort;
  }

  /** An engine problem about the host or the URL's http path, with its place in the URL. */
  private static Problem locate(JdbcUrl u, Problem p) {
    if (p.subject() == Subject.HOST) {
      return p.at(JdbcUrlParser.whereHost(u));
    }
    if (ComputeNames.DEFAULT.equals(p.compute())) {
      return p.at(JdbcUrlParser.where(u.entry(JdbcUrlKeys.HTTP_PATH).orElseThrow()));
    }
    return p;
  }

  /**
   * An explicit {@code http.header.x-databricks-org-id} must be a workspace id, and the one the http
   * path names: the driver routes Thrift by the path and every other request by the header.
   */
  private static void checkOrgIdHeader(JdbcUrl u, ProfileReport checked, List<Problem> problems) {
    Optional<JdbcUrlEntry> header = u.entry(JdbcUrlKeys.ORG_ID_HEADER);
    ComputeReport compute = checked.compute(ComputeNames.DEFAULT).orElse(null);
    if (header.isEmpty() || compute == null || compute.path().hasErrors()) {
      return;
    }
    JdbcUrlEntry e = header.get();
    String value = e.value();
    String pathId = compute.path().workspaceId();
    String use = pathId == null ? "<workspace id>" : pathId;
    String fix = ". Set " + JdbcUrlKeys.ORG_ID_HEADER + "=" + use + ", or remove it (Brickcheck adds"
        + " it from the http path)";
    if (value.isBlank()) {
      problems.add(
          Problem.of(
              Code.OrgIdHeaderMismatch,
              Subject.HTTP_PATH,
              ComputeNames.DEFAULT,
              "the workspace header is empty. A workspace id (1 to 19 digits) is"
                  + " expected" + fix).at(JdbcUrlParser.where(e)));
    } else if (!WorkspaceIds.isValid(value)) {
      problems.add(
          Problem.of(
              Code.OrgIdHeaderMismatch,
              Subject.HTTP_PATH,
              ComputeNames.DEFAULT,
              "workspace header " + quote(value) + " is not a workspace id. 1 to"
                  + " 19 digits are expected" + (pathId == null ? "" : ", the id of httpPath: " + pathId)
                  + fix).at(JdbcUrlParser.where(e)));
    } else if (pathId != null && !WorkspaceIds.canonical(value).equals(pathId)) {
      problems.add(
          Problem.of(
              Code.OrgIdHeaderMismatch,
              Subject.HTTP_PATH,
              ComputeNames.DEFAULT,
              "workspace header " + quote(value) + " names workspace "
                  + quote(WorkspaceIds.canonical(value)) + " but httpPath " + quote(compute.path().input())
                  + " routes to workspace " + quote(pathId) + ". One workspace is expected: the driver"
                  + " routes Thrift requests by the path and every other request by the header" + fix).at(JdbcUrlParser.where(e)));
    }
  }
}
