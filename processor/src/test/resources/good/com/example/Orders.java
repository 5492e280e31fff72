package com.example;

import io.brickcheck.Compute;
import io.brickcheck.DatabricksProfile;

/** The JDBC URL form: the constant's value is a databricks-jdbc URL, as a service configures it. */
public final class Orders {
  /** The orders warehouse, and a cluster of the same workspace. */
  @DatabricksProfile(computes = @Compute(name = "etl", httpPath = "sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh"))
  public static final String ORDERS_DB =
      "jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;ssl=1;AuthMech=3;"
          + "httpPath=/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492;ConnCatalog=main";

  private Orders() {}
}
