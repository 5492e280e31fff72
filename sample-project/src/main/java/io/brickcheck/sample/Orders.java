package io.brickcheck.sample;

import io.brickcheck.DatabricksProfile;
import io.brickcheck.HostKind;

/**
 * The orders warehouse in the JDBC URL form: the constant is the databricks-jdbc URL the service
 * would otherwise keep in its configuration; the processor checks it (host, {@code httpPath}, no
 * secret, {@code ssl}, ...) and generates {@code OrdersDbConnectionFactory}.
 */
public final class Orders {
  /** The demo gateway plays the SPOG host, over http on loopback (hence {@code ssl=0}). */
  @DatabricksProfile(hostKind = HostKind.SPOG)
  public static final String ORDERS_DB =
      "jdbc:databricks://127.0.0.1:" + Hosts.DEMO_PORT + "/default;transportMode=http;ssl=0;AuthMech=3;"
          + "httpPath=/sql/1.0/warehouses/0f0f0f0f0f0f0f0f?o=" + Hosts.WORKSPACE_ID + ";ConnCatalog=main";

  private Orders() {}
}
