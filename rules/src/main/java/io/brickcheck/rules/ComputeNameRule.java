package io.brickcheck.rules;

/**
 * Which compute names a profile source allows: a compute name becomes a Java method and constant
 * name, so each source's names are checked under its own rule (docs/rules.md, "Compute names").
 */
public enum ComputeNameRule {
  /** Brickcheck's own forms (annotation, {@code --compute}): {@code [A-Za-z][A-Za-z0-9_-]*}. */
  BRICKCHECK,
  /**
   * A dbt {@code compute:} block. dbt-databricks takes any mapping key as a compute name and looks
   * it up exactly ({@code DatabricksCredentials.compute: Optional[Dict[str, Any]]} in
   * {@code dbt/adapters/databricks/credentials.py}; {@code creds.compute.get(context.compute_name,
   * {})} in {@code QueryConfigUtils.get_http_path}, {@code connections.py}), so {@code etl.hourly}
   * and {@code 2xl_warehouse} are valid there. Brickcheck takes every name of printable ASCII
   * characters with at least one letter or digit, since only those map to Java names.
   */
  DBT
}
