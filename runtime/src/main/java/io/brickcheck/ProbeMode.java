package io.brickcheck;

/** When a connection asks its host {@code /.well-known/databricks-config}. */
public enum ProbeMode {
  /** Default: opening never waits; the probe's warnings are logged when it completes. */
  ASYNC,
  /**
   * Opening waits for the probe, within its budget. Required by strict mode and by OAuth M2M on
   * unified hosts (the token endpoint needs the account id the probe returns).
   */
  BLOCKING,
  /** Never probe: only the declared settings and the host name count. */
  OFF
}
