package io.brickcheck.gateway;

/**
 * What one request to the {@link FakeGateway} carried. Credentials are never recorded: only the
 * authorization scheme ({@code Bearer}, {@code Basic}) or null.
 *
 * @param kind which part of the gateway answered
 * @param method the HTTP method
 * @param path the decoded path
 * @param query the raw query, or null
 * @param orgId the {@code X-Databricks-Org-Id} header, or null
 * @param workspaceIdHeader the {@code X-Databricks-Workspace-Id} header, or null
 * @param authScheme the scheme of the {@code Authorization} header, or null
 * @param userAgent the {@code User-Agent} header, or null
 * @param status the status the gateway answered
 */
public record RecordedRequest(
    Kind kind,
    String method,
    String path,
    String query,
    String orgId,
    String workspaceIdHeader,
    String authScheme,
    String userAgent,
    int status) {

  /** Which part of the gateway a request reached. */
  public enum Kind {
    DISCOVERY,
    OAUTH,
    REST,
    THRIFT,
    OTHER
  }

  /** The path with its query, as the client sent it. */
  public String target() {
    return query == null ? path : path + "?" + query;
  }

  /** True when the request named its workspace by either header. */
  public boolean hasWorkspaceHeader() {
    return orgId != null || workspaceIdHeader != null;
  }
}
