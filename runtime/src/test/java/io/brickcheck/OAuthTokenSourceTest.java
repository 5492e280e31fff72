package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.rules.Host;
import io.brickcheck.rules.HostParser;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
  MutableClock clock = new MutableClock();
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
        .addInterceptor(new WorkspaceHeaderInterceptor(host, gateway.workspaceId(), HeaderStyle.ORG_ID))
        .addInterceptor(new BearerAuthInterceptor(host, tokens))
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

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-25T12:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
