package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.rules.Host;
import io.brickcheck.internal.rules.HostParser;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OAuthTokenSourceTest {
  static final Credentials M2M = Credentials.oauthM2M("sp-client", "sp-SECRET-0001");
  FakeGateway gateway;
  Host host;
  MutableTicker clock = new MutableTicker();
  OkHttpClient plain = new OkHttpClient();

  @BeforeEach
  void start() throws Exception {
    gateway = FakeGateway.builder().oauthClient("sp-client", "sp-SECRET-0001").tokenLifetime(Duration.ofMinutes(10)).start();
    host = HostParser.parse(gateway.baseUrl()).host();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  String accountEndpoint() {
    return gateway.baseUrl() + "/oidc/accounts/" + gateway.accountId() + "/v1/token";
  }

  @Test
  void apiCallsCarryTheTokenAndTheWorkspaceHeaderButTheTokenRequestCarriesNoWorkspaceHeader() throws Exception {
    OAuthTokenSource tokens = new OAuthTokenSource(plain, this::accountEndpoint, M2M, clock);
    OkHttpClient api = plain.newBuilder()
        .addNetworkInterceptor(new WorkspaceHeaderInterceptor(host, gateway.workspaceId(), HeaderStyle.ORG_ID))
        .addNetworkInterceptor(new BearerAuthInterceptor(host, tokens))
        .build();

    try (Response response = api.newCall(new Request.Builder().url(gateway.baseUrl() + "/api/2.0/sql/warehouses").build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }

    List<RecordedRequest> requests = gateway.requests();
    assertThat(requests).extracting(RecordedRequest::kind).containsExactly(RecordedRequest.Kind.OAUTH, RecordedRequest.Kind.REST);
    RecordedRequest token = requests.get(0);
    assertThat(token.path()).isEqualTo("/oidc/accounts/" + gateway.accountId() + "/v1/token");
    assertThat(token.hasWorkspaceHeader()).isFalse();
    assertThat(token.authScheme()).isEqualTo("Basic");
    assertThat(token.status()).isEqualTo(200);
    RecordedRequest rest = requests.get(1);
    assertThat(rest.authScheme()).isEqualTo("Bearer");
    assertThat(rest.orgId()).isEqualTo(gateway.workspaceId());
  }

  @Test
  void reusesTheTokenUntilShortlyBeforeItExpires() throws Exception {
    OAuthTokenSource tokens = new OAuthTokenSource(plain, this::accountEndpoint, M2M, clock);

    String first = tokens.accessToken();
    clock.advance(Duration.ofMinutes(9));
    assertThat(tokens.accessToken()).isEqualTo(first);
    clock.advance(Duration.ofSeconds(30)); // within EARLY_REFRESH of the 10-minute expiry
    String second = tokens.accessToken();

    assertThat(second).isNotEqualTo(first);
    assertThat(gateway.tokensIssued()).isEqualTo(2);
  }

  @Test
  void concurrentCallersShareOneTokenRequest() throws Exception {
    OAuthTokenSource tokens = new OAuthTokenSource(plain, this::accountEndpoint, M2M, clock);
    ExecutorService pool = Executors.newFixedThreadPool(32);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(pool.submit(() -> {
          go.await();
          return tokens.accessToken();
        }));
      }
      go.countDown();
      Set<String> seen = ConcurrentHashMap.newKeySet();
      for (Future<String> f : results) {
        seen.add(f.get(30, TimeUnit.SECONDS));
      }
      assertThat(seen).hasSize(1);
      assertThat(gateway.tokensIssued()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRefusedClientFailsWithoutEchoingTheSecret() {
    OAuthTokenSource tokens = new OAuthTokenSource(
        plain, this::accountEndpoint, Credentials.oauthM2M("sp-client", "wrong-SECRET-9"), clock);

    assertThatThrownBy(tokens::accessToken)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("HTTP 401 (invalid_client)")
        .hasMessageContaining("sp-client")
        .hasMessageNotContaining("wrong-SECRET-9");
  }

  @Test
  void theWorkspaceTokenEndpointOfAUnifiedHostIsRefused() {
    OAuthTokenSource tokens = new OAuthTokenSource(plain, () -> gateway.baseUrl() + "/oidc/v1/token", M2M, clock);

    assertThatThrownBy(tokens::accessToken).hasMessageContaining("HTTP 400 (invalid_request)");
  }

  // --- issue 11.8: monotonic expiry, proportional margin, one refresh and one retry after 401 ---

  @Test
  void expiryFollowsTheMonotonicTickerNotTheWallClock() throws Exception {
    // The source reads no wall clock at all: only the ticker moves it, and across its wrap-around.
    OAuthTokenSource tokens = new OAuthTokenSource(plain, this::accountEndpoint, M2M, clock);
    String first = tokens.accessToken();
    clock.advance(Duration.ofMinutes(9).plusSeconds(19)); // just before 10 min - 40 s
    assertThat(tokens.accessToken()).isEqualTo(first);
    clock.advance(Duration.ofSeconds(2));
    assertThat(tokens.accessToken()).isNotEqualTo(first);
    assertThat(gateway.tokensIssued()).isEqualTo(2);
  }

  @Test
  void refreshMarginIsFortySecondsOrHalfTheLifetime() {
    assertThat(OAuthTokenSource.refreshMargin(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(40));
    assertThat(OAuthTokenSource.refreshMargin(Duration.ofSeconds(80))).isEqualTo(Duration.ofSeconds(40));
    assertThat(OAuthTokenSource.refreshMargin(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(30));
    assertThat(OAuthTokenSource.refreshMargin(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(500));
    assertThat(OAuthTokenSource.refreshMargin(Duration.ZERO)).isEqualTo(Duration.ZERO);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {2, 10, 30, 39})
  void aShortLivedTokenIsReusedForHalfItsLifetimeNotFetchedOnEveryCall(int seconds) throws Exception {
    gateway.close();
    gateway = FakeGateway.builder().oauthClient("sp-client", "sp-SECRET-0001").tokenLifetime(Duration.ofSeconds(seconds)).start();
    OAuthTokenSource tokens = new OAuthTokenSource(plain, this::accountEndpoint, M2M, clock);

    String first = tokens.accessToken();
    for (int i = 0; i < 50; i++) {
      assertThat(tokens.accessToken()).isEqualTo(first);
    }
    clock.advance(Duration.ofMillis(seconds * 500L - 1));
    assertThat(tokens.accessToken()).isEqualTo(first);
    clock.advance(Duration.ofMillis(2));
    assertThat(tokens.accessToken()).isNotEqualTo(first);
    assertThat(gateway.tokensIssued()).isEqualTo(2);
  }

  @Test
  void aRevokedTokenGetsOneRefreshAndOneRetry() throws Exception {
    OAuthTokenSource tokens = new OAuthTokenSource(plain, this::accountEndpoint, M2M, clock);
    OkHttpClient api = RequestRouting.install(plain.newBuilder(), host, gateway.workspaceId(), HeaderStyle.ORG_ID, tokens).build();
    Request call = new Request.Builder().url(gateway.baseUrl() + "/api/2.0/sql/warehouses").build();
    try (Response r = api.newCall(call).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    gateway.revokeIssuedTokens(); // the host forgets the token long before its expiry
    gateway.clearRequests();
    clock.advance(Duration.ofSeconds(11)); // older than MIN_AGE_TO_REPLACE

    try (Response r = api.newCall(call).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(gateway.requests()).extracting(RecordedRequest::kind, RecordedRequest::status).containsExactly(
        org.assertj.core.groups.Tuple.tuple(RecordedRequest.Kind.REST, 401),
        org.assertj.core.groups.Tuple.tuple(RecordedRequest.Kind.OAUTH, 200),
        org.assertj.core.groups.Tuple.tuple(RecordedRequest.Kind.REST, 200));
    assertThat(gateway.tokensIssued()).isEqualTo(2);
  }

  @Test
  void aHostThatAlwaysAnswers401GetsOneRetryNotALoopAndAFreshTokenNone() throws Exception {
    try (mockwebserver3.MockWebServer api = new mockwebserver3.MockWebServer()) {
      api.start();
      for (int i = 0; i < 10; i++) {
        api.enqueue(new mockwebserver3.MockResponse.Builder().code(401).body("{}").build());
      }
      Host apiHost = HostParser.parse("http://127.0.0.1:" + api.getPort()).host();
      OAuthTokenSource tokens = new OAuthTokenSource(plain, this::accountEndpoint, M2M, clock);
      OkHttpClient client = RequestRouting.install(plain.newBuilder(), apiHost, null, HeaderStyle.ORG_ID, tokens).build();
      Request call = new Request.Builder().url("http://127.0.0.1:" + api.getPort() + "/api/2.0/x").build();

      // A token just fetched and refused: refused for what it may do; a new one would not help.
      for (int i = 0; i < 3; i++) {
        try (Response r = client.newCall(call).execute()) {
          assertThat(r.code()).isEqualTo(401);
        }
      }
      assertThat(api.getRequestCount()).isEqualTo(3);
      assertThat(gateway.tokensIssued()).isEqualTo(1);

      // An older token refused: one refresh, one retry, then the 401 stands.
      clock.advance(Duration.ofSeconds(11));
      try (Response r = client.newCall(call).execute()) {
        assertThat(r.code()).isEqualTo(401);
      }
      assertThat(api.getRequestCount()).isEqualTo(5);
      assertThat(gateway.tokensIssued()).isEqualTo(2);
    }
  }

  @Test
  void a401WithTheCallersOwnAuthorizationOrAFixedTokenIsNotRetried() throws Exception {
    try (mockwebserver3.MockWebServer api = new mockwebserver3.MockWebServer()) {
      api.start();
      for (int i = 0; i < 10; i++) {
        api.enqueue(new mockwebserver3.MockResponse.Builder().code(401).body("{}").build());
      }
      Host apiHost = HostParser.parse("http://127.0.0.1:" + api.getPort()).host();
      OAuthTokenSource tokens = new OAuthTokenSource(plain, this::accountEndpoint, M2M, clock);
      OkHttpClient m2m = RequestRouting.install(plain.newBuilder(), apiHost, null, HeaderStyle.ORG_ID, tokens).build();
      OkHttpClient pat = RequestRouting.install(plain.newBuilder(), apiHost, null, HeaderStyle.ORG_ID, () -> "dapiFIXED").build();
      String url = "http://127.0.0.1:" + api.getPort() + "/api/2.0/x";

      try (Response r = m2m.newCall(new Request.Builder().url(url).header("Authorization", "Bearer mine").build()).execute()) {
        assertThat(r.code()).isEqualTo(401);
      }
      try (Response r = pat.newCall(new Request.Builder().url(url).build()).execute()) {
        assertThat(r.code()).isEqualTo(401);
      }
      assertThat(api.getRequestCount()).isEqualTo(2);
      assertThat(gateway.tokensIssued()).isZero();
    }
  }

  @Test
  void manyCallsRefusedAtOnceShareOneRefresh() throws Exception {
    OAuthTokenSource tokens = new OAuthTokenSource(plain, this::accountEndpoint, M2M, clock);
    OkHttpClient api = RequestRouting.install(plain.newBuilder(), host, gateway.workspaceId(), HeaderStyle.ORG_ID, tokens).build();
    Request call = new Request.Builder().url(gateway.baseUrl() + "/api/2.0/sql/warehouses").build();
    tokens.accessToken();
    gateway.revokeIssuedTokens();
    clock.advance(Duration.ofSeconds(11));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<Integer>> codes = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        codes.add(pool.submit(() -> {
          go.await();
          try (Response r = api.newCall(call).execute()) {
            return r.code();
          }
        }));
      }
      go.countDown();
      for (Future<Integer> f : codes) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
      }
      // One token before, then one refresh per rejected token (not one per call).
      assertThat(gateway.tokensIssued()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Issue 11.5: the token request must not follow a redirect to another host and use its token. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {301, 302, 303, 307, 308})
  void theTokenRequestNeverFollowsARedirect(int code) throws Exception {
    try (mockwebserver3.MockWebServer redirecting = new mockwebserver3.MockWebServer();
        mockwebserver3.MockWebServer attacker = new mockwebserver3.MockWebServer()) {
      redirecting.start();
      attacker.start();
      attacker.enqueue(new mockwebserver3.MockResponse.Builder()
          .body("{\"access_token\":\"attacker-token\",\"expires_in\":3600}").build());
      redirecting.enqueue(new mockwebserver3.MockResponse.Builder().code(code)
          .setHeader("Location", attacker.url("/oidc/v1/token").toString()).build());
      OAuthTokenSource tokens = new OAuthTokenSource(
          plain, () -> redirecting.url("/oidc/v1/token").toString(), M2M, clock);

      assertThatThrownBy(tokens::accessToken).isInstanceOf(IOException.class)
          .hasMessageContaining("HTTP " + code).hasMessageContaining("never follow redirects")
          .hasMessageNotContaining("sp-SECRET-0001");
      assertThat(attacker.getRequestCount()).isZero();
    }
  }

  /** A monotonic ticker for tests; starts near the top of the long range, as System.nanoTime may. */
  static final class MutableTicker implements java.util.function.LongSupplier {
    private volatile long now = Long.MAX_VALUE - TimeUnit.MINUTES.toNanos(1);

    void advance(Duration d) {
      now += d.toNanos(); // wraps past Long.MAX_VALUE: only differences may be compared
    }

    @Override
    public long getAsLong() {
      return now;
    }
  }
}
