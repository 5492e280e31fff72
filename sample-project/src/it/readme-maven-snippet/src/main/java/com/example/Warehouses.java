package com.example;

import io.brickcheck.DatabricksProfile;

public final class Warehouses {
  @DatabricksProfile(host = "peco.azuredatabricks.net")
  public static final String SALES = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492";

  @DatabricksProfile(host = "peco.azuredatabricks.net")
  public static final String ORDERS = "/sql/1.0/warehouses/0f0f0f0f0f0f0f0f?o=64368974548254x2";

  private Warehouses() {}
}
