package io.brickcheck.rules;

import static io.brickcheck.rules.Text.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a whole profile: its host, each compute's name and http path, and the rules across
 * computes (CONTRACT.md, "A profile"). The processor and the runtime both call this; neither has
 * rules of its own. Pure and thread-safe; never throws on any string input.
 */
public final class ProfileChecker {
  private ProfileChecker() {}

  /**
   * Applies every static rule to a profile.
   *
   * @param spec the profile as declared
   * @return each compute's workspace id and every problem, in a stable order
   */
  public static ProfileReport check(ProfileSpec spec) {
    List<Problem> problems = new ArrayList<>();
    ProfileNames.check("profile", spec.name()).ifPresent(problems::add);
    HostResult hostResult = HostParser.parse(spec.host());
    problems.addAll(hostResult.problems());
    Host host = hostResult.host();
    HostClassification kind =
        switch (spec.hostKind()) {
          case SPOG -> HostClassification.SPOG;
          case WORKSPACE -> HostClassification.WORKSPACE;
          case AUTO -> host == null ? HostClassification.UNKNOWN : host.classification();
        };

    List<ComputeReport> computes = new ArrayList<>();
    Map<String, String> methodOwners = new HashMap<>();
    computes.add(parseCompute(ComputeNames.DEFAULT, spec.defaultHttpPath(), problems));
    methodOwners.put(ComputeNames.openMethod(ComputeNames.DEFAULT).toLowerCase(Locale.ROOT), ComputeNames.DEFAULT);
    for (ComputeSpec compute : spec.computes()) {
      String name = compute.name() == null ? "" : compute.name();
      checkName(name, methodOwners, problems);
      computes.add(parseCompute(name, compute.httpPath(), problems));
    }

    String workspaceId = crossCheck(computes, kind, host, problems);
    return new ProfileReport(spec, hostResult, kind, computes, workspaceId, problems);
  }

  /**
   * The rules that need the host's own answer ({@code /.well-known/databricks-config}): a unified
   * host and no workspace id is {@code MissingWorkspaceId} (a warning here: the id may be routed
   * some other way; strict mode makes it an error); a workspace or account host and an id is
   * {@code StrayWorkspaceId}. One problem per rule, about the whole profile.
   *
   * @return the problems the host's answer reveals
   * @param report a report without errors
   * @param discovered what the probe says: SPOG for {@code unified}, WORKSPACE for {@code
   *     workspace} and {@code account}, UNKNOWN when it could not tell
   */
  public static List<Problem> checkDiscovered(ProfileReport report, HostClassification discovered) {
    String host = report.host().host() == null ? report.host().safeInput() : report.host().host().name();
    String id = report.workspaceId();
    if (discovered == HostClassification.SPOG && id == null) {
      return List.of(
          new Problem(
              Code.MissingWorkspaceId,
              Severity.WARNING,
              Subject.PROFILE,
              null,
              Code.MissingWorkspaceId.tag() + " host " + quote(host) + " says it is a unified (SPOG)"
                  + " host, but profile " + quote(report.spec().name()) + " names no workspace. Every"
                  + " connection to a unified host must name its workspace. Add ?o=<workspace-id> to"
                  + " each http path (the number after ?o= in your workspace URL)."));
    }
    if (discovered == HostClassification.WORKSPACE && id != null
        && report.hostKind() != HostClassification.WORKSPACE) {
      // A statically known per-workspace host was already judged by check(); this is the rest.
      return List.of(
          Problem.of(
              Code.StrayWorkspaceId,
              Subject.PROFILE,
              null,
              "host " + quote(host) + " says it serves one workspace, but profile "
                  + quote(report.spec().name()) + " names workspace " + quote(id) + ". No ?o= is"
                  + " expected on a per-workspace host. Remove ?o=" + id + " from the http paths, or"
                  + " check that this is the host you meant"));
    }
    return List.of();
  }

  private static ComputeReport parseCompute(String name, String httpPath, List<Problem> problems) {
    HttpPathResult path = HttpPathParser.parse(httpPath);
    path.problems().forEach(p -> problems.add(p.forCompute(name)));
    return new ComputeReport(name, path);
  }

  private static void checkName(String name, Map<String, String> methodOwners, List<Problem> problems) {
    if (!ComputeNames.isValid(name)) {
      problems.add(
          Problem.of(
              Code.InvalidComputeName,
              Subject.COMPUTE_NAME,
              name,
              "compute name " + quote(name) + " cannot become a method name. A name matching"
                  + " [A-Za-z][A-Za-z0-9_-]* is expected, such as \"etl\" or \"nightly-batch\"."
                  + " Rename the compute"));
      return;
    }
    String method = ComputeNames.openMethod(name);
    String owner = methodOwners.putIfAbsent(method.toLowerCase(Locale.ROOT), name);
    if (owner == null) {
      return;
    }
    String text =
        ComputeNames.DEFAULT.equals(owner)
            ? "compute name " + quote(name) + " collides with the default compute (both become "
                + method + "()). The name \"default\" is reserved for the profile's own http path."
                + " Declare that path as httpPath, or rename the compute"
            : "compute name " + quote(name) + " collides with compute " + quote(owner) + " ("
                + clash(method, ComputeNames.openMethod(owner)) + "). Names must differ after case"
                + " folding and after \"-\" and \"_\" are removed. Rename one of them";
    problems.add(Problem.of(Code.DuplicateCompute, Subject.COMPUTE_NAME, name, text));
  }

  private static String clash(String method, String ownerMethod) {
    return method.equals(ownerMethod)
        ? "both become " + method + "()"
        : "methods " + method + "() and " + ownerMethod + "() differ only in case";
  }

  /** The rules across computes; returns the id every compute agrees on, or null. */
  private static String crossCheck(
      List<ComputeReport> computes, HostClassification kind, Host host, List<Problem> problems) {
    // A compute whose path has errors has no trustworthy id: judge only the others.
    List<ComputeReport> usable = computes.stream().filter(c -> !c.path().hasErrors()).toList();
    ComputeReport reference =
        usable.stream().filter(c -> c.workspaceId().isPresent()).findFirst().orElse(null);
    boolean conflict = false;
    for (ComputeReport c : usable) {
      String id = c.path().workspaceId();
      if (reference != null && id != null && !id.equals(reference.path().workspaceId())) {
        conflict = true;
        problems.add(
            Problem.of(
                Code.ComputeWorkspaceConflict,
                Subject.HTTP_PATH,
                c.name(),
                "compute " + quote(c.name()) + " routes to workspace " + quote(id) + " but compute "
                    + quote(reference.name()) + " routes to " + quote(reference.path().workspaceId())
                    + ". All computes of one profile must be in one workspace. Fix the id, or"
                    + " declare a separate profile for the other workspace"));
      }
    }
    boolean perWorkspaceHost = kind == HostClassification.WORKSPACE;
    for (ComputeReport c : usable) {
      String id = c.path().workspaceId();
      if (id == null) {
        missingId(c, reference, kind, host, perWorkspaceHost, problems);
      } else if (host != null && host.embeddedWorkspaceId() != null && !id.equals(host.embeddedWorkspaceId())) {
        problems.add(
            Problem.of(
                Code.HostWorkspaceMismatch,
                Subject.HTTP_PATH,
                c.name(),
                "http path " + quote(c.path().input()) + " names workspace " + quote(id) + " but"
                    + " host " + quote(host.name()) + " is workspace " + quote(host.embeddedWorkspaceId())
                    + ". A per-workspace host serves its own workspace only. Use the id "
                    + host.embeddedWorkspaceId() + ", or the host of workspace " + id));
      } else if (perWorkspaceHost && c.workspaceIdSource() == WorkspaceIdSource.QUERY) {
        problems.add(
            Problem.of(
                Code.StrayWorkspaceId,
                Subject.HTTP_PATH,
                c.name(),
                "http path " + quote(c.path().input()) + " names workspace " + quote(id) + " but"
                    + " host " + quote(host == null ? "" : host.name()) + " is "
                    + (host != null && host.classification() == HostClassification.WORKSPACE
                        ? "a per-workspace host"
                        : "declared a per-workspace host (hostKind = WORKSPACE)")
                    + ", which needs no workspace id. No ?o= is expected here. Remove ?o=" + id
                    + ", or declare hostKind = SPOG if this is a unified host"));
      }
    }
    return reference == null || conflict ? null : reference.path().workspaceId();
  }

  private static void missingId(
      ComputeReport c,
      ComputeReport reference,
      HostClassification kind,
      Host host,
      boolean perWorkspaceHost,
      List<Problem> problems) {
    if (reference != null && !perWorkspaceHost) {
      String id = reference.path().workspaceId();
      problems.add(
          Problem.of(
              Code.MissingWorkspaceId,
              Subject.HTTP_PATH,
              c.name(),
              "http path " + quote(c.path().input()) + " of compute " + quote(c.name()) + " has no"
                  + " workspace id, while compute " + quote(reference.name()) + " routes to workspace "
                  + quote(id) + ". Every compute of a profile must name its workspace. Add ?o=" + id
                  + " to this http path"));
    } else if (reference == null && kind == HostClassification.SPOG) {
      problems.add(
          Problem.of(
              Code.MissingWorkspaceId,
              Subject.HTTP_PATH,
              c.name(),
              "http path " + quote(c.path().input()) + " of compute " + quote(c.name()) + " has no"
                  + " workspace id, but host " + quote(host == null ? "" : host.name()) + " is"
                  + " declared a SPOG host (hostKind = SPOG). A SPOG host needs ?o=<workspace-id>"
                  + " on every http path. Add ?o=<your workspace id> (the number after ?o= in your"
                  + " workspace URL)"));
    }
  }
}
