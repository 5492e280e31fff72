package io.brickcheck.rules;

/** What is known about a host: from its name, from the user's declaration, later from the probe. */
public enum HostClassification {
  /** Serves one workspace: {@code adb-<id>.<n>.azuredatabricks.net}, {@code dbc-...}, or declared. */
  WORKSPACE,
  /** An account-level unified host: every connection must name its workspace. */
  SPOG,
  /** Not known without asking the host (the runtime's discovery probe). */
  UNKNOWN;

  /**
   * What a user declared ({@code @DatabricksProfile(hostKind = ...)}, {@code check --host-kind}), by
   * the name of the {@code io.brickcheck.HostKind} constant: the one mapping from the annotation's
   * words to the engine's, where {@code AUTO} declares nothing.
   *
   * @param hostKindName {@code AUTO}, {@code SPOG} or {@code WORKSPACE}
   * @return {@link #UNKNOWN} for {@code AUTO}, else the kind of the same name
   * @throws IllegalArgumentException for any other name
   */
  public static HostClassification declared(String hostKindName) {
    if ("AUTO".equals(hostKindName)) {
      return UNKNOWN;
    }
    if (UNKNOWN.name().equals(hostKindName)) {
      throw new IllegalArgumentException("not a HostKind: " + hostKindName);
    }
    return valueOf(hostKindName);
  }
}
