package io.brickcheck;

import io.brickcheck.rules.Host;
import io.brickcheck.rules.WorkspaceIdSource;
import java.util.Objects;
import java.util.Optional;

/**
 * One resolved, validated connection target: a compute of a checked {@link Profile}. Instances come
 * from {@link Profile#connection(String)} or a generated factory's {@code open<Compute>()}; they are
 * immutable, hold no secret, and compare by value.
 *
 * <p>{@link #host()} is the rule engine's normalised {@link Host} (lower-case name, explicit
 * scheme and port), not the string as declared: that is what every later use (JDBC URL, REST base
 * URL, SDK config) needs. {@link #httpPath()} is exactly as declared, because the server routes by
 * it and Brickcheck never rewrites it.
 */
public final class DatabricksConnection {
  private final String profileName;
  private final String computeName;
  private final Host host;
  private final String httpPath;
  private final String workspaceId;
  private final WorkspaceIdSource workspaceIdSource;

  DatabricksConnection(
      String profileName,
      String computeName,
      Host host,
      String httpPath,
      String workspaceId,
      WorkspaceIdSource workspaceIdSource) {
    this.profileName = Objects.requireNonNull(profileName, "profileName");
    this.computeName = Objects.requireNonNull(computeName, "computeName");
    this.host = Objects.requireNonNull(host, "host");
    this.httpPath = Objects.requireNonNull(httpPath, "httpPath");
    this.workspaceId = workspaceId;
    this.workspaceIdSource = Objects.requireNonNull(workspaceIdSource, "workspaceIdSource");
  }

  /** The name of the profile this connection belongs to. */
  public String profileName() {
    return profileName;
  }

  /** The compute's name; {@code default} for the profile's own http path. */
  public String computeName() {
    return computeName;
  }

  /** The host, parsed and normalised by the rule engine. */
  public Host host() {
    return host;
  }

  /** The http path exactly as declared, {@code ?o=} included. */
  public String httpPath() {
    return httpPath;
  }

  /**
   * The workspace this connection routes to, in canonical form (decimal digits, no leading zeros),
   * or empty when the http path names none.
   */
  public Optional<String> workspaceId() {
    return Optional.ofNullable(workspaceId);
  }

  /** Where {@link #workspaceId()} came from: {@code ?o=}, the cluster path, or nowhere. */
  public WorkspaceIdSource workspaceIdSource() {
    return workspaceIdSource;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatabricksConnection other
        && profileName.equals(other.profileName)
        && computeName.equals(other.computeName)
        && host.equals(other.host)
        && httpPath.equals(other.httpPath)
        && Objects.equals(workspaceId, other.workspaceId)
        && workspaceIdSource == other.workspaceIdSource;
  }

  @Override
  public int hashCode() {
    return Objects.hash(profileName, computeName, host, httpPath, workspaceId, workspaceIdSource);
  }

  @Override
  public String toString() {
    return "DatabricksConnection{profile="
        + profileName
        + ", compute="
        + computeName
        + ", host="
        + host.baseUrl()
        + ", httpPath="
        + httpPath
        + ", workspaceId="
        + (workspaceId == null ? "none" : workspaceId + " (" + workspaceIdSource + ")")
        + "}";
  }
}
