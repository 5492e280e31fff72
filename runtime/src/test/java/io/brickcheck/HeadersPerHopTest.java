package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.internal.rules.HostParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11.5: the workspace headers and the bearer token are decided for each request on the wire,
 * redirects included. Through the public API ({@link DatabricksConnection#httpClient}) against
 * real MockWebServers on loopback: another port is another host. Each of 301, 302, 303, 307 and 308
 * is followed to another host, to another port, to {@code localhost} for {@code 127.0.0.1}, into
 * {@code /oidc/}, {@code /.well-known/} and account APIs (nothing may go along), and to the
 * profile's own API (the headers must be there: the control that makes the test able to fail).
 */
class HeadersPerHopTest {
  static final String ID = "6436897454825492";
  static final String PAT = "dapiPERHOPSECRET0001";
  static final int[] REDIRECTS = {301, 302, 303, 307, 308};

  @StartStop final MockWebServer workspace = new MockWebServer();
  @StartStop final MockWebServer elsewhere = new MockWebServer();

  String base() {
    return "http://127.0.0.1:" + workspace.getPort();
  }

  OkHttpClient client(HeaderStyle style) {
    BrickcheckOptions options =
        BrickcheckOptions.builder().probeMode(ProbeMode.OFF).headerStyle(style).build();
    Profile profile = Profile.builder("hops", base()).defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + ID)
        .build(options);
    return profile.open("default").httpClient(Credentials.token(PAT));
  }

  static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).setHeader("Location", location).build();
  }

  static MockResponse ok() {
    return new MockResponse.Builder().body("{}").build();
  }

  /** POST for 307/308 (the body goes along), GET otherwise. */
  static Request request(String url, int code) {
    Request.Builder b = new Request.Builder().url(url);
    if (code == 307 || code == 308) {
      b.post(okhttp3.RequestBody.create("{\"a\":1}", okhttp3.MediaType.get("application/json")));
    }
    return b.build();
  }

  static void assertNothingRouted(RecordedRequest r, String what) {
    assertThat(r.getHeaders().get("X-Databricks-Org-Id")).as("org id on " + what).isNull();
    assertThat(r.getHeaders().get("X-Databricks-Workspace-Id")).as("workspace id on " + what).isNull();
    assertThat(r.getHeaders().get("Authorization")).as("token on " + what).isNull();
  }

  static void assertRouted(RecordedRequest r, String what) {
    assertThat(r.getHeaders().get("X-Databricks-Org-Id")).as("org id on " + what).isEqualTo(ID);
    assertThat(r.getHeaders().get("X-Databricks-Workspace-Id")).as("workspace id on " + what).isEqualTo(ID);
    assertThat(r.getHeaders().get("Authorization")).as("token on " + what).isEqualTo("Bearer " + PAT);
  }

  RecordedRequest take(MockWebServer server) throws InterruptedException {
    RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(r).as("a request reached the server").isNotNull();
    return r;
  }

  @TestFactory
  List<DynamicTest> aRedirectToAnotherHostOrPortCarriesNothing() {
    List<DynamicTest> tests = new ArrayList<>();
    for (int code : REDIRECTS) {
      tests.add(DynamicTest.dynamicTest(code + " to another port", () -> {
        workspace.enqueue(redirect(code, elsewhere.url("/bucket/object?X-Amz-Signature=abc").toString()));
        elsewhere.enqueue(ok());
        try (Response r = client(HeaderStyle.BOTH).newCall(request(base() + "/api/2.0/files/download", code)).execute()) {
          assertThat(r.code()).isEqualTo(200);
        }
        assertRouted(take(workspace), "the first hop");
        assertNothingRouted(take(elsewhere), "the redirect to another port");
      }));
      tests.add(DynamicTest.dynamicTest(code + " to localhost for 127.0.0.1 (another host name)", () -> {
        workspace.enqueue(redirect(code, "http://localhost:" + workspace.getPort() + "/api/2.0/clusters/list"));
        workspace.enqueue(ok());
        try (Response r = client(HeaderStyle.BOTH).newCall(request(base() + "/api/2.0/clusters/list", code)).execute()) {
          assertThat(r.code()).isEqualTo(200);
        }
        assertRouted(take(workspace), "the first hop");
        assertNothingRouted(take(workspace), "the redirect to localhost");
      }));
    }
    return tests;
  }

  @TestFactory
  List<DynamicTest> aSameHostRedirectIntoOAuthDiscoveryOrAccountApisCarriesNothing() {
    List<String> targets = List.of(
        "/oidc/v1/token", "/oidc/accounts/abc/v1/token", "/OIDC/v1/authorize", "//oidc/v1/token",
        "/.well-known/databricks-config", "/.well-known/oauth-authorization-server",
        "/api/2.0/accounts/abc/workspaces", "/api/2.1/accounts/abc/servicePrincipals",
        "/api/2.0/preview/accounts/abc/scim/v2/Users", "/API/2.0/Accounts/abc", "/api//2.0//accounts/abc",
        "/api/2.0/%61ccounts/abc");
    List<DynamicTest> tests = new ArrayList<>();
    for (int code : REDIRECTS) {
      for (String target : targets) {
        tests.add(DynamicTest.dynamicTest(code + " to " + target, () -> {
          workspace.enqueue(redirect(code, base() + target));
          workspace.enqueue(ok());
          try (Response r = client(HeaderStyle.BOTH).newCall(request(base() + "/api/2.0/sql/warehouses", code)).execute()) {
            assertThat(r.code()).isEqualTo(200);
          }
          assertRouted(take(workspace), "the first hop");
          assertNothingRouted(take(workspace), "the redirect to " + target);
        }));
      }
    }
    return tests;
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aSameHostRedirectToAnotherWorkspaceApiKeepsThem(int code) throws Exception {
    workspace.enqueue(redirect(code, "/api/2.0/sql/warehouses/abc"));
    workspace.enqueue(ok());
    try (Response r = client(HeaderStyle.BOTH).newCall(request(base() + "/api/2.0/sql/warehouses", code)).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertRouted(take(workspace), "the first hop");
    assertRouted(take(workspace), "the same-host API redirect");
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectChainAwayAndBackIsDecidedAtEachHop(int code) throws Exception {
    workspace.enqueue(redirect(code, elsewhere.url("/hop").toString()));
    elsewhere.enqueue(redirect(code, base() + "/oidc/v1/token"));
    workspace.enqueue(redirect(code, base() + "/api/2.0/clusters/list"));
    workspace.enqueue(ok());
    try (Response r = client(HeaderStyle.BOTH).newCall(request(base() + "/api/2.0/clusters/get", code)).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertRouted(take(workspace), "hop 1, the profile's API");
    assertNothingRouted(take(elsewhere), "hop 2, another port");
    assertNothingRouted(take(workspace), "hop 3, /oidc/");
    assertRouted(take(workspace), "hop 4, the profile's API again");
  }

  @Test
  void accountApisCalledDirectlyGetNeitherHeaderNorToken() throws Exception {
    for (String path : List.of("/api/2.0/accounts/abc/workspaces", "/api/2.0/preview/accounts/abc/scim/v2/Users",
        "/api/2.1/accounts/abc/budget-policies")) {
      workspace.enqueue(ok());
      try (Response r = client(HeaderStyle.BOTH).newCall(new Request.Builder().url(base() + path).build()).execute()) {
        assertThat(r.code()).isEqualTo(200);
      }
      assertNothingRouted(take(workspace), path);
    }
    // Not account APIs: names that merely contain the word.
    for (String path : List.of("/api/2.0/accounts-usage", "/api/2.0/workspace/accounts", "/api/2.0/preview/scim/v2/Me")) {
      workspace.enqueue(ok());
      try (Response r = client(HeaderStyle.BOTH).newCall(new Request.Builder().url(base() + path).build()).execute()) {
        assertThat(r.code()).isEqualTo(200);
      }
      assertRouted(take(workspace), path);
    }
  }

  /**
   * Seeded random redirect chains (1 to 4 hops, any redirect code, any mix of targets): at every
   * hop the headers and token are present exactly when that hop is the profile's own workspace API.
   * The expectation comes from how each target was built, not from Brickcheck's predicate.
   */
  @Test
  void randomRedirectChainsAreJudgedAtEveryHop() throws Exception {
    record Target(boolean workspaceServer, String path, boolean routed) {}
    List<Target> targets = List.of(
        new Target(true, "/api/2.0/clusters/list", true),
        new Target(true, "/api/2.1/jobs/runs/list?x=1", true),
        new Target(true, "/api/2.0/preview/scim/v2/Me", true),
        new Target(true, "/oidc/v1/token", false),
        new Target(true, "/%6fidc/v1/token", false),
        new Target(true, "/.well-known/databricks-config", false),
        new Target(true, "/api/2.0/accounts/a/workspaces", false),
        new Target(true, "/api/2.0/preview/accounts/a/scim/v2/Users", false),
        new Target(false, "/api/2.0/clusters/list", false),
        new Target(false, "/bucket/object", false));
    java.util.Random r = new java.util.Random(Long.getLong("brickcheck.seed", 20261129L));
    OkHttpClient client = client(HeaderStyle.BOTH);
    for (int chain = 0; chain < 40; chain++) {
      int hops = 1 + r.nextInt(4);
      List<Target> path = new ArrayList<>();
      path.add(targets.get(r.nextInt(3))); // a call starts on the profile's API
      for (int h = 1; h < hops; h++) {
        path.add(targets.get(r.nextInt(targets.size())));
      }
      int code = REDIRECTS[r.nextInt(REDIRECTS.length)];
      for (int h = 0; h < path.size(); h++) {
        MockWebServer server = path.get(h).workspaceServer() ? workspace : elsewhere;
        if (h + 1 < path.size()) {
          Target next = path.get(h + 1);
          String url = (next.workspaceServer() ? base() : "http://127.0.0.1:" + elsewhere.getPort()) + next.path();
          server.enqueue(redirect(code, url));
        } else {
          server.enqueue(ok());
        }
      }
      try (Response resp = client.newCall(request(base() + path.get(0).path(), code)).execute()) {
        assertThat(resp.code()).as("chain %d", chain).isEqualTo(200);
      }
      for (int h = 0; h < path.size(); h++) {
        Target t = path.get(h);
        RecordedRequest got = take(t.workspaceServer() ? workspace : elsewhere);
        String what = "chain " + chain + " (" + code + ") hop " + (h + 1) + " " + t;
        if (t.routed()) {
          assertRouted(got, what);
        } else {
          assertNothingRouted(got, what);
        }
      }
    }
  }

  @Test
  void theAccountApiPredicate() {
    for (String yes : List.of("/api/2.0/accounts/a", "/api/2.1/accounts", "/api/2.0/preview/accounts/a/b",
        "/API/2.0/ACCOUNTS/a", "/api/1.2/accounts/a", "//api/2.0/accounts")) {
      assertThat(WorkspaceHeaderInterceptor.isAccountApi(okhttp3.HttpUrl.get("https://h" + yes))).as(yes).isTrue();
    }
    for (String no : List.of("/api/2.0/account", "/api/2.0/accountsx/a", "/api/2.0/preview/scim", "/accounts/a",
        "/api/2.0/clusters/accounts", "/api/x/accounts", "/")) {
      assertThat(WorkspaceHeaderInterceptor.isAccountApi(okhttp3.HttpUrl.get("https://h" + no))).as(no).isFalse();
    }
    assertThat(HostParser.parse(base()).host()).isNotNull();
  }
}
