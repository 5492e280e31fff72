package io.brickcheck;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * OAuth M2M (client credentials) access tokens, cached until shortly before they expire. One
 * refresh at a time: threads that need a token while another fetches it wait for that fetch
 * instead of sending their own request.
 */
final class OAuthTokenSource implements BearerAuthInterceptor.TokenSupplier {
  /** Refresh this long before expiry, so a token never expires on the wire. */
  static final Duration EARLY_REFRESH = Duration.ofSeconds(40);

  private static final int MAX_BODY = 64 * 1024;

  private final OkHttpClient client;
  private final Endpoint tokenEndpoint;
  private final String clientId;
  private final String clientSecret;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Token current;

  private record Token(String value, Instant refreshAt) {}

  /** Where to ask; resolved on first use, since it may need the discovery probe. */
  interface Endpoint {
    String url() throws IOException;
  }

  /**
   * @param client a client without Brickcheck's interceptors: the token request must carry
   *     neither a bearer token nor the workspace header
   * @param tokenEndpoint resolved on first use (on unified hosts it needs the probe's account id)
   */
  OAuthTokenSource(
      OkHttpClient client, Endpoint tokenEndpoint, Credentials credentials, Clock clock) {
    this.client = client;
    this.tokenEndpoint = tokenEndpoint;
    this.clientId = credentials.clientId();
    this.clientSecret = credentials.clientSecret();
    this.clock = clock;
  }

  @Override
  public String accessToken() throws IOException {
    Token token = current;
    if (token != null && clock.instant().isBefore(token.refreshAt())) {
      return token.value();
    }
    lock.lock();
    try {
      token = current;
      if (token != null && clock.instant().isBefore(token.refreshAt())) {
        return token.value();
      }
      current = fetch();
      return current.value();
    } finally {
      lock.unlock();
    }
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
    Instant sent = clock.instant();
    try (Response response = client.newCall(request).execute()) {
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

  private Token parse(String endpoint, String text, Instant sent) throws IOException {
    try {
      JsonObject json = JsonParser.parseString(text).getAsJsonObject();
      String accessToken = json.get("access_token").getAsString();
      long expiresIn = json.has("expires_in") ? json.get("expires_in").getAsLong() : 3600;
      Instant refreshAt = sent.plusSeconds(Math.max(0, expiresIn)).minus(EARLY_REFRESH);
      return new Token(accessToken, refreshAt);
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
