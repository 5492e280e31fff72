/**
 * Not API: dbt {@code profiles.yml} found, read and checked as dbt-databricks reads it. Exported
 * to every module only because generated factories call {@link
 * io.brickcheck.internal.dbt.GeneratedDbtOutput}; it may change in any release.
 */
package io.brickcheck.internal.dbt;
