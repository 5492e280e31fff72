package io.brickcheck;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named compute (a SQL warehouse or a cluster) of a {@link DatabricksProfile}. Its name becomes
 * the generated method {@code open<Name>()}: {@code etl -> openEtl()}, {@code nightly-batch ->
 * openNightlyBatch()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Compute {
  /** {@return the compute's name, matching {@code [A-Za-z][A-Za-z0-9_-]*}; {@code default} is reserved} */
  String name();

  /** {@return the compute's http path, as shown on its Connection details tab} */
  String httpPath();
}
