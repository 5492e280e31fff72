package com.example;

import io.brickcheck.DatabricksProfile;

/** A dbt profile with env_var templates: rendered and checked when the factory is created. */
@DatabricksProfile(dbtProfile = "jaffle_env", target = "prod")
public interface JaffleEnv {}
