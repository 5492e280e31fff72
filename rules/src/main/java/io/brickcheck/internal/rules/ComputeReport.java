package io.brickcheck.internal.rules;

import io.brickcheck.rules.WorkspaceIdSource;
import java.util.Optional;

/**
 * One compute of a checked profile.
 *
 * @param name the compute's name ({@code default} for the profile's own http path)
 * @param path the parsed http path
 */
public record ComputeReport(String name, HttpPathResult path) {

  /**
   * The compute's workspace id, canonical.
   *
   * @return the id, or empty when the path names none
   */
  public Optional<String> workspaceId() {
    return path.workspaceIdIfAny();
  }

  /**
   * Where the workspace id came from.
   *
   * @return {@code QUERY}, {@code CLUSTER_PATH} or {@code NONE}
   */
  public WorkspaceIdSource workspaceIdSource() {
    return path.source();
  }

  /**
   * Whether this is the profile's {@code default} compute.
   *
   * @return true for {@code default}
   */
  public boolean isDefault() {
    return ComputeNames.DEFAULT.equals(name);
  }
}
