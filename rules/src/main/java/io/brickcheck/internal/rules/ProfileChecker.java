package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.ComputeNameRule;
import io.brickcheck.rules.Host;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.PathKind;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Severity;
import io.brickcheck.rules.Subject;
import io.brickcheck.rules.WorkspaceIdSource;
import static io.brickcheck.internal.rules.Text.quote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a whole profile: its host, each compute's name and http path, and the rules across
 * computes (docs/rules.md, "A profile"). The processor and the runtime both call this; neither has
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
    return check(spec, ComputeNameRule.BRICKCHECK);
  }

  /**
   * Applies every static rule to a profile whose compute names follow {@code nameRule}.
   *
   * @param spec the profile as declared
   * @param nameRule which compute names the profile's source allows
   * @return each compute's workspace id and every problem, in a stable order
   */
  public static ProfileReport check(ProfileSpec spec, ComputeNameRule nameRule) {
    List<Problem> problems = new ArrayList<>();
    Optional<Problem> badName = ProfileNames.check("profile", spec.name());
    if (badName.isPresent()) {
      problems.add(badName.get());
    }
    HostResult hostResult = HostParser.parse(spec.host(), spec.form());
    problems.addAll(hostResult.problems());
    Host host = hostResult.host();
    HostClassification kind =
        switch (spec.hostKind()) {
          case SPOG -> HostClassification.SPOG;
          case WORKSPACE -> HostClassification.WORKSPACE;
          case UNKNOWN -> host == null ? HostClassification.UNKNOWN : host.classification();
        };

    List<ComputeReport> computes = new ArrayList<>();
    Map<String, String> methodOwners = new HashMap<>();
    Map<String, String> constantOwners = new HashMap<>();
    // A problem names its compute by index as well as by name: names may repeat (DuplicateCompute),
    // and reporters place each problem on the compute it is about without guessing from the name.
    computes.add(parseCompute(0, ComputeNames.DEFAULT, spec.defaultHttpPath(), problems));
    methodOwners.put(ComputeNames.openMethod(ComputeNames.DEFAULT).toLowerCase(Locale.ROOT), ComputeNames.DEFAULT);
    constantOwners.put(ComputeNames.constantPrefix(ComputeNames.DEFAULT), ComputeNames.DEFAULT);
    for (ComputeSpec compute : spec.computes()) {
      int index = computes.size();
      String name = compute.name() == null ? "" : compute.name();
      Optional<Problem> badCompute = checkName(name, nameRule, methodOwners, constantOwners, spec.form());
      if (badCompute.isPresent()) {
        problems.add(badCompute.get().forCompute(index, name));
      }
      computes.add(parseCompute(index, name, compute.httpPath(), problems));
    }

    String workspaceId = crossCheck(computes, kind, host, spec.form(), problems);
    return new ProfileReport(spec, hostResult, kind, computes, workspaceId, problems);
  }

  /**
   * {@link #checkDiscovered(ProfileReport, HostClassification, String)} without a discovered
   * workspace id.
   *
   * @return the problems the host's answer reveals
   * @param report a report without errors
   * @param discovered what the probe says
   */
  public static List<Problem> checkDiscovered(ProfileReport report, HostClassification discovered) {
    return checkDiscovered(report, discovered, null);
  }

  /**
   * The rules that need the host's own answer ({@code /.well-known/databricks-config}): a unified
   * host and no workspace id is {@code MissingWorkspaceId} (a warning here: the id may be routed
   * some other way; strict mode makes it an error); a workspace host whose {@code workspace_id}
   * differs from the profile's id is {@code HostWorkspaceMismatch} (an error, as when the host name
   * embeds the id); a workspace or account host and an id is otherwise {@code StrayWorkspaceId}.
   * One problem per rule, about the whole profile.
   *
   * @return the problems the host's answer reveals
   * @param report a report without errors
   * @param discovered what the probe says: SPOG for {@code unified}, WORKSPACE for {@code
   *     workspace} and {@code account}, UNKNOWN when it could not tell
   * @param discoveredWorkspaceId the numeric {@code workspace_id} of a {@code workspace} host,
   *     canonical, or null (absent, opaque, or not a {@code workspace} host): only a numeric id
   *     can be compared with {@code ?o=}
   */
  public static List<Problem> checkDiscovered(
      ProfileReport report, HostClassification discovered, String discoveredWorkspaceId) {
    String host = report.host().host() == null ? report.host().safeInput() : report.host().host().name();
    String id = report.workspaceId();
    if (discovered == HostClassification.SPOG && id == null) {
      return List.of(
          Problem.of(
              Code.MissingWorkspaceId,
              Severity.WARNING,
              Subject.PROFILE,
              null,
              "host " + quote(host) + " says it is a unified (SPOG)"
                  + " host, but profile " + quote(report.spec().name()) + " names no workspace. Every"
                  + " connection to a unified host must name its workspace. Add ?o=<workspace-id> to"
                  + " each http path (the number after ?o= in your workspace URL)."));
    }
    if (discovered == HostClassification.WORKSPACE && id != null && discoveredWorkspaceId != null
        && !discoveredWorkspaceId.equals(id)) {
      return List.of(
          Problem.of(
              Code.HostWorkspaceMismatch,
              Subject.PROFILE,
              null,
              "profile " + quote(report.spec().name()) + " names workspace " + quote(id) + " but host "
                  + quote(host) + " says (in /.well-known/databricks-config) it is workspace "
                  + quote(discoveredWorkspaceId) + ". A per-workspace host serves its own workspace"
                  + " only. If workspace " + discoveredWorkspaceId + " is meant, change the id to "
                  + discoveredWorkspaceId + " (or drop ?o=, which a per-workspace host does not need);"
                  + " otherwise use the host of workspace " + id));
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

  private static ComputeReport parseCompute(int index, String name, String httpPath, List<Problem> problems) {
    HttpPathResult path = HttpPathParser.parse(httpPath);
    for (Problem p : path.problems()) {
      problems.add(p.forCompute(index, name));
    }
    return new ComputeReport(name, path);
  }

  /** The problem of a compute's name alone or against the names before it, if any. */
  private static Optional<Problem> checkName(String name, ComputeNameRule rule, Map<String, String> methodOwners,
      Map<String, String> constantOwners, SpecForm form) {
    int hidden = Text.firstHidden(name);
    if (hidden >= 0) {
      return Optional.of(Text.hidden(Subject.COMPUTE_NAME, name, "compute name", name, hidden));
    }
    if (!ComputeNames.isValid(name, rule)) {
      // A name that passes the annotation rule passes the dbt rule too.
      String fix = name.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^[^A-Za-z]+", "");
      boolean fixable = ComputeNames.isValid(fix, rule);
      String shown = name.isEmpty() ? "" : quote(name) + " ";
      return Optional.of(
          Problem.of(
              Code.InvalidComputeName,
              Subject.COMPUTE_NAME,
              name,
              (rule == ComputeNameRule.DBT
                  ? "compute name " + shown + "cannot become a method name. A name of printable"
                      + " ASCII characters with at least one letter or digit is expected, such as"
                      + " \"etl.hourly\" or \"2xl_warehouse\" (each run of letters and digits becomes a"
                      + " word of the method name). "
                  : "compute name " + shown + "cannot become a method name. A name matching"
                      + " [A-Za-z][A-Za-z0-9_-]* is expected, such as \"etl\" or \"nightly-batch\". ")
                  + (fixable ? "Rename it " + quote(fix) : "Rename the compute"))
              .withSuggestion(fixable ? fix : null));
    }
    String method = ComputeNames.openMethod(name);
    String constant = ComputeNames.constantPrefix(name) + "_HTTP_PATH";
    String owner = methodOwners.putIfAbsent(method.toLowerCase(Locale.ROOT), name);
    String constantOwner = constantOwners.putIfAbsent(ComputeNames.constantPrefix(name), name);
    if (owner == null && constantOwner == null) {
      return Optional.empty();
    }
    if (owner == null) {
      // Only a name starting with a digit gets the COMPUTE_ prefix, so only then can constants
      // collide while methods differ ("2xl" and "compute-2xl").
      methodOwners.remove(method.toLowerCase(Locale.ROOT));
    } else {
      constantOwners.remove(ComputeNames.constantPrefix(name), name);
    }
    String text =
        ComputeNames.DEFAULT.equals(owner)
            ? "compute name " + quote(name) + " collides with the default compute (both become "
                + method + "()). The name \"default\" is reserved for the profile's own http path."
                + " Declare that path as " + form.httpPath() + ", or rename the compute"
            : owner != null
                ? "compute name " + quote(name) + " collides with compute " + quote(owner) + " ("
                    + clash(method, ComputeNames.openMethod(owner)) + "). Names must differ after case"
                    + " folding and after " + (rule == ComputeNameRule.DBT
                        ? "every character other than a letter or digit is" : "\"-\" and \"_\" are")
                    + " removed. Rename one of them"
                : "compute name " + quote(name) + " collides with compute " + quote(constantOwner)
                    + " (both become the constant " + constant + "). Names must differ after the"
                    + " name-to-constant mapping. Rename one of them";
    return Optional.of(Problem.of(Code.DuplicateCompute, Subject.COMPUTE_NAME, name, text));
  }

  private static String clash(String method, String ownerMethod) {
    return method.equals(ownerMethod)
        ? "both become " + method + "()"
        : "methods " + method + "() and " + ownerMethod + "() differ only in case";
  }

  /**
   * The rules across computes; returns the id every compute agrees on, or null. Rules that quote
   * the host are skipped when the host is invalid: its own error comes first, and a message never
   * quotes a value that is not there.
   */
  private static String crossCheck(
      List<ComputeReport> computes, HostClassification kind, Host host, SpecForm form, List<Problem> problems) {
    // A compute whose path has errors has no trustworthy id: judge only the others.
    ComputeReport reference = firstWithWorkspaceId(computes);
    boolean conflict = false;
    for (int i = 0; i < computes.size(); i++) {
      ComputeReport c = computes.get(i);
      if (c.path().hasErrors()) {
        continue;
      }
      String id = c.path().workspaceId();
      if (reference != null && id != null && !id.equals(reference.path().workspaceId())) {
        conflict = true;
        String fix = c.workspaceIdSource() == WorkspaceIdSource.QUERY && c.path().kind() != PathKind.CLUSTER
            ? HttpPathParser.withWorkspaceId(c.path().input(), reference.path().workspaceId())
            : null;
        problems.add(
            Problem.of(
                Code.ComputeWorkspaceConflict,
                Subject.HTTP_PATH,
                c.name(),
                "compute " + quote(c.name()) + " routes to workspace " + quote(id) + " but compute "
                    + quote(reference.name()) + " routes to " + quote(reference.path().workspaceId())
                    + ". All computes of one profile must be in one workspace. Fix the id"
                    + (fix == null ? "" : " (" + quote(fix) + ")") + ", or declare a separate profile"
                    + " for the other workspace")
                .withSuggestion(fix)
                .forCompute(i, c.name()));
      }
    }
    // Evidence that the host fronts many workspaces: a declaration, or an explicit ?o= on another
    // compute. A cluster path's /o/<id>/ is not evidence: every cluster path has it, on any host.
    ComputeReport explicit = firstWithQueryId(computes);
    boolean perWorkspaceHost = kind == HostClassification.WORKSPACE;
    List<ComputeReport> unrouted = new ArrayList<>();
    for (int i = 0; i < computes.size(); i++) {
      ComputeReport c = computes.get(i);
      if (c.path().hasErrors()) {
        continue;
      }
      String id = c.path().workspaceId();
      if (id == null) {
        if (!missingId(i, c, explicit, kind, host, form, problems) && !perWorkspaceHost) {
          unrouted.add(c);
        }
      } else if (host == null) {
        continue;
      } else if (host.embeddedWorkspaceId() != null && !id.equals(host.embeddedWorkspaceId())) {
        problems.add(
            Problem.of(
                Code.HostWorkspaceMismatch,
                Subject.HTTP_PATH,
                c.name(),
                "http path " + quote(c.path().input()) + " names workspace " + quote(id) + " but"
                    + " host " + quote(host.name()) + " is workspace " + quote(host.embeddedWorkspaceId())
                    + ". A per-workspace host serves its own workspace only. "
                    + (c.workspaceIdSource() == WorkspaceIdSource.QUERY
                        ? "Remove ?o=" + id + " (this host needs none), or use the host of workspace " + id
                        : "Use a cluster of workspace " + host.embeddedWorkspaceId() + ", or the host of workspace " + id))
                .withSuggestion(c.workspaceIdSource() == WorkspaceIdSource.QUERY && c.path().kind() != PathKind.CLUSTER
                    ? HttpPathParser.withoutWorkspaceKey(c.path().input())
                    : null)
                .forCompute(i, c.name()));
      } else if (perWorkspaceHost && c.workspaceIdSource() == WorkspaceIdSource.QUERY) {
        problems.add(
            Problem.of(
                Code.StrayWorkspaceId,
                Subject.HTTP_PATH,
                c.name(),
                "http path " + quote(c.path().input()) + " names workspace " + quote(id) + " but"
                    + " host " + quote(host.name()) + " is "
                    + (host.classification() == HostClassification.WORKSPACE
                        ? "a per-workspace host"
                        : "declared a per-workspace host (" + form.declare(HostClassification.WORKSPACE) + ")")
                    + ", which needs no workspace id. No ?o= is expected here. Remove ?o=" + id
                    + ", or declare " + form.declare(HostClassification.SPOG) + " if this is a unified host")
                .withSuggestion(HttpPathParser.withoutWorkspaceKey(c.path().input()))
                .forCompute(i, c.name()));
      }
    }
    if (!unrouted.isEmpty() && host != null && kind == HostClassification.UNKNOWN) {
      problems.add(unclassified(host, unrouted, reference, form));
    }
    return reference == null || conflict ? null : reference.path().workspaceId();
  }

  /** The first compute whose path has no errors and names a workspace, or null. */
  private static ComputeReport firstWithWorkspaceId(List<ComputeReport> computes) {
    for (ComputeReport c : computes) {
      if (!c.path().hasErrors() && c.workspaceId().isPresent()) {
        return c;
      }
    }
    return null;
  }

  /** The first compute whose path has no errors and carries its workspace as {@code ?o=}, or null. */
  private static ComputeReport firstWithQueryId(List<ComputeReport> computes) {
    for (ComputeReport c : computes) {
      if (!c.path().hasErrors() && c.workspaceIdSource() == WorkspaceIdSource.QUERY) {
        return c;
      }
    }
    return null;
  }

  /**
   * The note for a host nothing classifies, when a compute names no workspace: without the network
   * Brickcheck cannot tell whether that compute needs {@code ?o=}, so it says what to declare
   * instead of guessing (an error here failed good builds on per-workspace hosts; silence would
   * drop the {@code ?o=} guarantee on SPOG hosts without a word).
   */
  private static Problem unclassified(Host host, List<ComputeReport> unrouted, ComputeReport reference, SpecForm form) {
    StringBuilder names = new StringBuilder();
    for (ComputeReport c : unrouted) {
      names.append(names.length() == 0 ? "" : ", ").append(quote(c.name()));
    }
    String id = reference == null ? "<workspace-id>" : reference.path().workspaceId();
    return Problem.of(
        Code.UnclassifiedHost,
        Subject.HOST,
        null,
        "host " + quote(host.name()) + " is not known to serve one workspace or many, and compute"
            + (unrouted.size() == 1 ? " " : "s ") + names + " name" + (unrouted.size() == 1 ? "s" : "")
            + " no workspace, so whether ?o= is needed cannot be checked at compile time. A declared host"
            + " kind is expected for that check. Declare " + form.declare(HostClassification.WORKSPACE)
            + " if the host serves one workspace, or " + form.declare(HostClassification.SPOG)
            + " if it fronts many (then add ?o=" + id + " to every http path)");
  }

  /** Reports a missing id where there is evidence it is needed; returns whether it did. */
  private static boolean missingId(
      int index,
      ComputeReport c,
      ComputeReport explicit,
      HostClassification kind,
      Host host,
      SpecForm form,
      List<Problem> problems) {
    if (kind == HostClassification.WORKSPACE) {
      return false;
    }
    if (explicit != null) {
      String id = explicit.path().workspaceId();
      problems.add(
          Problem.of(
              Code.MissingWorkspaceId,
              Subject.HTTP_PATH,
              c.name(),
              "http path " + quote(c.path().input()) + " of compute " + quote(c.name()) + " has no"
                  + " workspace id, while compute " + quote(explicit.name()) + " routes to workspace "
                  + quote(id) + " with ?o=. Every compute of a profile must name its workspace. Add ?o=" + id
                  + " to " + form.httpPathOf(c.name()))
              .withSuggestion(c.path().kind() == PathKind.CLUSTER ? null : HttpPathParser.withWorkspaceId(c.path().input(), id))
                .forCompute(index, c.name()));
      return true;
    }
    if (kind == HostClassification.SPOG && host != null) {
      problems.add(
          Problem.of(
              Code.MissingWorkspaceId,
              Subject.HTTP_PATH,
              c.name(),
              "http path " + quote(c.path().input()) + " of compute " + quote(c.name()) + " has no"
                  + " workspace id, but host " + quote(host.name()) + " is declared a SPOG host ("
                  + form.declare(HostClassification.SPOG) + "). A SPOG host needs ?o=<workspace-id>"
                  + " on every http path. Add ?o=<your workspace id> to " + form.httpPathOf(c.name())
                  + " (the number after ?o= in your workspace URL)")
                .forCompute(index, c.name()));
      return true;
    }
    return false;
  }
}
