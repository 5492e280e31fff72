package io.brickcheck.sample;

import io.brickcheck.DatabricksProfile;

/**
 * The third form: the profile {@code brickcheck_demo}, target {@code local}, of the dbt file
 * {@code src/main/resources/profiles.yml}. javac reports any problem of that file here, with its
 * {@code profiles.yml:line:column}; the generated {@code DbtDemoConnectionFactory} has
 * {@code openDefault()} and {@code openNightly()}.
 */
@DatabricksProfile(dbtProfile = "brickcheck_demo", target = "local")
public interface DbtDemo {}
