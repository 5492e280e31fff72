/**
 * Brickcheck's API: declare a profile with {@link io.brickcheck.DatabricksProfile} (checked while
 * javac runs), or build one with {@link io.brickcheck.Profile} and {@link io.brickcheck.Profiles};
 * open a compute as a {@link io.brickcheck.DatabricksConnection} (JDBC URL, JDBC connection, OkHttp
 * client, SDK config) that always reaches the workspace the profile names.
 */
package io.brickcheck;
