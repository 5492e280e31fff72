package io.brickcheck.sample.broken;

import io.brickcheck.Compute;
import io.brickcheck.DatabricksProfile;

/** Deliberately broken, and outside the build: the user guide's "what javac prints" (docs/guide.md, BrokenProfileTest). */
@DatabricksProfile(
    host = "peco.azuredatabricks.net",
    httpPath = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492",
    computes = {
      @Compute(name = "etl", httpPath = "/sql/1.0/warehouses/0f0f0f0f0f0f0f0f?o=643689745482549O"),
      @Compute(name = "bi", httpPath = "/sql/1.0/warehouses/99aa88bb77cc66dd")
    })
public interface Billing {}
