package io.brickcheck;

import io.brickcheck.internal.rules.WorkspaceIdentifiers;

/**
 * Which header carries the workspace id to a SPOG host. The two sides name it differently: the
 * Databricks SDKs (0.114+) send {@code X-Databricks-Workspace-Id}, which also accepts non-numeric
 * (opaque) workspace identifiers; the JDBC driver and the SQL connectors send {@code
 * x-databricks-org-id}, numeric ids only. {@link #AUTO} (the default) names it as each channel's
 * own client does.
 */
public enum HeaderStyle {
  /**
   * Per channel, as its own client names it (default): REST calls through {@code httpClient()} and
   * the SDK through {@code sdkConfig()} send {@code X-Databricks-Workspace-Id}; JDBC sends {@code
   * x-databricks-org-id} (a {@code http.header.} property of the URL).
   */
  AUTO,
  /** {@code X-Databricks-Org-Id} on REST calls, as the JDBC driver and the SQL connectors send it; numeric ids only. */
  ORG_ID,
  /** {@code X-Databricks-Workspace-Id} on REST calls, as Databricks SDKs 0.114+ send it; numeric or opaque ids. */
  WORKSPACE_ID,
  /** Both headers on REST calls; numeric ids only. */
  BOTH;

  static final String ORG_ID_HEADER = "X-Databricks-Org-Id";
  static final String WORKSPACE_ID_HEADER = "X-Databricks-Workspace-Id";

  /** The style REST calls use: {@link #AUTO} is the SDKs' header there. */
  HeaderStyle forRest() {
    return this == AUTO ? WORKSPACE_ID : this;
  }

  boolean sendsOrgId() {
    HeaderStyle rest = forRest();
    return rest == ORG_ID || rest == BOTH;
  }

  boolean sendsWorkspaceId() {
    HeaderStyle rest = forRest();
    return rest == WORKSPACE_ID || rest == BOTH;
  }

  /** The REST header names, as the status block shows them. */
  String restHeaders() {
    return switch (forRest()) {
      case ORG_ID -> ORG_ID_HEADER;
      case BOTH -> ORG_ID_HEADER + " and " + WORKSPACE_ID_HEADER;
      default -> WORKSPACE_ID_HEADER;
    };
  }

  /**
   * Checks that {@code workspaceId} may be sent in this style's REST headers: numeric for {@code
   * X-Databricks-Org-Id}, numeric or a safe opaque identifier ({@link
   * WorkspaceIdentifiers#isSafeForWorkspaceIdHeader}) for {@code X-Databricks-Workspace-Id} alone.
   *
   * @throws IllegalArgumentException naming the rule broken; the value is never quoted, since it
   *     may hold CR/LF
   */
  void checkWorkspaceId(String workspaceId) {
    if (sendsOrgId()) {
      if (!workspaceId.chars().allMatch(c -> c >= '0' && c <= '9') || !WorkspaceIdentifiers.isNumeric(workspaceId)) {
        throw new IllegalArgumentException(
            "workspace id must be canonical digits for " + ORG_ID_HEADER + " (header style " + this + ")."
                + " An opaque workspace identifier goes in " + WORKSPACE_ID_HEADER + " only: use HeaderStyle.AUTO"
                + " or WORKSPACE_ID.");
      }
    } else if (!WorkspaceIdentifiers.isSafeForWorkspaceIdHeader(workspaceId)) {
      throw new IllegalArgumentException(
          "workspace id must be digits or an identifier of at most " + WorkspaceIdentifiers.MAX_OPAQUE_LENGTH
              + " safe characters (A-Z a-z 0-9 . _ ~ : + / = -) for " + WORKSPACE_ID_HEADER + "; CR, LF, spaces"
              + " and quotes are never sent.");
    }
  }
}
