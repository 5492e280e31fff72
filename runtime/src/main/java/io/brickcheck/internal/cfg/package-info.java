/**
 * Not API: {@code ~/.databrickscfg} profiles and {@code DATABRICKS_*} variables read as the
 * Databricks CLI and SDKs read them, then checked by the rule engine. Exported only to the command
 * line module; it may change in any release.
 */
package io.brickcheck.internal.cfg;
