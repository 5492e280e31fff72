/**
 * Not API: the rule engine (host, http path and JDBC URL parsers, the profile checker) that the
 * processor, the runtime, the dbt reader and the command line share. Exported only to Brickcheck's
 * own modules; it may change in any release.
 */
package io.brickcheck.internal.rules;
