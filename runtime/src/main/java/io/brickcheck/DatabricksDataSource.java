package io.brickcheck;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for one compute, for a connection pool (HikariCP's {@code
 * setDataSource(...)}, or any pool that takes a {@code DataSource}). Every {@link #getConnection()}
 * is {@link DatabricksConnection#openJdbc(Credentials)}: the URL of {@link
 * DatabricksConnection#jdbcUrl()} with the http path as declared and the workspace header, the
 * secret in the driver properties only, and the {@code UnsupportedDriver} check. Thread-safe; holds
 * the credentials but never shows them ({@link #toString()} names their kind only).
 */
final class DatabricksDataSource implements DataSource {
  private final DatabricksConnection connection;
  private final Credentials credentials;
  private volatile PrintWriter logWriter;
  private volatile int loginTimeoutSeconds;

  DatabricksDataSource(DatabricksConnection connection, Credentials credentials) {
    this.connection = Objects.requireNonNull(connection, "connection");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return connection.openJdbc(credentials);
  }

  /**
   * Refused: the credentials are the data source's own, so that no pool setting can put a secret
   * into a URL or a log. Leave the pool's user name and password unset.
   */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException(
        "this data source of " + connection + " authenticates with the credentials it was made with;"
            + " leave the pool's username and password unset");
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  /** Kept for pools that read it back; the driver's own timeouts apply. */
  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeoutSeconds = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeoutSeconds;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("Brickcheck logs through SLF4J, not java.util.logging");
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper of " + type.getName());
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }

  @Override
  public String toString() {
    return "DatabricksDataSource{" + connection + ", credentials=" + credentials.kind() + "}";
  }
}
