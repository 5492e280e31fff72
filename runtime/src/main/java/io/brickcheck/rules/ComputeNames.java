package io.brickcheck.rules;

import java.util.regex.Pattern;

/** Compute names and the method names they become (docs/rules.md, "Compute names"). */
public final class ComputeNames {
  /** The name of the profile's own http path. */
  public static final String DEFAULT = "default";

  private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private ComputeNames() {}

  /**
   * Whether a compute name can become a method name.
   *
   * @param name a compute name
   * @return true if it matches {@code [A-Za-z][A-Za-z0-9_-]*}
   */
  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }

  /**
   * The name in UpperCamel, split on {@code -} and {@code _}: {@code etl -> Etl},
   * {@code nightly-batch -> NightlyBatch}, {@code Cluster1 -> Cluster1}. Valid names only.
   *
   * @param name a compute name
   * @return the name in UpperCamel, split on {@code -} and {@code _}
   */
  public static String methodSuffix(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean upper = true;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '-' || c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /**
   * {@code open} + the method suffix: the generated factory method for the compute.
   *
   * @param name a compute name
   * @return {@code open} followed by the method suffix
   */
  public static String openMethod(String name) {
    return "open" + methodSuffix(name);
  }
}
