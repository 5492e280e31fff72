package io.brickcheck.internal.rules;

import java.util.Locale;
import java.util.function.IntPredicate;

/**
 * The one camel-caser behind every Java name Brickcheck derives from a user's name: the method
 * suffix of a compute ({@link ComputeNames#methodSuffix}) and the factory name of an annotated
 * field (the processor's {@code FactoryNames}). Both must agree with the rule engine's clash
 * checks, so they share this code rather than each keeping a copy.
 */
public final class JavaNames {
  private JavaNames() {}

  /**
   * Joins the words of {@code text} with each word's first character upper-cased. A separator
   * ends a word and is dropped; every other character is kept. Characters are UTF-16 units, cased
   * with {@link Character#toUpperCase(char)}.
   *
   * @param text the name, such as {@code nightly-batch} or {@code ANALYTICS_PROD}
   * @param isSeparator which characters separate words
   * @param lowerRest whether the other characters of each word are lower-cased (for names
   *     written in {@code CONSTANT_CASE})
   * @return the UpperCamel name; empty when {@code text} has only separators
   */
  public static String upperCamel(String text, IntPredicate isSeparator, boolean lowerRest) {
    StringBuilder out = new StringBuilder(text.length());
    boolean upper = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isSeparator.test(c)) {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : lowerRest ? Character.toLowerCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /**
   * A Java field name in UpperCamel, for a class name: {@code ANALYTICS_PROD -> AnalyticsProd}
   * (constant case is lower-cased first), {@code analyticsProd -> AnalyticsProd}, {@code
   * caf\u00e9_bar -> Caf\u00e9Bar}. Only {@code _} separates words.
   *
   * @param fieldName a Java identifier
   * @return the UpperCamel name; empty for a name of underscores only
   */
  public static String upperCamelField(String fieldName) {
    return upperCamel(fieldName, c -> c == '_', fieldName.equals(fieldName.toUpperCase(Locale.ROOT)));
  }
}
