package io.brickcheck.rules;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link HttpPathParser#parse}.
 *
 * @param input the path as declared; Brickcheck never rewrites it
 * @param kind its shape
 * @param resourceId the warehouse or cluster id, or null
 * @param workspaceId the canonical workspace id, or null (none, or ambiguous)
 * @param source where {@code workspaceId} came from
 * @param problems every problem found, in a stable order
 */
public record HttpPathResult(
    String input,
    PathKind kind,
    String resourceId,
    String workspaceId,
    WorkspaceIdSource source,
    List<Problem> problems) {

  public HttpPathResult {
    problems = List.copyOf(problems);
  }

  public Optional<String> workspaceIdIfAny() {
    return Optional.ofNullable(workspaceId);
  }

  public Optional<String> resourceIdIfAny() {
    return Optional.ofNullable(resourceId);
  }

  /** True when the path carries the id as {@code ?o=}, which old JDBC drivers truncate. */
  public boolean hasQueryWorkspaceId() {
    return source == WorkspaceIdSource.QUERY;
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
