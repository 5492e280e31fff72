/**
 * Brickcheck's runtime: {@code @DatabricksProfile}, {@link io.brickcheck.Profile}, {@link
 * io.brickcheck.DatabricksConnection} (JDBC URL, JDBC connection, OkHttp client, SDK config) and
 * the discovery probe.
 *
 * <p>{@code java.sql} and {@code okhttp3} are in the public signatures, so they are read by every
 * module that reads this one. The Databricks SDK ({@code DatabricksConnection.sdkConfig}) is
 * optional: a module that calls it requires {@code databricks.sdk.java} itself. The databricks-jdbc
 * driver is found through {@code java.sql.Driver}'s service binding, so no module requires it.
 */
@SuppressWarnings({"module", "requires-automatic"}) // qualified exports; the SDK has no module name of its own
module io.brickcheck.runtime {
  requires transitive io.brickcheck.rules;
  requires transitive io.brickcheck.dbt;
  requires transitive java.sql;
  requires transitive okhttp3;
  requires com.google.gson;
  requires org.slf4j;
  requires static databricks.sdk.java;

  exports io.brickcheck;
  // Not API: generated dbt factories, compiled in the user's module, call ProfileSources.
  exports io.brickcheck.internal.profiles;
  exports io.brickcheck.internal.probe to io.brickcheck.cli;
  exports io.brickcheck.internal.cfg to io.brickcheck.cli;
}
