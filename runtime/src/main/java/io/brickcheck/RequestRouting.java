package io.brickcheck;

import io.brickcheck.rules.Host;
import okhttp3.OkHttpClient;

/**
 * Installs Brickcheck's per-request decisions on an OkHttp client: the workspace header and the
 * bearer token as <em>network</em> interceptors (decided for every request on the wire, each
 * redirect hop included: never to another host or port, {@code /oidc/}, {@code /.well-known/} or
 * account-scoped APIs), and the one retry after a 401 as an application interceptor (it must see
 * the whole call, and only application interceptors may proceed twice).
 */
final class RequestRouting {
  private RequestRouting() {}

  /**
   * @param builder a builder derived from the base client; changed and returned
   * @param workspaceId canonical digits, or null for no workspace header
   */
  static OkHttpClient.Builder install(
      OkHttpClient.Builder builder,
      Host host,
      String workspaceId,
      HeaderStyle style,
      BearerAuthInterceptor.TokenSupplier tokens) {
    builder.addInterceptor(new BearerAuthInterceptor.RetryOnUnauthorized(host, tokens));
    if (workspaceId != null) {
      builder.addNetworkInterceptor(new WorkspaceHeaderInterceptor(host, workspaceId, style));
    }
    return builder.addNetworkInterceptor(new BearerAuthInterceptor(host, tokens));
  }
}
