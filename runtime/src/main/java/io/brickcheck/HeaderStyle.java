package io.brickcheck;

/** Which header carries the workspace id on REST calls to a SPOG host. */
public enum HeaderStyle {
  /** {@code X-Databricks-Org-Id}, as the JDBC driver and the SQL connectors send it (default). */
  ORG_ID,
  /** {@code X-Databricks-Workspace-Id}, as Databricks SDKs 0.114+ send it. */
  WORKSPACE_ID,
  /** Both headers. */
  BOTH;

  static final String ORG_ID_HEADER = "X-Databricks-Org-Id";
  static final String WORKSPACE_ID_HEADER = "X-Databricks-Workspace-Id";

  boolean sendsOrgId() {
    return this != WORKSPACE_ID;
  }

  boolean sendsWorkspaceId() {
    return this != ORG_ID;
  }
}
