package io.brickcheck.internal.rules;

import io.brickcheck.rules.PathKind;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.WorkspaceIdSource;
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

  /**
   * Copies the list, so the record stays immutable.
   *
   * @param input the path as declared; Brickcheck never rewrites it
   * @param kind its shape
   * @param resourceId the warehouse or cluster id, or null
   * @param workspaceId the canonical workspace id, or null (none, or ambiguous)
   * @param source where {@code workspaceId} came from
   * @param problems every problem found, in a stable order
   */
  public HttpPathResult {
    problems = List.copyOf(problems);
  }

  /**
   * The path's workspace id, canonical.
   *
   * @return the id, or empty
   */
  public Optional<String> workspaceIdIfAny() {
    return Optional.ofNullable(workspaceId);
  }

  /**
   * The warehouse, endpoint or cluster id in the path.
   *
   * @return the id, or empty for an unrecognised path
   */
  public Optional<String> resourceIdIfAny() {
    return Optional.ofNullable(resourceId);
  }

  /**
   * True when the path carries the id as {@code ?o=}, which old JDBC drivers truncate.
   *
   * @return true when the path carries the id as {@code ?o=}, which old JDBC drivers truncate
   */
  public boolean hasQueryWorkspaceId() {
    return source == WorkspaceIdSource.QUERY;
  }

  /**
   * Whether any problem is an error.
   *
   * @return true if the path is unusable
   */
  public boolean hasErrors() {
    return ProblemLists.anyError(problems);
  }
}
