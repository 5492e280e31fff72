package io.brickcheck.rules;

import java.util.Optional;

/**
 * One compute of a checked profile.
 *
 * @param name the compute's name ({@code default} for the profile's own http path)
 * @param path the parsed http path
 */
public record ComputeReport(String name, HttpPathResult path) {

  public Optional<String> workspaceId() {
    return path.workspaceIdIfAny();
  }

  public WorkspaceIdSource workspaceIdSource() {
    return path.source();
  }

  public boolean isDefault() {
    return ComputeNames.DEFAULT.equals(name);
  }
}
