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
 * is the compute's {@code DatabricksConnection.openJdbc(credentials)}: its JDBC URL with the http
 * path as declared and the workspace header, the secret in the driver properties only, and the
 * {@code UnsupportedDriver} check. Thread-safe; holds the credentials but never shows them ({@link
 * #toString()} names their kind only).
 */
final class DatabricksDataSource implements DataSource {
  /** Opens one JDBC session of the compute with the given credentials. */
  @FunctionalInterface
  interface Opener {
    Connection open(Credentials credentials) throws SQLException;
  }

  private final Opener opener;
  /** The compute, as its {@code toString()} shows it: no secret. */
  private final String target;
  private final Credentials credentials;
  private volatile PrintWriter logWriter;
  private volatile int loginTimeoutSeconds;

  DatabricksDataSource(Opener opener, String target, Credentials credentials) {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.target = Objects.requireNonNull(target, "target");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return opener.open(credentials);
  }

  /**
   * Refused: the credentials are the data source's own, so that no pool setting can put a secret
   * into a URL or a log. Leave the pool's user name and password unset.
   */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException(
        "this data source of " + target + " authenticates with the credentials it was made with;"
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
    return "DatabricksDataSource{" + target + ", credentials=" + credentials.kind() + "}";
  }
}
