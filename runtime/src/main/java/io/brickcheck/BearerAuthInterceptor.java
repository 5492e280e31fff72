package io.brickcheck;

import io.brickcheck.rules.Host;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <token>} to requests for the profile's workspace APIs only
 * ({@link WorkspaceHeaderInterceptor#isForWorkspaceApi}): a token must never reach another host or
 * port (presigned cloud-storage URLs carry their own signature), {@code /oidc/}, {@code
 * /.well-known/} or account-scoped APIs. Never over an {@code Authorization} the caller set.
 *
 * <p><b>A network interceptor</b>, so the decision is made for each request on the wire, redirects
 * included (see {@link WorkspaceHeaderInterceptor}); {@link RetryOnUnauthorized}, an application
 * interceptor, retries a call once after a 401 with a fresh token. Install both with {@link
 * RequestRouting#install}.
 */
final class BearerAuthInterceptor implements Interceptor {
  /** Supplies a valid access token; may block once per expiry to refresh it. */
  interface TokenSupplier {
    String accessToken() throws IOException;

    /**
     * The host answered 401 to {@code rejected}: forget it if it is still the current token.
     *
     * @param rejected the token the host refused
     * @return whether a retry with {@link #accessToken()} may succeed (false for fixed tokens)
     */
    default boolean tokenRejected(String rejected) {
      return false;
    }

    /**
     * The headers that authenticate one request: {@code Authorization: Bearer <token>}, or for
     * the SDK ({@link SdkAuth}) whatever its credential provider gives (Azure adds a management
     * token header). Asked once per request on the wire.
     */
    default java.util.Map<String, String> authHeaders() throws IOException {
      return java.util.Map.of("Authorization", "Bearer " + accessToken());
    }
  }

  private final Host host;
  private final TokenSupplier tokens;

  BearerAuthInterceptor(Host host, TokenSupplier tokens) {
    this.host = host;
    this.tokens = tokens;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!WorkspaceHeaderInterceptor.isForWorkspaceApi(host, request.url())
        || request.header("Authorization") != null) {
      return chain.proceed(request);
    }
    Request.Builder authenticated = request.newBuilder();
    tokens.authHeaders().forEach((name, value) -> {
      if (request.header(name) == null) {
        authenticated.header(name, value);
      }
    });
    return chain.proceed(authenticated.build());
  }

  /**
   * After a 401 from the profile's workspace API to a token Brickcheck sent, forgets that token and
   * sends the call once more (so at most one refresh and one retry per call); a caller's own
   * {@code Authorization}, a fixed token, or a body that cannot be sent twice get the 401 as is.
   */
  static final class RetryOnUnauthorized implements Interceptor {
    private final Host host;
    private final TokenSupplier tokens;

    RetryOnUnauthorized(Host host, TokenSupplier tokens) {
      this.host = host;
      this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      Response response = chain.proceed(request);
      if (response.code() != 401
          || request.header("Authorization") != null
          || (request.body() != null && request.body().isOneShot())) {
        return response;
      }
      // The request on the wire, after the network interceptors: the token actually refused.
      Response wire = response.networkResponse();
      String sent = wire == null ? null : wire.request().header("Authorization");
      if (sent == null
          || !sent.startsWith("Bearer ")
          || !WorkspaceHeaderInterceptor.isForWorkspaceApi(host, wire.request().url())
          || !tokens.tokenRejected(sent.substring("Bearer ".length()))) {
        return response;
      }
      response.close();
      return chain.proceed(request);
    }
  }
}
