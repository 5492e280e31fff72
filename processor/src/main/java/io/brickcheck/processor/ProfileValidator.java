package io.brickcheck.processor;

import io.brickcheck.processor.ProfileDeclaration.Form;
import io.brickcheck.internal.dbt.DbtSelection;
import io.brickcheck.internal.dbt.GeneratedDbtOutput;
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
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;

/**
 * Judges one declaration. The rules are the rule engine's ({@link ProfileChecker}); this class adds
 * only what the engine cannot know (a missing attribute, the factory's name) and decides where in
 * the source each problem is shown: the {@code host = } value, the {@code httpPath = } value, the
 * offending {@code @Compute} array element, or the field for the field form.
 *
 * <p>Every problem of the element is collected in a {@link ValidationReport} and printed; a
 * descriptor comes back only if the report is clean (no error after strict mode and suppression).
 */
final class ProfileValidator {
  private final Diagnostics diagnostics;
  private final DbtFiles dbtFiles;

  ProfileValidator(Diagnostics diagnostics, DbtFiles dbtFiles) {
    this.diagnostics = diagnostics;
    this.dbtFiles = dbtFiles;
  }

  Optional<FactoryDescriptor> validate(ProfileDeclaration d) {
    ValidationReport found = new ValidationReport(diagnostics);
    Optional<FactoryDescriptor> descriptor =
        d.isDbt() ? validateDbt(d, found)
            : d.form == Form.JDBC_URL ? validateJdbcUrl(d, found)
            : validateAnnotation(d, found);
    found.printTo(diagnostics);
    return found.isClean() ? descriptor : Optional.empty();
  }

  /** The annotation form: {@code host}, {@code httpPath} and {@code @Compute} elements (or a field). */
  private Optional<FactoryDescriptor> validateAnnotation(ProfileDeclaration d, ValidationReport found) {
    boolean missingHost = d.host.value().isEmpty();
    boolean missingPath = d.httpPath.value().isEmpty();
    if (missingHost) {
      report(found, d, missingHost(d), d.host.source());
    }
    if (missingPath) {
      reportDefaultPath(found, d, missingHttpPath(d));
    }
    String baseName = factoryBaseName(d, found);

    List<ComputeSpec> computes =
        d.computes.stream().map(c -> new ComputeSpec(c.name(), c.httpPath())).toList();
    ProfileReport report =
        ProfileChecker.check(
            new ProfileSpec(d.profileName(), d.host.value(), HostClassification.declared(d.hostKind), d.httpPath.value(), computes));
    for (Problem p : report.problems()) {
      // The engine calls an empty value invalid; the processor already said it is missing.
      if (missingHost && p.subject() == Subject.HOST
          || missingPath && p.computeIndex() == 0 && p.code() == Code.InvalidHttpPath) {
        continue;
      }
      place(found, d, p);
    }
    if (!found.isClean() || baseName == null) {
      return Optional.empty();
    }
    return Optional.of(FactoryDescriptor.of(d, baseName, report));
  }

  /**
   * A constant whose value is a databricks-jdbc URL: the rule engine's URL checker judges it (its
   * messages say where in the URL). Problems of the URL go on the constant; problems of a named
   * compute on its {@code @Compute} element.
   */
  private Optional<FactoryDescriptor> validateJdbcUrl(ProfileDeclaration d, ValidationReport found) {
    String baseName = factoryBaseName(d, found);
    List<ComputeSpec> computes =
        d.computes.stream().map(c -> new ComputeSpec(c.name(), c.httpPath())).toList();
    JdbcUrlReport checked = JdbcUrlChecker.check(d.profileName(), d.jdbcUrl.value(), HostClassification.declared(d.hostKind), computes);
    for (Problem p : checked.report().problems()) {
      if (p.computeIndex() > 0) {
        place(found, d, p);
      } else {
        found.add(p, d.element, null, null);
      }
    }
    if (!found.isClean() || baseName == null || checked.url() == null) {
      return Optional.empty();
    }
    return Optional.of(FactoryDescriptor.ofJdbcUrl(d, baseName, checked));
  }

  /**
   * A profile read from profiles.yml. Every problem of the file goes on the {@code dbtProfile = }
   * value (javac cannot point into YAML; the message starts with {@code profiles.yml:L:C:}), an
   * unknown target on the {@code target = } value when one is written.
   */
  private Optional<FactoryDescriptor> validateDbt(ProfileDeclaration d, ValidationReport found) {
    String baseName = factoryBaseName(d, found);
    AnnotationValue named = d.dbtProfile.source();
    String profile = d.dbtProfile.value();
    DbtFiles.Found file = dbtFiles.find(d.profilesFile.value());
    if (file.file() == null) {
      report(
          found,
          d,
          Problem.of(
              Code.ProfilesFileNotFound,
              Subject.PROFILE,
              null,
              Text.quote(d.profilesFile.value()) + ", which holds dbtProfile "
                  + Text.quote(profile) + ", was not found. Looked in "
                  + String.join(", ", file.looked()) + ". A dbt profiles file is expected in one"
                  + " of these places. Put it in src/main/resources (Maven copies it to the class"
                  + " output before compiling), or pass -A" + ProcessorOptions.PROFILES_FILE
                  + "=<path to profiles.yml> to javac"),
          named);
      return Optional.empty();
    }
    if (!file.file().isReadable()) {
      file.file().problems().forEach(p -> report(found, d, p, named));
      return Optional.empty();
    }
    String target = d.target.value().isEmpty() ? null : d.target.value();
    DbtSelection selection = file.file().select(profile, target);
    if (!selection.isSelected()) {
      for (Problem p : selection.problems()) {
        // A refused target name the annotation gave is shown on target = (the rule decides which).
        boolean aboutTarget = d.target.source() != null
            && (p.code() == Code.UnknownDbtTarget
                || p.code() == Code.InvalidProfileName && ProfileNames.firstRefused(target) >= 0);
        report(found, d, p, aboutTarget ? d.target.source() : named);
      }
      return Optional.empty();
    }
    DbtStaticCheck check = selection.checkStatically(HostClassification.declared(d.hostKind));
    check.problems().forEach(p -> report(found, d, p, named));
    if (!found.isClean() || baseName == null) {
      return Optional.empty();
    }
    return Optional.of(
        FactoryDescriptor.ofDbt(d, baseName, GeneratedDbtOutput.recipe(selection.output()), check.report()));
  }

  /** {@code Name} of {@code <Name>ConnectionFactory}, or null after reporting why there is none. */
  private String factoryBaseName(ProfileDeclaration d, ValidationReport found) {
    String given = d.factoryName.value();
    if (!given.isEmpty()) {
      if (FactoryNames.isClassName(given)) {
        return given;
      }
      report(
          found,
          d,
          Problem.of(
              Code.InvalidFactoryName,
              Subject.PROFILE,
              null,
              "factoryName " + Text.quote(given) + " cannot become the class name "
                  + Text.quote(FactoryNames.factoryClass(given)) + ". A Java identifier that is not a"
                  + " keyword is expected; Brickcheck appends \"" + FactoryNames.SUFFIX + "\" itself. Use"
                  + " factoryName = " + Text.quote(FactoryNames.suggestFactoryName(given))),
          d.factoryName.source());
      return null;
    }
    String simple = d.element.getSimpleName().toString();
    String derived = FactoryNames.derivedBase(simple, d.form == Form.TYPE);
    if (FactoryNames.isClassName(derived)) {
      return derived;
    }
    report(
        found,
        d,
        Problem.of(
            Code.InvalidFactoryName,
            Subject.PROFILE,
            null,
            "field name " + Text.quote(simple) + " gives no usable factory name (it becomes "
                + Text.quote(FactoryNames.factoryClass(derived)) + "). A name with at least one letter"
                + " is expected. Set factoryName = \"" + FactoryNames.FALLBACK + "\" (or another Java"
                + " identifier)"),
        null);
    return null;
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

  private static void report(ValidationReport found, ProfileDeclaration d, Problem p, AnnotationValue value) {
    found.add(p, d.element, d.mirror, value);
  }

  /** The default path lives in the annotation (type form) or in the field itself (field form). */
  private static void reportDefaultPath(ValidationReport found, ProfileDeclaration d, Problem p) {
    if (d.form == Form.FIELD) {
      found.add(p, d.element, null, null);
    } else {
      report(found, d, p, d.httpPath.source());
    }
  }

  /**
   * Places an engine problem on the value it is about: the profile's name, the {@code host = }
   * value, the default http path (compute index 0), or the {@code @Compute} element at the
   * problem's compute index (index n is the n-th element: the engine lists {@code default} first).
   * The index, not the name, decides: two elements may carry one name.
   */
  private static void place(ValidationReport found, ProfileDeclaration d, Problem p) {
    int index = p.computeIndex();
    if (p.code() == Code.InvalidProfileName) {
      report(found, d, p, d.name.source());
    } else if (p.subject() == Subject.HOST) {
      report(found, d, p, d.host.source());
    } else if (index == 0) {
      reportDefaultPath(found, d, p);
    } else if (index > 0 && index <= d.computes.size()) {
      report(found, d, p, d.computes.get(index - 1).arrayElement());
    } else {
      report(found, d, p, null);
    }
  }
}
