package io.brickcheck;

/**
 * The databricks-jdbc driver on the classpath, looked up once: present or not, and its version.
 * databricks-jdbc 3.3.1 and older truncate {@code httpPath=...?o=123} to {@code ...?o}; 3.3.3 is
 * the first that keeps it and sends {@code x-databricks-org-id}.
 */
record JdbcDriver(boolean present, String version) {
  static final String DRIVER_CLASS = "com.databricks.client.jdbc.Driver";
  static final String COORDINATES = "com.databricks:databricks-jdbc";
  static final String RECOMMENDED = "3.4.5";
  static final int[] FIRST_WITH_SPOG = {3, 3, 3};

  /** Looked up on first use, then kept: opening a connection does no class-path scan. */
  static JdbcDriver onClasspath() {
    return Holder.DRIVER;
  }

  private static final class Holder {
    static final JdbcDriver DRIVER = detect(JdbcDriver.class.getClassLoader());
  }

  static JdbcDriver detect(ClassLoader loader) {
    Class<?> driver;
    try {
      driver = Class.forName(DRIVER_CLASS, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return new JdbcDriver(false, null);
    }
    String version = Versions.of(driver, "com.databricks", "databricks-jdbc");
    return new JdbcDriver(true, version);
  }

  /** Unknown versions count as supported: we only refuse what we know to be broken. */
  boolean keepsQueryWorkspaceId() {
    return version == null || Versions.atLeast(version, FIRST_WITH_SPOG);
  }

  String describe() {
    return present ? COORDINATES + ":" + (version == null ? "(unknown version)" : version) : "not on the classpath";
  }
}
