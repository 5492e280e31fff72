package io.brickcheck.dbt;

import io.brickcheck.HostKind;
import io.brickcheck.rules.ComputeSpec;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.HostParser;
import io.brickcheck.rules.HostResult;
import io.brickcheck.rules.HttpPathParser;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.ProfileChecker;
import io.brickcheck.rules.ProfileReport;
import io.brickcheck.rules.ProfileSpec;
import io.brickcheck.rules.SpecForm;
import io.brickcheck.rules.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rule engine applied to a dbt output: in full when every value is known, in part at compile
 * time when some are env_var templates. No rule lives here; only the mapping of problems back to
 * the YAML positions of the values they are about.
 */
final class OutputChecks {
  /**
   * Stands in for unknown values when only compute names are judged. Name rules read names only
   * (docs/rules.md, "Compute names"), so these values can neither cause nor hide a name problem; every
   * other problem of that check run is dropped.
   */
  private static final String NAME_CHECK_HOST = "localhost";
  private static final String NAME_CHECK_PATH = "/sql/1.0/warehouses/name-check";

  private OutputChecks() {}

  static DbtStaticCheck checkStatically(DbtOutput output, HostKind hostKind) {
    List<DbtValue> deferred = output.deferred();
    if (deferred.isEmpty()) {
      ProfileReport report = check(output, Map.of(), hostKind);
      return new DbtStaticCheck(report, report.problems(), List.of());
    }
    List<Problem> problems = new ArrayList<>();
    // Compute names are keys, always literal.
    List<ComputeSpec> names = output.computes().stream().map(c -> new ComputeSpec(c.name(), NAME_CHECK_PATH)).toList();
    ProfileChecker.check(new ProfileSpec(specName(output), NAME_CHECK_HOST, HostKind.AUTO, NAME_CHECK_PATH, names))
        .problems().stream()
        .filter(p -> p.subject() == Subject.COMPUTE_NAME)
        .forEach(p -> problems.add(DbtProblems.moved(p, output.positionOf(p))));
    // Each literal value alone; rules across values (workspace agreement, host against path) wait
    // for run time, when every value is known.
    output.host().literal().ifPresent(host -> HostParser.parse(host, SpecForm.DBT).problems()
        .forEach(p -> problems.add(DbtProblems.moved(p, output.host().position()))));
    for (DbtValue path : paths(output)) {
      List<Problem> found = path.literal()
          .map(p -> HttpPathParser.parse(p).problems())
          .orElseGet(() -> literalQueryProblems(path));
      found.forEach(p -> problems.add(DbtProblems.moved(p.forCompute(path.compute()), path.position())));
    }
    return new DbtStaticCheck(null, problems, deferred);
  }

  /**
   * The problems of a templated path's query, when the query is literal: every template sits before
   * the first literal {@code ?}. A variable that itself holds a {@code ?} would move the query at
   * run time; the full check then judges the rendered path, so nothing is lost.
   */
  private static List<Problem> literalQueryProblems(DbtValue path) {
    StringBuilder query = null;
    for (DbtValue.Part part : path.parts()) {
      if (part instanceof DbtValue.Literal literal) {
        if (query != null) {
          query.append(literal.text());
        } else if (literal.text().indexOf('?') >= 0) {
          query = new StringBuilder(literal.text().substring(literal.text().indexOf('?') + 1));
        }
      } else if (query != null) {
        return List.of(); // a template inside the query: judged at run time
      }
    }
    return query == null ? List.of() : HttpPathParser.checkQuery(path.source(), query.toString());
  }

  static DbtSpecResult toSpec(DbtOutput output, Map<String, String> env, HostKind hostKind) {
    List<Problem> problems = new ArrayList<>();
    String host = render(output.host(), env, problems);
    String httpPath = render(output.httpPath(), env, problems);
    List<ComputeSpec> computes = new ArrayList<>();
    for (DbtCompute c : output.computes()) {
      computes.add(new ComputeSpec(c.name(), render(c.httpPath(), env, problems)));
    }
    return problems.isEmpty()
        ? new DbtSpecResult(
            new ProfileSpec(specName(output), host, hostKind, httpPath, computes, SpecForm.DBT), List.of())
        : new DbtSpecResult(null, problems);
  }

  static ProfileReport check(DbtOutput output, Map<String, String> env, HostKind hostKind) {
    DbtSpecResult spec = toSpec(output, env, hostKind);
    if (!spec.isOk()) {
      return problemsOnly(spec.problems());
    }
    ProfileReport report = ProfileChecker.check(spec.spec());
    List<Problem> moved = report.problems().stream().map(p -> DbtProblems.moved(p, output.positionOf(p))).toList();
    return new ProfileReport(report.spec(), report.host(), report.hostKind(), report.computes(), report.workspaceId(), moved);
  }

  /** A report that carries problems only: no spec, no host, no computes. */
  static ProfileReport problemsOnly(List<Problem> problems) {
    return new ProfileReport(null, new HostResult(null, null, List.of()), HostClassification.UNKNOWN, List.of(), null, problems);
  }

  private static String render(DbtValue value, Map<String, String> env, List<Problem> problems) {
    DbtValue.Rendered rendered = value.render(env);
    problems.addAll(rendered.problems());
    return rendered.value();
  }

  private static List<DbtValue> paths(DbtOutput output) {
    List<DbtValue> paths = new ArrayList<>();
    paths.add(output.httpPath());
    output.computes().forEach(c -> paths.add(c.httpPath()));
    return paths;
  }

  /** {@code jaffle_shop.prod}: the profile and the target, as dbt users name them. */
  static String specName(DbtOutput output) {
    return output.profile() + "." + output.target();
  }
}
