package com.example;

import io.brickcheck.DatabricksProfile;

/** A dbt profile whose values are all literal: checked in full at compile time. */
@DatabricksProfile(dbtProfile = "jaffle_shop")
public interface JaffleShop {}
