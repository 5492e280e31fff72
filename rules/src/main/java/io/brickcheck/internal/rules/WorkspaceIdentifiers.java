package io.brickcheck.internal.rules;

/**
 * Which workspace identifiers may go where: the one rule for an opaque identifier, used by the
 * discovery reader and by everything that sends a workspace header.
 *
 * <ul>
 *   <li>{@code ?o=} and {@code X-Databricks-Org-Id} (the drivers' header) take numeric ids only: 1
 *       to 19 digits within a long ({@link HttpPathParser} checks {@code ?o=}).
 *   <li>{@code X-Databricks-Workspace-Id} (the SDKs' header) also takes an opaque identifier: 1 to
 *       {@value #MAX_OPAQUE_LENGTH} characters from {@code A-Z a-z 0-9 . _ ~ : + / = -}, so never a
 *       space, a CR or LF, a quote or a separator that could end or split a header value.
 * </ul>
 */
public final class WorkspaceIdentifiers {
  /** The longest opaque identifier accepted. */
  public static final int MAX_OPAQUE_LENGTH = 128;

  private WorkspaceIdentifiers() {}

  /**
   * Whether {@code value} is a numeric workspace id (1 to 19 digits, at most {@link Long#MAX_VALUE}).
   *
   * @param value the text, or null (false)
   * @return true for a numeric id, leading zeros allowed
   */
  public static boolean isNumeric(String value) {
    return value != null && WorkspaceIds.isValid(value);
  }

  /**
   * Whether {@code value} may be sent as {@code X-Databricks-Workspace-Id}: numeric, or an opaque
   * identifier of safe characters only.
   *
   * @param value the text, or null (false)
   * @return true when it is safe in that header
   */
  public static boolean isSafeForWorkspaceIdHeader(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_OPAQUE_LENGTH) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean safe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || ".-_~:+/=".indexOf(c) >= 0;
      if (!safe) {
        return false;
      }
    }
    return true;
  }
}
