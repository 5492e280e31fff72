package io.brickcheck.internal.rules;

import io.brickcheck.rules.HostClassification;

/**
 * How the user wrote a profile, so that a message names each setting as the user spells it: a fix
 * that says {@code httpPath} to a dbt user, who writes {@code http_path}, is a fix they must
 * translate. The rules are the same for every form; only the words differ.
 *
 * <p>A new profile source adds a constant here and passes it with {@link ProfileSpec#withForm}.
 */
public enum SpecForm {
  /** {@code @DatabricksProfile(host = ..., httpPath = ..., computes = @Compute(...))}, and the runtime builder. */
  ANNOTATION("host", "httpPath", "@Compute(name = \"%s\", httpPath = ...)", "hostKind = %s"),
  /** A dbt {@code profiles.yml} output: {@code host:}, {@code http_path:}, {@code compute: <name>: http_path:}. */
  DBT("host", "http_path", "http_path of compute \"%s\"", "hostKind = %s (--host-kind for check)"),
  /** The {@code check} command line: {@code --host}, {@code --http-path}, {@code --compute NAME=PATH}. */
  CLI("--host", "--http-path", "--compute %s=<path>", "--host-kind %s"),
  /**
   * A {@code ~/.databrickscfg} profile or the {@code DATABRICKS_*} variables: {@code host},
   * {@code http_path}, {@code warehouse_id} / {@code cluster_id}. The file has no host kind; a host
   * that fronts many workspaces is told by its {@code workspace_id}, and {@code check --host-kind}
   * declares the kind for the check.
   */
  DATABRICKSCFG("host", "http_path", "%s_id", "--host-kind %s (check)");

  private final String host;
  private final String httpPath;
  private final String computeHttpPath;
  private final String hostKind;

  SpecForm(String host, String httpPath, String computeHttpPath, String hostKind) {
    this.host = host;
    this.httpPath = httpPath;
    this.computeHttpPath = computeHttpPath;
    this.hostKind = hostKind;
  }

  /**
   * The name of the host setting.
   *
   * @return {@code host} or {@code --host}
   */
  public String host() {
    return host;
  }

  /**
   * The name of the default compute's http path setting.
   *
   * @return {@code httpPath}, {@code http_path} or {@code --http-path}
   */
  public String httpPath() {
    return httpPath;
  }

  /**
   * Where a compute's http path is written.
   *
   * @param compute a compute name; {@code default} means the profile's own http path
   * @return e.g. {@code httpPath}, {@code http_path of compute "etl"}, {@code --compute etl=<path>}
   */
  public String httpPathOf(String compute) {
    return compute == null || ComputeNames.DEFAULT.equals(compute)
        ? httpPath
        : String.format(computeHttpPath, Text.escape(compute, 40));
  }

  /**
   * How a host kind is declared.
   *
   * @param kind {@link HostClassification#SPOG} or {@link HostClassification#WORKSPACE}
   * @return e.g. {@code hostKind = SPOG} or {@code --host-kind spog}
   */
  public String declare(HostClassification kind) {
    if (this == DATABRICKSCFG && kind == HostClassification.SPOG) {
      return "workspace_id = <workspace-id>";
    }
    String name = this == CLI || this == DATABRICKSCFG ? kind.name().toLowerCase(java.util.Locale.ROOT) : kind.name();
    return String.format(hostKind, name);
  }
}
