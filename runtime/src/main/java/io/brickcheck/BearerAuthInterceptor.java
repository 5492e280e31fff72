package io.brickcheck;

import io.brickcheck.rules.Host;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds {@code Authorization: Bearer <token>} to calls for the profile's host only: a token must
 * never reach another host (presigned cloud-storage URLs carry their own signature).
 */
final class BearerAuthInterceptor implements Interceptor {
  /** Supplies a valid access token; may block once per expiry to refresh it. */
  interface TokenSupplier {
    String accessToken() throws IOException;
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
    if (!WorkspaceHeaderInterceptor.isProfileHost(host, request.url())
        || request.header("Authorization") != null) {
      return chain.proceed(request);
    }
    return chain.proceed(
        request.newBuilder().header("Authorization", "Bearer " + tokens.accessToken()).build());
  }
}
