package com.example;

import io.brickcheck.Compute;
import io.brickcheck.DatabricksProfile;

/** The interface form: every value in the annotation, one of them through a constant. */
@DatabricksProfile(
    name = "analytics",
    host = Hosts.PECO,
    httpPath = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492",
    computes = {
      @Compute(name = "etl", httpPath = "/sql/1.0/warehouses/0f0f0f0f0f0f0f0f?o=6436897454825492"),
      @Compute(name = "nightly-batch", httpPath = "sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh")
    })
public interface Analytics {}
