package io.brickcheck;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * OAuth M2M (client credentials) access tokens, cached until shortly before they expire. One
 * refresh at a time: threads that need a token while another fetches it wait for that fetch
 * instead of sending their own request.
 *
 * <p><b>Expiry</b> is measured on a monotonic clock ({@code System.nanoTime} unless a test gives
 * another), from the moment the token request was sent, so a wall-clock step (NTP, a VM resume, a
 * user changing the time) can neither serve an expired token nor force needless refreshes. A token
 * that lives {@code expires_in} seconds is refreshed {@code min(40 s, expires_in / 2)} before it
 * expires: 40 s for ordinary one-hour tokens, so none expires on the wire; half the lifetime for
 * short ones, so a 30 s token is fetched every 15 s rather than on every call. {@code expires_in}
 * absent means 3600 s; above one year is taken as one year.
 *
 * <p><b>Rejected tokens</b>: after a 401, {@link #tokenRejected} forgets the refused token, so the
 * retry ({@link BearerAuthInterceptor.RetryOnUnauthorized}) fetches a new one (at most one fetch
 * however many calls were refused at once), unless the token is younger than {@link
 * #MIN_AGE_TO_REPLACE}: then the 401 stands, without a retry.
 *
 * <p><b>Redirects</b> are never followed for token requests: a 3xx is an error, so no other host
 * can receive the client secret or hand out a token of its own.
 */
final class OAuthTokenSource implements BearerAuthInterceptor.TokenSupplier {
  /** The longest refresh margin: refresh this long before expiry (less for short-lived tokens). */
  static final Duration EARLY_REFRESH = Duration.ofSeconds(40);

  /**
   * A token refused younger than this is not replaced: a fresh token that is refused is refused
   * for what it may do, not for its age, and a new one would fare no better. Without this, an
   * endpoint that always answers 401 would make every call fetch a token.
   */
  static final Duration MIN_AGE_TO_REPLACE = Duration.ofSeconds(10);

  /** Lifetimes above this are cut to it, so nanosecond arithmetic cannot overflow. */
  static final Duration MAX_LIFETIME = Duration.ofDays(365);

  private static final int MAX_BODY = 64 * 1024;

  private final OkHttpClient client;
  private final Endpoint tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final LongSupplier ticker;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Token current;

  /** A token, when its request was sent and from when it must be refreshed (ticker nanoseconds). */
  private record Token(String value, long sentNanos, long refreshAtNanos) {}

  /** Where to ask; resolved on first use, since it may need the discovery probe. */
  interface Endpoint {
    String url() throws IOException;
  }

  /**
   * @param client a client without Brickcheck's interceptors: the token request must carry
   *     neither a bearer token nor the workspace header
   * @param tokenEndpoint resolved on first use (on unified hosts it needs the probe's account id)
   * @param ticker monotonic nanoseconds ({@code System::nanoTime}); only differences are used
   */
  OAuthTokenSource(
      OkHttpClient client, Endpoint tokenEndpoint, Credentials credentials, LongSupplier ticker) {
    // Never follow a redirect: the form and the Basic credentials would go along (OkHttp drops
    // Authorization across hosts, but not the body), and another host's token would be used.
    this.client = client.newBuilder().followRedirects(false).followSslRedirects(false).build();
    this.tokenEndpoint = tokenEndpoint;
    this.clientId = credentials.clientId();
    this.clientSecret = credentials.clientSecret();
    this.ticker = ticker;
  }

  OAuthTokenSource(OkHttpClient client, Endpoint tokenEndpoint, Credentials credentials) {
    this(client, tokenEndpoint, credentials, System::nanoTime);
  }

  @Override
  public String accessToken() throws IOException {
    Token token = current;
    if (fresh(token)) {
      return token.value();
    }
    lock.lock();
    try {
      token = current;
      if (fresh(token)) {
        return token.value();
      }
      current = fetch();
      return current.value();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean tokenRejected(String rejected) {
    lock.lock();
    try {
      Token token = current;
      if (token == null || !token.value().equals(rejected)) {
        return true; // already replaced (by another refused call): retry with the newer one
      }
      if (ticker.getAsLong() - token.sentNanos() < MIN_AGE_TO_REPLACE.toNanos()) {
        return false;
      }
      current = null; // the next accessToken() fetches
      return true;
    } finally {
      lock.unlock();
    }
  }

  private boolean fresh(Token token) {
    return token != null && ticker.getAsLong() - token.refreshAtNanos() < 0;
  }

  /** {@code min(40 s, lifetime / 2)}: see the class documentation. */
  static Duration refreshMargin(Duration lifetime) {
    Duration half = lifetime.dividedBy(2);
    return half.compareTo(EARLY_REFRESH) < 0 ? half : EARLY_REFRESH;
  }

  private Token fetch() throws IOException {
    String endpoint = tokenEndpoint.url();
    Request request =
        new Request.Builder()
            .url(endpoint)
            .header("Authorization", okhttp3.Credentials.basic(clientId, clientSecret))
            .header("Accept", "application/json")
            .post(new FormBody.Builder().add("grant_type", "client_credentials").add("scope", "all-apis").build())
            .build();
    long sent = ticker.getAsLong();
    try (Response response = client.newCall(request).execute()) {
      if (response.isRedirect() || (response.code() >= 300 && response.code() < 400)) {
        throw new IOException(
            "OAuth token endpoint " + endpoint + " answered HTTP " + response.code() + " (a redirect)."
                + " Token requests never follow redirects, so that no other host receives the client"
                + " secret or issues the token. Point the profile at the host that issues tokens itself.");
      }
      ResponseBody body = response.body();
      String text = body.source().request(MAX_BODY + 1) ? null : body.string();
      if (text == null) {
        throw new IOException("OAuth token endpoint " + endpoint + " sent more than 64 KiB");
      }
      if (!response.isSuccessful()) {
        throw new IOException(
            "OAuth token request to " + endpoint + " for client " + clientId + " failed with HTTP "
                + response.code() + errorOf(text) + ". Check the service principal's client id and"
                + " secret, and that it may use this workspace.");
      }
      return parse(endpoint, text, sent);
    }
  }

  private Token parse(String endpoint, String text, long sentNanos) throws IOException {
    try {
      JsonObject json = JsonParser.parseString(text).getAsJsonObject();
      String accessToken = json.get("access_token").getAsString();
      long expiresIn = json.has("expires_in") ? json.get("expires_in").getAsLong() : 3600;
      Duration lifetime = Duration.ofSeconds(Math.max(0, Math.min(expiresIn, MAX_LIFETIME.toSeconds())));
      long refreshAt = sentNanos + lifetime.minus(refreshMargin(lifetime)).toNanos();
      return new Token(accessToken, sentNanos, refreshAt);
    } catch (RuntimeException e) {
      // Never echo the body: it may hold a token.
      throw new IOException("OAuth token endpoint " + endpoint + " sent no usable access_token");
    }
  }

  /** The OAuth {@code error} code, if the body has one: safe to show, unlike the body itself. */
  private static String errorOf(String text) {
    try {
      JsonElement error = JsonParser.parseString(text).getAsJsonObject().get("error");
      String code = error == null ? null : error.getAsString();
      return code != null && code.matches("[A-Za-z0-9_.-]{1,64}") ? " (" + code + ")" : "";
    } catch (RuntimeException e) {
      return "";
    }
  }
}
