package io.brickcheck.internal.dbt;

import io.brickcheck.rules.Code;
import io.brickcheck.internal.rules.ComputeSpec;
import io.brickcheck.rules.ComputeNameRule;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.internal.rules.HostParser;
import io.brickcheck.internal.rules.HostResult;
import io.brickcheck.internal.rules.HttpPathParser;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileChecker;
import io.brickcheck.internal.rules.ProfileReport;
import io.brickcheck.internal.rules.ProfileSpec;
import io.brickcheck.internal.rules.SpecForm;
import io.brickcheck.rules.Subject;
import io.brickcheck.internal.rules.Text;
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

  static DbtStaticCheck checkStatically(DbtOutput output, HostClassification hostKind) {
    List<DbtValue> deferred = output.deferred();
    if (deferred.isEmpty()) {
      // Credentials are not judged at compile time: the environment there is not the one dbt runs in.
      ProfileReport report = check(output, Map.of(), hostKind, false);
      return new DbtStaticCheck(report, report.problems(), List.of());
    }
    return new DbtStaticCheck(null, partial(output), deferred);
  }

  /**
   * What can be judged while some values are unknown: compute names, each known value alone, and
   * the literal query of a templated path. Rules across values (workspace agreement, host against
   * path) wait until every value is known.
   */
  private static List<Problem> partial(DbtOutput output) {
    List<Problem> problems = new ArrayList<>();
    // Compute names are keys, always literal.
    List<ComputeSpec> names = output.computes().stream().map(c -> new ComputeSpec(c.name(), NAME_CHECK_PATH)).toList();
    ProfileChecker.check(new ProfileSpec(specName(output), NAME_CHECK_HOST, HostClassification.UNKNOWN, NAME_CHECK_PATH, names),
            ComputeNameRule.DBT)
        .problems().stream()
        .filter(p -> p.subject() == Subject.COMPUTE_NAME)
        .forEach(p -> problems.add(p.at(output.positionOf(p).location())));
    // Each literal value alone; rules across values (workspace agreement, host against path) wait
    // for run time, when every value is known.
    output.host().literal().ifPresent(host -> HostParser.parse(host, SpecForm.DBT).problems()
        .forEach(p -> problems.add(p.at(output.host().position().location()))));
    List<DbtValue> paths = paths(output);
    for (int i = 0; i < paths.size(); i++) {
      DbtValue path = paths.get(i);
      int index = i; // the compute's index in the profile: paths() lists them in the engine's order
      List<Problem> found = path.literal()
          .map(p -> HttpPathParser.parse(p).problems())
          .orElseGet(() -> literalQueryProblems(path));
      found.forEach(p -> problems.add(p.forCompute(index, path.compute()).at(path.position().location())));
    }
    return problems;
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

  static DbtSpecResult toSpec(DbtOutput output, Map<String, String> env, HostClassification hostKind) {
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

  /**
   * Every rule when every value renders. When some variable is unset, its
   * {@code MissingEnvironmentVariable} comes with everything that can still be judged (the values
   * that did render, each alone, and the compute names), so that one missing variable (CI runs
   * without secrets) hides nothing else. A credential's unset variable is a
   * {@code MissingSecretVariable} warning either way.
   */
  static ProfileReport check(DbtOutput output, Map<String, String> env, HostClassification hostKind) {
    return check(output, env, hostKind, true);
  }

  private static ProfileReport check(DbtOutput output, Map<String, String> env, HostClassification hostKind, boolean withSecrets) {
    List<Problem> secrets = withSecrets ? missingSecrets(output, env) : List.of();
    DbtSpecResult spec = toSpec(output, env, hostKind);
    if (!spec.isOk()) {
      List<Problem> all = new ArrayList<>(spec.problems());
      all.addAll(partial(renderKnown(output, env)));
      all.addAll(secrets);
      return problemsOnly(all);
    }
    ProfileReport report = ProfileChecker.check(spec.spec(), ComputeNameRule.DBT);
    List<Problem> moved = new ArrayList<>();
    report.problems().forEach(p -> moved.add(p.at(output.positionOf(p).location())));
    moved.addAll(secrets);
    return new ProfileReport(report.spec(), report.host(), report.hostKind(), report.computes(), report.workspaceId(), moved);
  }

  /** The output with every value whose variables are all set rendered into a literal. */
  private static DbtOutput renderKnown(DbtOutput output, Map<String, String> env) {
    List<DbtCompute> computes = output.computes().stream()
        .map(c -> new DbtCompute(c.name(), c.namePosition(), renderKnown(c.httpPath(), env)))
        .toList();
    return new DbtOutput(output.file(), output.profile(), output.target(), output.position(),
        renderKnown(output.host(), env), renderKnown(output.httpPath(), env), computes, output.secrets());
  }

  private static DbtValue renderKnown(DbtValue value, Map<String, String> env) {
    DbtValue.Rendered rendered = value.render(env);
    return !value.isTemplate() || !rendered.isOk() ? value
        : new DbtValue(value.field(), value.subject(), value.compute(), rendered.value(),
            List.of(new DbtValue.Literal(rendered.value())), value.position());
  }

  /** One warning per unset credential variable without default: its name and position, never a value. */
  private static List<Problem> missingSecrets(DbtOutput output, Map<String, String> env) {
    List<Problem> problems = new ArrayList<>();
    String where = "target " + Text.quote(output.target()) + " of profile " + Text.quote(output.profile());
    for (DbtSecret secret : output.secrets()) {
      for (DbtValue.EnvVar var : secret.requiredEnvVars()) {
        if (env == null || env.get(var.name()) == null) {
          problems.add(DbtProblems.at(Code.MissingSecretVariable, Subject.PROFILE, null, var.position(),
              "environment variable " + Text.quote(var.name()) + " of " + secret.key() + " of " + where
                  + " is not set. dbt needs it when it connects with this target (it stops with \"Env var"
                  + " required but not provided\"); Brickcheck itself never reads credentials. Set "
                  + var.name() + " where dbt runs; where only the settings are checked (CI without"
                  + " secrets) this warning can be ignored"));
        }
      }
    }
    return problems;
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
