package io.brickcheck.processor;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.Text;
import io.brickcheck.rules.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;

/**
 * One {@code @DatabricksProfile} as written, read from the element of the current round. It keeps
 * the {@link AnnotationMirror} and each explicit {@link AnnotationValue}, because javac matches them
 * by identity to find the source position: a value from another round would point nowhere.
 *
 * <p>Parsing checks only the target (what was annotated, {@link Code#InvalidTarget}); the rules on
 * the values belong to {@link ProfileValidator} and the rule engine.
 */
final class ProfileDeclaration {
  static final String ANNOTATION = "io.brickcheck.DatabricksProfile";
  static final String DEFAULT_PROFILES_FILE = "profiles.yml";

  /** Attributes that a dbt profile replaces: none of them may be combined with dbtProfile. */
  private static final List<String> REPLACED_BY_DBT = List.of("name", "host", "httpPath", "computes");

  private static final Set<ElementKind> TYPE_KINDS =
      Set.of(ElementKind.CLASS, ElementKind.INTERFACE, ElementKind.ENUM, ElementKind.RECORD);

  /** Where the annotation sits. */
  enum Form {
    /** On a class or interface: every value in the annotation. */
    TYPE,
    /** On a {@code static final String} constant: its value is the default http path. */
    FIELD,
    /**
     * On a {@code static final String} constant whose value starts with {@code jdbc:}: a
     * databricks-jdbc URL that names the host, the port and the default http path.
     */
    JDBC_URL
  }

  /** The prefix that tells a JDBC URL constant from an http path constant (any case). */
  static final String JDBC_PREFIX = "jdbc:";

  /** A string attribute: its value, and its source value, or null when the default applies. */
  record Attribute(String value, AnnotationValue source) {}

  /** One {@code @Compute} of the {@code computes} array, with the array element to point at. */
  record ComputeDeclaration(String name, String httpPath, AnnotationValue arrayElement) {}

  final Element element;
  final AnnotationMirror mirror;
  final Form form;
  final Attribute name;
  final Attribute host;
  final Attribute httpPath;
  final Attribute factoryName;
  /** The declared {@code HostKind} constant's name ({@code AUTO} when not written). */
  final String hostKind;
  final AnnotationValue hostKindSource;
  final List<ComputeDeclaration> computes;
  /** {@code dbtProfile}: empty unless the profile is read from a dbt profiles.yml. */
  final Attribute dbtProfile;
  final Attribute target;
  final Attribute profilesFile;
  /** The constant's value in the {@link Form#JDBC_URL} form, else empty. */
  final Attribute jdbcUrl;

  private ProfileDeclaration(Element element, AnnotationMirror mirror, Form form, Values values) {
    this.element = element;
    this.mirror = mirror;
    this.form = form;
    this.name = values.string("name");
    this.host = values.string("host");
    String constant = form == Form.TYPE ? "" : (String) ((VariableElement) element).getConstantValue();
    this.httpPath =
        form == Form.FIELD ? new Attribute(constant, null) : form == Form.JDBC_URL ? new Attribute("", null) : values.string("httpPath");
    this.jdbcUrl = new Attribute(form == Form.JDBC_URL ? constant : "", null);
    this.factoryName = values.string("factoryName");
    this.hostKindSource = values.explicit.get("hostKind");
    this.hostKind = values.hostKind();
    this.computes = values.computes();
    this.dbtProfile = values.string("dbtProfile");
    this.target = values.string("target");
    AnnotationValue file = values.explicit.get("profilesFile");
    this.profilesFile =
        file == null ? new Attribute(DEFAULT_PROFILES_FILE, null) : new Attribute((String) file.getValue(), file);
  }

  /** True when the values come from a dbt profiles.yml. */
  boolean isDbt() {
    return !dbtProfile.value().isEmpty();
  }

  /**
   * True when a value of the annotation does not resolve (yet): typically a constant of a type
   * that another processor generates in this round. The processor retries such elements in the
   * next round; if they never resolve, javac reports the missing symbol itself.
   */
  static boolean hasUnresolvedValues(Element element) {
    AnnotationMirror mirror = findMirror(element);
    return mirror != null && !new Values(mirror).resolved();
  }

  /**
   * Reads the declaration on {@code element}, whose values resolve. Returns empty after reporting
   * {@link Code#InvalidTarget}.
   */
  static Optional<ProfileDeclaration> parse(Element element, Diagnostics diagnostics) {
    AnnotationMirror mirror = findMirror(element);
    if (mirror == null) {
      return Optional.empty();
    }
    Values values = new Values(mirror);
    Form form;
    if (TYPE_KINDS.contains(element.getKind())) {
      form = Form.TYPE;
    } else if (element.getKind() == ElementKind.FIELD) {
      String wrong = fieldDefects((VariableElement) element);
      if (!wrong.isEmpty()) {
        diagnostics.report(invalidField(element, wrong), element, null, null);
        return Optional.empty();
      }
      form = isJdbcUrl((String) ((VariableElement) element).getConstantValue()) ? Form.JDBC_URL : Form.FIELD;
      AnnotationValue path = values.explicit.get("httpPath");
      if (path != null && !((String) path.getValue()).isEmpty()) {
        diagnostics.report(
            invalidTarget(
                "httpPath " + Text.quote((String) path.getValue()) + " is set on field "
                    + element.getSimpleName() + (form == Form.JDBC_URL
                        ? ", whose JDBC URL already names the default http path (its httpPath)."
                        : ", whose value already is the default http path.")
                    + " httpPath must stay empty on a field. Remove httpPath, or annotate a class"
                    + " or interface instead"),
            element,
            mirror,
            path);
        return Optional.empty();
      }
      AnnotationValue host = values.explicit.get("host");
      if (form == Form.JDBC_URL && host != null) {
        diagnostics.report(
            invalidTarget(
                "host " + Text.quote((String) host.getValue()) + " is set on field "
                    + element.getSimpleName() + ", whose JDBC URL already names the host. One"
                    + " source per value is expected. Remove host (the URL's host is checked)"),
            element,
            mirror,
            host);
        return Optional.empty();
      }
    } else {
      diagnostics.report(
          invalidTarget(
              "@DatabricksProfile is on " + describe(element) + ". A class, an interface or a"
                  + " static final String constant is expected. Move the annotation to a class"
                  + " or interface, or to a static final String field holding the http path"),
          element,
          mirror,
          null);
      return Optional.empty();
    }
    if (!dbtConsistent(element, mirror, form, values, diagnostics)) {
      return Optional.empty();
    }
    return Optional.of(new ProfileDeclaration(element, mirror, form, values));
  }

  /**
   * A dbt declaration names its profile and nothing the profile already says; target and
   * profilesFile only make sense with dbtProfile. Reports {@link Code#InvalidTarget} otherwise.
   */
  private static boolean dbtConsistent(
      Element element, AnnotationMirror mirror, Form form, Values values, Diagnostics diagnostics) {
    AnnotationValue dbt = values.explicit.get("dbtProfile");
    boolean isDbt = dbt != null && !((String) dbt.getValue()).isEmpty();
    boolean ok = true;
    if (!isDbt) {
      for (String key : List.of("target", "profilesFile")) {
        AnnotationValue v = values.explicit.get(key);
        if (v != null) {
          diagnostics.report(
              invalidTarget(
                  key + " " + Text.quote(String.valueOf(v.getValue())) + " is set without"
                      + " dbtProfile. It only says where a dbt profile is read from. Add dbtProfile"
                      + " = \"<profile in profiles.yml>\", or remove " + key),
              element,
              mirror,
              v);
          ok = false;
        }
      }
      return ok;
    }
    String profile = (String) dbt.getValue();
    if (form != Form.TYPE) {
      diagnostics.report(
          invalidTarget(
              "dbtProfile " + Text.quote(profile) + " is on field " + element.getSimpleName()
                  + ", whose value would be a second default http path. A dbt profile is declared"
                  + " on a class or interface. Move the annotation to a class or interface"),
          element,
          mirror,
          dbt);
      return false;
    }
    for (String key : REPLACED_BY_DBT) {
      AnnotationValue v = values.explicit.get(key);
      if (v != null) {
        diagnostics.report(
            invalidTarget(
                key + " is set together with dbtProfile " + Text.quote(profile) + ", whose"
                    + " profiles.yml entry already defines the profile"
                    + (key.equals("name") ? "'s name (" + profile + ".<target>)" : "'s " + key)
                    + ". One source per profile is expected. Remove " + key + ", or remove"
                    + " dbtProfile, target and profilesFile"),
            element,
            mirror,
            v);
        ok = false;
      }
    }
    return ok;
  }

  /** True for a constant that is a JDBC URL rather than an http path. */
  static boolean isJdbcUrl(String constant) {
    return constant != null && constant.regionMatches(true, 0, JDBC_PREFIX, 0, JDBC_PREFIX.length());
  }

  /** The profile name: the attribute, else the type's simple name or the field's name. */
  String profileName() {
    return name.value().isEmpty() ? element.getSimpleName().toString() : name.value();
  }

  private static AnnotationMirror findMirror(Element element) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      Element type = m.getAnnotationType().asElement();
      if (type instanceof TypeElement t && t.getQualifiedName().contentEquals(ANNOTATION)) {
        return m;
      }
    }
    return null;
  }

  /** "not static, not final, ..." for a field that cannot hold a profile, or "". */
  private static String fieldDefects(VariableElement field) {
    List<String> wrong = new ArrayList<>();
    if (!field.getModifiers().contains(Modifier.STATIC)) {
      wrong.add("not static");
    }
    if (!field.getModifiers().contains(Modifier.FINAL)) {
      wrong.add("not final");
    }
    boolean isString =
        field.asType().getKind() == TypeKind.DECLARED
            && ((TypeElement) ((DeclaredType) field.asType()).asElement())
                .getQualifiedName()
                .contentEquals("java.lang.String");
    if (!isString) {
      wrong.add("of type " + field.asType() + ", not String");
    } else if (!(field.getConstantValue() instanceof String)) {
      wrong.add("not a compile-time constant");
    }
    return String.join(", ", wrong);
  }

  private static Problem invalidField(Element field, String wrong) {
    return invalidTarget(
        "field " + field.getSimpleName() + " is " + wrong + ". A @DatabricksProfile field must be"
            + " a static final String constant whose value is the default http path. Declare it as"
            + " static final String " + field.getSimpleName() + " = \"/sql/1.0/warehouses/<id>\","
            + " or annotate a class or interface instead");
  }

  private static Problem invalidTarget(String text) {
    return Problem.of(Code.InvalidTarget, Subject.PROFILE, null, text);
  }

  private static String describe(Element element) {
    String kind = element.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
    return kind.startsWith("annotation") ? "annotation type " + element.getSimpleName()
        : kind + " " + element.getSimpleName();
  }

  /** The explicit values of a mirror, by attribute name, with typed reads and defaults. */
  private static final class Values {
    private static final String ERROR = "<error>";

    final Map<String, AnnotationValue> explicit = new HashMap<>();

    Values(AnnotationMirror mirror) {
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
          mirror.getElementValues().entrySet()) {
        explicit.put(e.getKey().getSimpleName().toString(), e.getValue());
      }
    }

    /** False when javac could not resolve a value (a missing constant, a typo in an enum). */
    boolean resolved() {
      for (String key :
          List.of("name", "host", "httpPath", "factoryName", "dbtProfile", "target", "profilesFile")) {
        AnnotationValue v = explicit.get(key);
        if (v != null && !isString(v)) {
          return false;
        }
      }
      AnnotationValue kind = explicit.get("hostKind");
      if (kind != null && !(kind.getValue() instanceof VariableElement)) {
        return false;
      }
      AnnotationValue computes = explicit.get("computes");
      if (computes == null) {
        return true;
      }
      if (!(computes.getValue() instanceof List<?> list)) {
        return false;
      }
      for (Object item : list) {
        if (!(item instanceof AnnotationValue av && av.getValue() instanceof AnnotationMirror m)
            || !computeValuesResolved(m)) {
          return false;
        }
      }
      return true;
    }

    private static boolean computeValuesResolved(AnnotationMirror compute) {
      return compute.getElementValues().values().stream().allMatch(Values::isString);
    }

    /**
     * javac models an unresolved value as its {@code Attribute.Error}, whose value is the string
     * "{@code <error>}". Checking the value's class as well keeps a literal {@code "<error>"}
     * written by a user an ordinary (invalid) value that the rules then report.
     */
    private static boolean isString(AnnotationValue v) {
      return v.getValue() instanceof String s && !(ERROR.equals(s) && isErrorAttribute(v));
    }

    private static boolean isErrorAttribute(AnnotationValue v) {
      // Attribute.Error and its subclass UnresolvedClass; a constant is an Attribute.Constant.
      return v.getClass().getSimpleName().contains("Error")
          || v.getClass().getSimpleName().contains("Unresolved");
    }

    Attribute string(String key) {
      AnnotationValue v = explicit.get(key);
      return v == null ? new Attribute("", null) : new Attribute((String) v.getValue(), v);
    }

    String hostKind() {
      AnnotationValue v = explicit.get("hostKind");
      return v == null ? "AUTO" : ((VariableElement) v.getValue()).getSimpleName().toString();
    }

    List<ComputeDeclaration> computes() {
      AnnotationValue v = explicit.get("computes");
      if (v == null) {
        return List.of();
      }
      List<ComputeDeclaration> out = new ArrayList<>();
      for (Object item : (List<?>) v.getValue()) {
        AnnotationValue element = (AnnotationValue) item;
        Map<String, String> values = new HashMap<>();
        ((AnnotationMirror) element.getValue())
            .getElementValues()
            .forEach((k, val) -> values.put(k.getSimpleName().toString(), (String) val.getValue()));
        out.add(
            new ComputeDeclaration(
                values.getOrDefault("name", ""), values.getOrDefault("httpPath", ""), element));
      }
      return List.copyOf(out);
    }
  }
}
