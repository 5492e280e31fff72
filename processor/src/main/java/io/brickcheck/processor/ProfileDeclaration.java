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
import javax.lang.model.util.Elements;

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

  // The attributes of @DatabricksProfile and @Compute, named once; their defaults are the
  // annotations' own (Elements.getElementValuesWithDefaults), never copied here.
  private static final String NAME = "name";
  private static final String HOST = "host";
  private static final String HTTP_PATH = "httpPath";
  private static final String COMPUTES = "computes";
  private static final String HOST_KIND = "hostKind";
  private static final String FACTORY_NAME = "factoryName";
  private static final String DBT_PROFILE = "dbtProfile";
  private static final String TARGET = "target";
  private static final String PROFILES_FILE = "profilesFile";

  /** Every {@code String} attribute of {@code @DatabricksProfile}. */
  private static final List<String> STRING_ATTRIBUTES =
      List.of(NAME, HOST, HTTP_PATH, FACTORY_NAME, DBT_PROFILE, TARGET, PROFILES_FILE);

  /** Attributes that a dbt profile replaces: none of them may be combined with dbtProfile. */
  private static final List<String> REPLACED_BY_DBT = List.of(NAME, HOST, HTTP_PATH, COMPUTES);

  /** Attributes that only say where a dbt profile is read from. */
  private static final List<String> DBT_ONLY = List.of(TARGET, PROFILES_FILE);

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
    this.name = values.string(NAME);
    this.host = values.string(HOST);
    String constant = form == Form.TYPE ? "" : (String) ((VariableElement) element).getConstantValue();
    this.httpPath =
        form == Form.FIELD ? new Attribute(constant, null) : form == Form.JDBC_URL ? new Attribute("", null) : values.string(HTTP_PATH);
    this.jdbcUrl = new Attribute(form == Form.JDBC_URL ? constant : "", null);
    this.factoryName = values.string(FACTORY_NAME);
    this.hostKindSource = values.explicit.get(HOST_KIND);
    this.hostKind = values.hostKind();
    this.computes = values.computes();
    this.dbtProfile = values.string(DBT_PROFILE);
    this.target = values.string(TARGET);
    this.profilesFile = values.string(PROFILES_FILE);
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
    return mirror != null && !Values.resolved(mirror);
  }

  /**
   * Reads the declaration on {@code element}, whose values resolve. Returns empty after reporting
   * {@link Code#InvalidTarget}.
   */
  static Optional<ProfileDeclaration> parse(Element element, Elements elements, Diagnostics diagnostics) {
    AnnotationMirror mirror = findMirror(element);
    if (mirror == null) {
      return Optional.empty();
    }
    Values values = new Values(mirror, elements);
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
      AnnotationValue path = values.explicit.get(HTTP_PATH);
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
      AnnotationValue host = values.explicit.get(HOST);
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
    AnnotationValue dbt = values.explicit.get(DBT_PROFILE);
    boolean isDbt = dbt != null && !((String) dbt.getValue()).isEmpty();
    boolean ok = true;
    if (!isDbt) {
      for (String key : DBT_ONLY) {
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
                    + (key.equals(NAME) ? "'s name (" + profile + ".<target>)" : "'s " + key)
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

  /**
   * The values of a mirror by attribute name: the explicit ones (whose {@link AnnotationValue}s
   * javac can point at) and, for reading, every value with the annotation's own defaults.
   */
  private static final class Values {
    private static final String ERROR = "<error>";

    final Map<String, AnnotationValue> explicit;
    private final Map<String, AnnotationValue> withDefaults;
    private final Elements elements;

    Values(AnnotationMirror mirror, Elements elements) {
      this.elements = elements;
      this.explicit = byName(mirror.getElementValues());
      this.withDefaults = byName(elements.getElementValuesWithDefaults(mirror));
    }

    private static Map<String, AnnotationValue> byName(
        Map<? extends ExecutableElement, ? extends AnnotationValue> values) {
      Map<String, AnnotationValue> out = new HashMap<>();
      values.forEach((k, v) -> out.put(k.getSimpleName().toString(), v));
      return out;
    }

    /**
     * False when javac could not resolve a value (a missing constant, a typo in an enum). Only
     * explicit values are looked at: a default always resolves.
     */
    static boolean resolved(AnnotationMirror mirror) {
      Map<String, AnnotationValue> explicit = byName(mirror.getElementValues());
      for (String key : STRING_ATTRIBUTES) {
        AnnotationValue v = explicit.get(key);
        if (v != null && !isString(v)) {
          return false;
        }
      }
      AnnotationValue kind = explicit.get(HOST_KIND);
      if (kind != null && !(kind.getValue() instanceof VariableElement)) {
        return false;
      }
      AnnotationValue computes = explicit.get(COMPUTES);
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

    /** The value (the default when not written) and its source value (null when not written). */
    Attribute string(String key) {
      AnnotationValue v = withDefaults.get(key);
      return new Attribute(v == null ? "" : (String) v.getValue(), explicit.get(key));
    }

    String hostKind() {
      return ((VariableElement) withDefaults.get(HOST_KIND).getValue()).getSimpleName().toString();
    }

    List<ComputeDeclaration> computes() {
      List<ComputeDeclaration> out = new ArrayList<>();
      for (Object item : (List<?>) withDefaults.get(COMPUTES).getValue()) {
        AnnotationValue element = (AnnotationValue) item;
        Map<String, AnnotationValue> values =
            byName(elements.getElementValuesWithDefaults((AnnotationMirror) element.getValue()));
        out.add(new ComputeDeclaration(text(values.get(NAME)), text(values.get(HTTP_PATH)), element));
      }
      return List.copyOf(out);
    }

    /** A {@code @Compute} value; "" when javac already reported it missing. */
    private static String text(AnnotationValue v) {
      return v == null ? "" : (String) v.getValue();
    }
  }
}
