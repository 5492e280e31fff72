package com.example;

import io.brickcheck.Compute;
import io.brickcheck.DatabricksProfile;

@DatabricksProfile(
    host = "http://peco.azuredatabricks.net",
    httpPath = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492",
    computes = {
      @Compute(name = "etl", httpPath = "/sql/1.0/warehouses/0f0f0f0f0f0f0f0f"),
      @Compute(name = "ETL", httpPath = "/sql/1.0/warehouses/0f0f0f0f0f0f0f0f?o=6436897454825492")
    })
public interface Analytics {}
