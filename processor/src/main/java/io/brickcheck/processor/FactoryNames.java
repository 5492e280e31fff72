package io.brickcheck.processor;

import io.brickcheck.internal.rules.ComputeNames;
import io.brickcheck.internal.rules.JavaNames;
import java.text.Normalizer;
import javax.lang.model.SourceVersion;

/**
 * Every name a generated factory declares, and the names Brickcheck suggests when one cannot be
 * used. Compute-derived names come from the rule engine's {@link ComputeNames}, whose clash checks
 * ({@code ComputeNameClash}) must see exactly the names written here; camel-casing is the rule
 * engine's {@link JavaNames}.
 */
final class FactoryNames {
  /** What every factory's class name ends with. */
  static final String SUFFIX = "ConnectionFactory";

  /** The fix a message offers when no better name can be derived. */
  static final String FALLBACK = "Analytics";

  // Constants and fields the factory declares besides the per-compute ones.
  static final String PROFILE_NAME = "PROFILE_NAME";
  static final String JDBC_URL = "JDBC_URL";
  static final String HOST = "HOST";
  static final String COMPUTE_NAMES = "COMPUTE_NAMES";
  static final String PROFILE_FIELD = "profile";

  // Methods the factory declares besides the per-compute ones.
  static final String CREATE = "create";
  static final String PROFILE = "profile";
  static final String OPEN = "open";
  static final String COMPUTE_NAMES_METHOD = "computeNames";

  private static final String HTTP_PATH = "_HTTP_PATH";
  private static final String WORKSPACE_ID = "_WORKSPACE_ID";

  private FactoryNames() {}

  /** {@code <base>ConnectionFactory}. */
  static String factoryClass(String base) {
    return base + SUFFIX;
  }

  /** {@code Name} of {@code NameConnectionFactory} (a name without the suffix is returned as is). */
  static String baseOf(String factoryClass) {
    return factoryClass.endsWith(SUFFIX)
        ? factoryClass.substring(0, factoryClass.length() - SUFFIX.length())
        : factoryClass;
  }

  /**
   * The base name an element gives when no {@code factoryName} is written: a type's own simple
   * name, a field's name in UpperCamel ({@code ANALYTICS_PROD -> AnalyticsProd}). Not checked:
   * see {@link #isClassName}.
   */
  static String derivedBase(String simpleName, boolean isType) {
    return isType ? simpleName : upperCamel(simpleName);
  }

  /** {@code ANALYTICS_PROD -> AnalyticsProd}, {@code analyticsProd -> AnalyticsProd}. */
  static String upperCamel(String fieldName) {
    return JavaNames.upperCamelField(fieldName);
  }

  /**
   * True when {@code base} can be a factory's base name: an identifier that is not a keyword (or
   * literal), still an identifier with the suffix appended, and without the control and format
   * characters Java lets an identifier ignore ({@code A\u202eB}, a NUL): they would hide in the
   * class name and cannot be in a file name.
   */
  static boolean isClassName(String base) {
    return SourceVersion.isIdentifier(base)
        && !SourceVersion.isKeyword(base)
        && SourceVersion.isIdentifier(factoryClass(base))
        && base.codePoints().noneMatch(Character::isIdentifierIgnorable);
  }

  /** A valid base name close to an invalid {@code factoryName}, for the fix hint. */
  static String suggestFactoryName(String given) {
    String camel = upperCamel(given.replaceAll("[^A-Za-z0-9_]", "_"));
    if (camel.endsWith(SUFFIX) && camel.length() > SUFFIX.length()) {
      camel = baseOf(camel);
    }
    return isClassName(camel) ? camel : FALLBACK;
  }

  /**
   * A base name that differs from the clashing {@code base}: the element's own name when a
   * factoryName caused the clash, else the enclosing type's name in front, else {@code base2}.
   *
   * @param base the clashing base name
   * @param ownName the annotated element's simple name
   * @param isType whether the annotated element is a type (else a field)
   * @param outerName the enclosing type's simple name, or "" at top level
   */
  static String freeName(String base, String ownName, boolean isType, String outerName) {
    String own = derivedBase(ownName, isType);
    if (!own.equals(base) && isClassName(own)) {
      return own;
    }
    return outerName.isEmpty() || base.startsWith(outerName) ? base + "2" : outerName + base;
  }

  /**
   * A base name of ASCII letters, digits, {@code _} and {@code $} for a name the file system cannot
   * store: accents dropped ({@code Caf\u00e9 -> Cafe}), other characters removed.
   */
  static String asciiName(String base) {
    String ascii = Normalizer.normalize(base, Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9_$]", "");
    return isClassName(ascii) && !ascii.equals(base) ? ascii : FALLBACK;
  }

  /** {@code open<Suffix>}: the method that opens compute {@code name}. */
  static String openMethod(String computeName) {
    return ComputeNames.openMethod(computeName);
  }

  /** {@code <PREFIX>_HTTP_PATH}: the constant holding compute {@code name}'s http path. */
  static String httpPathConstant(String computeName) {
    return ComputeNames.constantPrefix(computeName) + HTTP_PATH;
  }

  /** {@code <PREFIX>_WORKSPACE_ID}: the constant holding compute {@code name}'s workspace id. */
  static String workspaceIdConstant(String computeName) {
    return ComputeNames.constantPrefix(computeName) + WORKSPACE_ID;
  }

  /** {@code computes<i>}: the i-th helper method that registers computes of a large profile. */
  static String registrationMethod(int index) {
    return "computes" + index;
  }
}
