package io.brickcheck.cli;

/**
 * Which profile of which source a report is about, as far as the source names one: the dbt
 * profile and target (the target as resolved, the profile's default included), or the section of
 * a {@code .databrickscfg}; both null for flags and a JDBC URL.
 *
 * @param profile the dbt profile or the config file's section, or null
 * @param target the dbt target, or null
 */
record ReportSource(String profile, String target) {
  /** Flags, a JDBC URL: nothing names a profile. */
  static final ReportSource NONE = new ReportSource(null, null);
}
