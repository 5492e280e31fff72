package io.brickcheck;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

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

  private static final String POM_PROPERTIES = "/META-INF/maven/com.databricks/databricks-jdbc/pom.properties";

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
    String version = driver.getPackage() == null ? null : driver.getPackage().getImplementationVersion();
    if (version == null) {
      try (InputStream in = driver.getResourceAsStream(POM_PROPERTIES)) {
        if (in != null) {
          Properties p = new Properties();
          p.load(in);
          version = p.getProperty("version");
        }
      } catch (IOException e) {
        version = null;
      }
    }
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
