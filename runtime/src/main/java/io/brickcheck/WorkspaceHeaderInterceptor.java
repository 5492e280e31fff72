package io.brickcheck;

import io.brickcheck.rules.Host;
import java.io.IOException;
import java.util.Locale;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the workspace header to REST calls for the profile's host, and to nothing else: not to
 * another host (presigned storage URLs), not to {@code /oidc/...} (OAuth answers 400 to it), not to
 * {@code /.well-known/...}, and never over a header the caller set.
 *
 * <p>The id was validated by the rule engine (canonical digits only), so no input can inject a
 * header value.
 */
final class WorkspaceHeaderInterceptor implements Interceptor {
  private final Host host;
  private final String workspaceId;
  private final HeaderStyle style;

  WorkspaceHeaderInterceptor(Host host, String workspaceId, HeaderStyle style) {
    if (!workspaceId.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("workspace id must be canonical digits");
    }
    this.host = host;
    this.workspaceId = workspaceId;
    this.style = style;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!isForWorkspaceApi(host, request.url())) {
      return chain.proceed(request);
    }
    Request.Builder routed = request.newBuilder();
    // OkHttp compares header names case-insensitively, so a caller's x-databricks-org-id wins.
    if (style.sendsOrgId() && request.header(HeaderStyle.ORG_ID_HEADER) == null) {
      routed.header(HeaderStyle.ORG_ID_HEADER, workspaceId);
    }
    if (style.sendsWorkspaceId() && request.header(HeaderStyle.WORKSPACE_ID_HEADER) == null) {
      routed.header(HeaderStyle.WORKSPACE_ID_HEADER, workspaceId);
    }
    return chain.proceed(routed.build());
  }

  /** The profile's own host (scheme, name and port) and not an OAuth or discovery path. */
  static boolean isForWorkspaceApi(Host host, HttpUrl url) {
    return isProfileHost(host, url) && !isOAuthOrDiscovery(url);
  }

  static boolean isProfileHost(Host host, HttpUrl url) {
    return url.scheme().equals(host.scheme()) && host.hasName(url.host()) && url.port() == host.port();
  }

  /**
   * Decoded first non-empty segment, case-insensitive: {@code /%6Fidc/} and {@code /OIDC/} count
   * too, and so does {@code //oidc/}, which servers that merge slashes (nginx by default) route to
   * {@code /oidc/}.
   */
  static boolean isOAuthOrDiscovery(HttpUrl url) {
    String first = "";
    for (String segment : url.pathSegments()) {
      if (!segment.isEmpty()) {
        first = segment.toLowerCase(Locale.ROOT);
        break;
      }
    }
    return first.equals("oidc") || first.equals(".well-known");
  }
}
