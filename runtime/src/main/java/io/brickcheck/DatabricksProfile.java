package io.brickcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a Databricks connection profile that the Brickcheck annotation processor checks while
 * {@code javac} runs and turns into a typed {@code <Name>ConnectionFactory} in the same package.
 *
 * <p>Two forms are supported:
 *
 * <ol>
 *   <li>On a class or interface, with every value in the annotation:
 *       <pre>{@code
 * @DatabricksProfile(
 *     host = "peco.azuredatabricks.net",
 *     httpPath = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492",
 *     computes = @Compute(name = "etl", httpPath = "/sql/1.0/warehouses/0f0f0f0f0f0f0f0f?o=6436897454825492"))
 * interface Analytics {}
 * }</pre>
 *   <li>On a {@code static final String} field whose compile-time constant value is the default
 *       http path ({@link #httpPath()} must then stay empty):
 *       <pre>{@code
 * @DatabricksProfile(host = "peco.azuredatabricks.net")
 * static final String ANALYTICS_PROD = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492";
 * }</pre>
 *   <li>On a class or interface, reading a dbt {@code profiles.yml} (then {@code host}, {@code
 *       httpPath}, {@code computes} and {@code name} must stay unset; the profile's name is
 *       {@code <dbtProfile>.<target>}):
 *       <pre>{@code
 * @DatabricksProfile(dbtProfile = "jaffle_shop", target = "prod")
 * interface JaffleShop {}
 * }</pre>
 * </ol>
 *
 * <p>CLASS retention, because Gradle's incremental annotation processing cannot see SOURCE
 * annotations. The processor reads the annotation by name; it never needs it at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface DatabricksProfile {
  /**
   * {@return the profile's name, used in messages and by the generated factory; empty means the
   * annotated type's simple name or the field's name}
   */
  String name() default "";

  /**
   * The Databricks host: a bare name such as {@code peco.azuredatabricks.net}, optionally with
   * {@code https://}, a port and one trailing {@code /}. Required.
   *
   * @return the Databricks host
   */
  String host() default "";

  /**
   * {@return the http path of the compute named {@code default}} Required on a type; must stay
   * empty on a field, whose value is the path.
   */
  String httpPath() default "";

  /** {@return further named computes of the same profile, in the order their methods are generated} */
  Compute[] computes() default {};

  /** {@return what the host is, when its name alone does not say; {@link HostKind#AUTO} by default} */
  HostKind hostKind() default HostKind.AUTO;

  /**
   * Overrides {@code Name} in the generated {@code <Name>ConnectionFactory}; empty means the type's
   * simple name, or the field's name in UpperCamel ({@code ANALYTICS_PROD -> AnalyticsProd}).
   *
   * @return the factory's {@code Name}, or empty for the default
   */
  String factoryName() default "";

  /**
   * A profile of a dbt {@code profiles.yml} to read instead of {@code host}, {@code httpPath} and
   * {@code computes}; empty means none. Only on a class or interface.
   *
   * @return the dbt profile's name, or empty
   */
  String dbtProfile() default "";

  /**
   * The dbt target of {@link #dbtProfile()}; empty means the profile's own {@code target:} (dbt's
   * {@code default} when it has none).
   *
   * @return the dbt target, or empty
   */
  String target() default "";

  /**
   * The resource holding {@link #dbtProfile()}, looked up in the class output, then the source
   * path; the processor option {@code -Abrickcheck.profilesFile=<path>} overrides it.
   *
   * @return the resource name of the dbt profiles file
   */
  String profilesFile() default "profiles.yml";
}
