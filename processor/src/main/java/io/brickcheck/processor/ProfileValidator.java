package io.brickcheck.processor;

import io.brickcheck.processor.ProfileDeclaration.ComputeDeclaration;
import io.brickcheck.processor.ProfileDeclaration.Form;
import io.brickcheck.internal.dbt.DbtSelection;
import io.brickcheck.internal.dbt.DbtStaticCheck;
import io.brickcheck.rules.Code;
import io.brickcheck.internal.rules.ComputeNames;
import io.brickcheck.internal.rules.ComputeSpec;
import io.brickcheck.internal.rules.JdbcUrlChecker;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.internal.rules.JdbcUrlReport;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.Text;
import io.brickcheck.internal.rules.ProfileChecker;
import io.brickcheck.internal.rules.ProfileNames;
import io.brickcheck.internal.rules.ProfileReport;
import io.brickcheck.internal.rules.ProfileSpec;
import io.brickcheck.rules.Subject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationValue;

/**
 * Judges one declaration. The rules are the rule engine's ({@link ProfileChecker}); this class adds
 * only what the engine cannot know (a missing attribute, the factory's name) and decides where in
 * the source each problem is shown: the {@code host = } value, the {@code httpPath = } value, the
 * offending {@code @Compute} array element, or the field for the field form.
 *
 * <p>Every problem of the element is reported; a descriptor comes back only if none was an error
 * (after strict mode and suppression).
 */
final class ProfileValidator {
  static final String SUFFIX = "ConnectionFactory";

  private final Diagnostics diagnostics;
  private final DbtFiles dbtFiles;

  ProfileValidator(Diagnostics diagnostics, DbtFiles dbtFiles) {
    this.diagnostics = diagnostics;
    this.dbtFiles = dbtFiles;
  }

  Optional<FactoryDescriptor> validate(ProfileDeclaration d) {
    if (d.isDbt()) {
      return validateDbt(d);
    }
    if (d.form == Form.JDBC_URL) {
      return validateJdbcUrl(d);
    }
    int errorsBefore = diagnostics.errorCount();
    boolean missingHost = d.host.value().isEmpty();
    boolean missingPath = d.httpPath.value().isEmpty();
    if (missingHost) {
      report(d, missingHost(d), d.host.source());
    }
    if (missingPath) {
      reportDefaultPath(d, missingHttpPath(d));
    }
    String baseName = factoryBaseName(d);

    List<ComputeSpec> computes =
        d.computes.stream().map(c -> new ComputeSpec(c.name(), c.httpPath())).toList();
    ProfileReport report =
        ProfileChecker.check(
            new ProfileSpec(d.profileName(), d.host.value(), HostClassification.declared(d.hostKind), d.httpPath.value(), computes));
    Locator locator = new Locator(d);
    for (Problem p : report.problems()) {
      // The engine calls an empty value invalid; the processor already said it is missing.
      if (missingHost && p.subject() == Subject.HOST
          || missingPath && ComputeNames.DEFAULT.equals(p.compute()) && p.code() == Code.InvalidHttpPath) {
        continue;
      }
      locator.report(p);
    }
    if (diagnostics.errorCount() > errorsBefore || baseName == null) {
      return Optional.empty();
    }
    return Optional.of(FactoryDescriptor.of(d, baseName, report));
  }

  /**
   * A constant whose value is a databricks-jdbc URL: the rule engine's URL checker judges it (its
   * messages say where in the URL). Problems of the URL go on the constant; problems of a named
   * compute on its {@code @Compute} element.
   */
  private Optional<FactoryDescriptor> validateJdbcUrl(ProfileDeclaration d) {
    int errorsBefore = diagnostics.errorCount();
    String baseName = factoryBaseName(d);
    List<ComputeSpec> computes =
        d.computes.stream().map(c -> new ComputeSpec(c.name(), c.httpPath())).toList();
    JdbcUrlReport checked = JdbcUrlChecker.check(d.profileName(), d.jdbcUrl.value(), HostClassification.declared(d.hostKind), computes);
    Locator locator = new Locator(d);
    for (Problem p : checked.report().problems()) {
      boolean aboutNamedCompute =
          p.compute() != null && (!ComputeNames.DEFAULT.equals(p.compute()) || p.code() == Code.DuplicateCompute);
      if (aboutNamedCompute) {
        locator.report(p);
      } else {
        diagnostics.report(p, d.element, null, null);
      }
    }
    if (diagnostics.errorCount() > errorsBefore || baseName == null || checked.url() == null) {
      return Optional.empty();
    }
    return Optional.of(FactoryDescriptor.ofJdbcUrl(d, baseName, checked));
  }

  /**
   * A profile read from profiles.yml. Every problem of the file goes on the {@code dbtProfile = }
   * value (javac cannot point into YAML; the message starts with {@code profiles.yml:L:C:}), an
   * unknown target on the {@code target = } value when one is written.
   */
  private Optional<FactoryDescriptor> validateDbt(ProfileDeclaration d) {
    int errorsBefore = diagnostics.errorCount();
    String baseName = factoryBaseName(d);
    AnnotationValue named = d.dbtProfile.source();
    String profile = d.dbtProfile.value();
    DbtFiles.Found found = dbtFiles.find(d.profilesFile.value());
    if (found.file() == null) {
      report(
          d,
          Problem.of(
              Code.ProfilesFileNotFound,
              Subject.PROFILE,
              null,
              Text.quote(d.profilesFile.value()) + ", which holds dbtProfile "
                  + Text.quote(profile) + ", was not found. Looked in "
                  + String.join(", ", found.looked()) + ". A dbt profiles file is expected in one"
                  + " of these places. Put it in src/main/resources (Maven copies it to the class"
                  + " output before compiling), or pass -A" + ProcessorOptions.PROFILES_FILE
                  + "=<path to profiles.yml> to javac"),
          named);
      return Optional.empty();
    }
    if (!found.file().isReadable()) {
      found.file().problems().forEach(p -> report(d, p, named));
      return Optional.empty();
    }
    String target = d.target.value().isEmpty() ? null : d.target.value();
    DbtSelection selection = found.file().select(profile, target);
    if (!selection.isSelected()) {
      for (Problem p : selection.problems()) {
        // A refused target name the annotation gave is shown on target = (the rule decides which).
        boolean aboutTarget = d.target.source() != null
            && (p.code() == Code.UnknownDbtTarget
                || p.code() == Code.InvalidProfileName && ProfileNames.firstRefused(target) >= 0);
        report(d, p, aboutTarget ? d.target.source() : named);
      }
      return Optional.empty();
    }
    DbtStaticCheck check = selection.checkStatically(HostClassification.declared(d.hostKind));
    check.problems().forEach(p -> report(d, p, named));
    if (diagnostics.errorCount() > errorsBefore || baseName == null) {
      return Optional.empty();
    }
    return Optional.of(FactoryDescriptor.ofDbt(d, baseName, selection.output(), check.report()));
  }

  /** {@code Name} of {@code <Name>ConnectionFactory}, or null after reporting why there is none. */
  private String factoryBaseName(ProfileDeclaration d) {
    String given = d.factoryName.value();
    if (!given.isEmpty()) {
      if (isClassName(given)) {
        return given;
      }
      report(
          d,
          Problem.of(
              Code.InvalidFactoryName,
              Subject.PROFILE,
              null,
              "factoryName " + Text.quote(given) + " cannot become the class name "
                  + Text.quote(given + SUFFIX) + ". A Java identifier that is not a keyword is"
                  + " expected; Brickcheck appends \"" + SUFFIX + "\" itself. Use factoryName = "
                  + Text.quote(suggest(given))),
          d.factoryName.source());
      return null;
    }
    String simple = d.element.getSimpleName().toString();
    String derived = d.form == Form.TYPE ? simple : upperCamel(simple);
    if (isClassName(derived)) {
      return derived;
    }
    report(
        d,
        Problem.of(
            Code.InvalidFactoryName,
            Subject.PROFILE,
            null,
            "field name " + Text.quote(simple) + " gives no usable factory name (it becomes "
                + Text.quote(derived + SUFFIX) + "). A name with at least one letter is"
                + " expected. Set factoryName = \"Analytics\" (or another Java identifier)"),
        null);
    return null;
  }

  static boolean isClassName(String name) {
    return SourceVersion.isIdentifier(name)
        && !SourceVersion.isKeyword(name)
        && SourceVersion.isIdentifier(name + SUFFIX);
  }

  /** {@code ANALYTICS_PROD -> AnalyticsProd}, {@code analyticsProd -> AnalyticsProd}. */
  static String upperCamel(String fieldName) {
    boolean constantStyle = fieldName.equals(fieldName.toUpperCase(Locale.ROOT));
    StringBuilder out = new StringBuilder(fieldName.length());
    boolean upper = true;
    for (char c : fieldName.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : constantStyle ? Character.toLowerCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** A valid name close to {@code given}, for the fix hint. */
  private static String suggest(String given) {
    String camel = upperCamel(given.replaceAll("[^A-Za-z0-9_]", "_"));
    if (camel.endsWith(SUFFIX) && camel.length() > SUFFIX.length()) {
      camel = camel.substring(0, camel.length() - SUFFIX.length());
    }
    return isClassName(camel) ? camel : "Analytics";
  }

  private Problem missingHost(ProfileDeclaration d) {
    String what = d.host.source() == null ? "no host is set" : "host is empty";
    return Problem.of(
        Code.MissingHost,
        Subject.HOST,
        null,
        what + " on profile " + Text.quote(d.profileName()) + ". A Databricks host is expected,"
            + " such as \"peco.azuredatabricks.net\". Add host = \"<your workspace or SPOG host>\"");
  }

  private Problem missingHttpPath(ProfileDeclaration d) {
    String what =
        d.form == Form.FIELD
            ? "field " + d.element.getSimpleName() + " holds \"\", an empty http path"
            : (d.httpPath.source() == null ? "no httpPath is set" : "httpPath \"\" is empty")
                + " on profile " + Text.quote(d.profileName());
    return Problem.of(
        Code.MissingHttpPath,
        Subject.HTTP_PATH,
        ComputeNames.DEFAULT,
        what + ". The default compute needs an http path such as"
            + " \"/sql/1.0/warehouses/<id>?o=<workspace-id>\". Copy it from the compute's"
            + " Connection details tab");
  }

  private void report(ProfileDeclaration d, Problem p, AnnotationValue value) {
    diagnostics.report(p, d.element, d.mirror, value);
  }

  /** The default path lives in the annotation (type form) or in the field itself (field form). */
  private void reportDefaultPath(ProfileDeclaration d, Problem p) {
    if (d.form == Form.FIELD) {
      diagnostics.report(p, d.element, null, null);
    } else {
      report(d, p, d.httpPath.source());
    }
  }

  /**
   * Maps engine problems to positions. Problems name computes by name, and an exact duplicate name
   * is legal input; the engine reports in declaration order, so the n-th problem of one code for
   * one name belongs to the n-th compute of that name ({@code DuplicateCompute}: the n+1-th, since
   * the first of a name is the one the others collide with).
   */
  private final class Locator {
    private final ProfileDeclaration d;
    private final Map<String, Integer> seen = new HashMap<>();

    Locator(ProfileDeclaration d) {
      this.d = d;
    }

    void report(Problem p) {
      if (p.code() == Code.InvalidProfileName) {
        ProfileValidator.this.report(d, p, d.name.source());
      } else if (p.subject() == Subject.HOST) {
        ProfileValidator.this.report(d, p, d.host.source());
      } else if (ComputeNames.DEFAULT.equals(p.compute()) && p.code() != Code.DuplicateCompute) {
        reportDefaultPath(d, p);
      } else if (p.compute() != null) {
        ProfileValidator.this.report(d, p, computeElement(p));
      } else {
        ProfileValidator.this.report(d, p, null);
      }
    }

    private AnnotationValue computeElement(Problem p) {
      List<ComputeDeclaration> named =
          d.computes.stream().filter(c -> c.name().equals(p.compute())).toList();
      if (named.isEmpty()) {
        return null;
      }
      int n = seen.merge(p.code() + "/" + p.compute(), 1, Integer::sum) - 1;
      if (p.code() == Code.DuplicateCompute && named.size() > 1) {
        n++;
      }
      return named.get(Math.min(n, named.size() - 1)).arrayElement();
    }
  }
}
