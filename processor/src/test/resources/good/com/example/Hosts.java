package com.example;

import io.brickcheck.DatabricksProfile;

/** Constants, and the field form: the field's value is the default http path. */
public final class Hosts {
  /** The SPOG host. */
  public static final String PECO = "peco.azuredatabricks.net";

  /** Production analytics: an older endpoint path with a zero-padded workspace id. */
  @DatabricksProfile(host = PECO)
  public static final String ANALYTICS_PROD = "/sql/1.0/endpoints/feedfacecafe0001?o=006436897454825492";

  private Hosts() {}
}
