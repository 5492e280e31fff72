package io.brickcheck.rules;

/** What is known about a host: from its name, from the user's declaration, later from the probe. */
public enum HostClassification {
  /** Serves one workspace: {@code adb-<id>.<n>.azuredatabricks.net}, {@code dbc-...}, or declared. */
  WORKSPACE,
  /** An account-level unified host: every connection must name its workspace. */
  SPOG,
  /** Not known without asking the host (the runtime's discovery probe). */
  UNKNOWN
}
