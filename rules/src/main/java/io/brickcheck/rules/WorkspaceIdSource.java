package io.brickcheck.rules;

/** Where a compute's workspace id came from. */
public enum WorkspaceIdSource {
  /** A {@code ?o=<id>} query parameter on the http path. */
  QUERY,
  /** The {@code /o/<id>/} segment of a legacy cluster path. */
  CLUSTER_PATH,
  /** No workspace id. */
  NONE
}
