package io.brickcheck.sample;

import io.brickcheck.DatabricksProfile;
import io.brickcheck.HostKind;

/**
 * The hosts and workspace of this service, and a profile in the field form: the constant's value
 * is the default http path, and the processor generates {@code ReportingConnectionFactory}.
 */
public final class Hosts {
  /**
   * The fixed loopback port the demo's gateway binds. A real service would declare its SPOG host,
   * such as {@code peco.azuredatabricks.net}; the demo declares the embedded gateway instead, which
   * plays one ({@code http://} is accepted for loopback only).
   */
  public static final int DEMO_PORT = 47913;

  /** The SPOG host every profile of this service is on. */
  public static final String DEMO_HOST = "http://127.0.0.1:" + DEMO_PORT;

  /** The workspace behind the SPOG host that the service works in. */
  public static final String WORKSPACE_ID = "6436897454825492";

  /** The reporting warehouse: a profile on a constant (the field form). */
  @DatabricksProfile(host = DEMO_HOST, hostKind = HostKind.SPOG)
  public static final String REPORTING = "/sql/1.0/warehouses/feedfacecafe0001?o=" + WORKSPACE_ID;

  private Hosts() {}
}
