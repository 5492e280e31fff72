package io.brickcheck.internal.rules;

import io.brickcheck.rules.ComputeNameRule;
import java.util.function.IntPredicate;

/**
 * Compute names and the Java names they become (docs/rules.md, "Compute names"; README-dbt.md for the
 * dbt rule). A name is split into words, the runs of ASCII letters and digits; every other
 * character separates words. The method suffix is the words with their first letter upper-cased
 * ({@code nightly-batch -> NightlyBatch}, {@code etl.hourly -> EtlHourly}, {@code 2xl_warehouse ->
 * 2xlWarehouse}); the constant prefix is the name upper-cased with every character other than a
 * letter, digit or {@code _} turned into {@code _}, after {@code COMPUTE_} when it would start with
 * a digit ({@code 2xl_warehouse -> COMPUTE_2XL_WAREHOUSE}).
 */
public final class ComputeNames {
  /** The name of the profile's own http path. */
  public static final String DEFAULT = "default";

  /**
   * What separates the words of a name: any character but an ASCII letter or digit. A class, not
   * a lambda, so that a cold start spins no LambdaMetafactory class for it (issue 17).
   */
  private static final IntPredicate SEPARATOR = new Separator();

  private static final class Separator implements IntPredicate {
    @Override
    public boolean test(int c) {
      return !Ascii.isLetterOrDigit((char) c);
    }
  }

  private ComputeNames() {}

  /**
   * Whether a compute name of Brickcheck's own forms can become a method name.
   *
   * @param name a compute name
   * @return true if it matches {@code [A-Za-z][A-Za-z0-9_-]*}
   */
  public static boolean isValid(String name) {
    return isValid(name, ComputeNameRule.BRICKCHECK);
  }

  /**
   * Whether a compute name can become a method name under {@code rule}.
   *
   * @param name a compute name
   * @param rule the profile source's rule
   * @return true if the name is valid there
   */
  public static boolean isValid(String name, ComputeNameRule rule) {
    return name != null && (rule == ComputeNameRule.DBT ? isValidDbt(name) : isValidBrickcheck(name));
  }

  /** {@code [A-Za-z][A-Za-z0-9_-]*}: an ASCII letter, then ASCII letters, digits, "_" and "-". */
  private static boolean isValidBrickcheck(String name) {
    if (name.isEmpty() || !Ascii.isLetter(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Ascii.isLetterOrDigit(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** {@code [\x20-\x7E]*[A-Za-z0-9][\x20-\x7E]*}: printable ASCII only, with an ASCII letter or digit. */
  private static boolean isValidDbt(String name) {
    boolean hasWordChar = false;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
      hasWordChar |= Ascii.isLetterOrDigit(c);
    }
    return hasWordChar;
  }

  /**
   * The words of the name in UpperCamel: {@code etl -> Etl}, {@code nightly-batch -> NightlyBatch},
   * {@code Cluster1 -> Cluster1}, {@code etl.hourly -> EtlHourly}, {@code 2xl_warehouse ->
   * 2xlWarehouse}. Valid names only.
   *
   * @param name a compute name
   * @return the words, each with its first letter upper-cased, joined
   */
  public static String methodSuffix(String name) {
    return JavaNames.upperCamel(name, SEPARATOR, false);
  }

  /**
   * {@code open} + the method suffix: the generated factory method for the compute. Always a Java
   * identifier, even when the suffix starts with a digit ({@code open2xlWarehouse}).
   *
   * @param name a compute name
   * @return {@code open} followed by the method suffix
   */
  public static String openMethod(String name) {
    return "open" + methodSuffix(name);
  }

  /**
   * The prefix of the generated constants ({@code <PREFIX>_HTTP_PATH}): {@code nightly-batch ->
   * NIGHTLY_BATCH}, {@code etl.hourly -> ETL_HOURLY}, {@code 2xl_warehouse ->
   * COMPUTE_2XL_WAREHOUSE}. Valid names only.
   *
   * @param name a compute name
   * @return an upper-case Java identifier
   */
  public static String constantPrefix(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(Ascii.isLetterOrDigit(c) || c == '_' ? Character.toUpperCase(c) : '_');
    }
    return out.length() > 0 && Character.isDigit(out.charAt(0)) ? "COMPUTE_" + out : out.toString();
  }
}
