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
 * another host or port (presigned storage URLs), not to {@code /oidc/...} (OAuth answers 400 to
 * it), not to {@code /.well-known/...}, not to account-scoped APIs ({@code /api/2.x/accounts/...},
 * {@code /api/2.0/preview/accounts/...}), and never over a header the caller set.
 *
 * <p><b>A network interceptor</b> ({@link RequestRouting#install}): OkHttp runs application
 * interceptors once per call, before it follows redirects, and copies their headers onto every
 * follow-up request (it strips only {@code Authorization}, and only across hosts). A network
 * interceptor runs once per request on the wire, redirects included, and OkHttp builds each
 * follow-up from the request before network interceptors, so the header is decided for each hop
 * afresh.
 *
 * <p>The id was validated by the rule engine (canonical digits from {@code ?o=}), and is checked
 * again here for the style ({@link HeaderStyle#checkWorkspaceId}: digits for {@code
 * X-Databricks-Org-Id}, digits or a safe opaque identifier for {@code X-Databricks-Workspace-Id}),
 * so no input can inject a header value.
 */
final class WorkspaceHeaderInterceptor implements Interceptor {
  private final Host host;
  private final String workspaceId;
  private final HeaderStyle style;

  WorkspaceHeaderInterceptor(Host host, String workspaceId, HeaderStyle style) {
    style.checkWorkspaceId(workspaceId);
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

  /**
   * The profile's own host (scheme, name and port), and neither an OAuth or discovery path nor an
   * account-scoped API: where the workspace header and Brickcheck's bearer token may go.
   */
  static boolean isForWorkspaceApi(Host host, HttpUrl url) {
    return isProfileHost(host, url) && !isOAuthOrDiscovery(url) && !isAccountApi(url);
  }

  /**
   * {@code /api/<version>/accounts/...} or {@code /api/<version>/preview/accounts/...}, segments
   * decoded and compared case-insensitively, empty segments skipped (servers that merge slashes
   * route {@code //api//2.0/accounts} there too). Account APIs are not workspace-scoped: a
   * workspace header there is at best ignored, at worst refused.
   */
  static boolean isAccountApi(HttpUrl url) {
    String[] first = new String[4];
    int n = 0;
    for (String segment : url.pathSegments()) {
      if (!segment.isEmpty()) {
        first[n++] = segment.toLowerCase(Locale.ROOT);
        if (n == first.length) {
          break;
        }
      }
    }
    if (n < 3 || !first[0].equals("api") || !first[1].matches("v?[0-9]+(\\.[0-9a-z]+)?")) {
      return false;
    }
    return first[2].equals("accounts") || (n == 4 && first[2].equals("preview") && first[3].equals("accounts"));
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
