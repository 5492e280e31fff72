package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileChecker;
import io.brickcheck.internal.rules.ProfileReport;
import io.brickcheck.internal.rules.ProfileSpec;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 10, kind 5: discovery answers are read field by field, a discovered {@code workspace_id}
 * is checked against the profile's id, and "no discovery here" is a definitive answer. Through the
 * public API against the loopback gateway, and at the rule level.
 */
class DiscoveryFieldByFieldTest {
  static final String CLIENT = "sp-fields";
  static final String SECRET = "sp-FIELDS-SECRET-01";
  static final String WAREHOUSE = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8";

  FakeGateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  /** A fresh client per test gives each test its own probe and cache (RuntimeContext shares per client). */
  static BrickcheckOptions blocking() {
    return BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING).httpClient(new OkHttpClient()).build();
  }

  List<RecordedRequest> requests(RecordedRequest.Kind kind) {
    return gateway.requests().stream().filter(r -> r.kind() == kind).toList();
  }

  /** The example: a non-numeric workspace_id used to discard the whole answer, and M2M failed. */
  @ParameterizedTest
  @ValueSource(strings = {"ws-prod-eu", "1234567890123456789012", "12a", "a1b2c3d4-e5f6"})
  void unifiedHostWithAnOpaqueWorkspaceIdIsStillUnifiedAndM2mGetsTheAccountEndpoint(String opaque)
      throws Exception {
    gateway = FakeGateway.builder().hostType("unified").oauthClient(CLIENT, SECRET)
        .discoveryField("workspace_id", opaque).start();
    Profile profile = Profile.builder("opaque", gateway.baseUrl())
        .defaultHttpPath(WAREHOUSE + "?o=" + gateway.workspaceId()).build(blocking());
    OkHttpClient rest = profile.open("default").httpClient(Credentials.oauthM2M(CLIENT, SECRET));

    try (Response r = rest.newCall(new Request.Builder().url(gateway.baseUrl() + "/api/2.0/sql/warehouses").build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(requests(RecordedRequest.Kind.OAUTH)).singleElement()
        .satisfies(r -> assertThat(r.path()).isEqualTo("/oidc/accounts/" + gateway.accountId() + "/v1/token"));
    assertThat(profile.status().problems()).isEmpty(); // an opaque id is never compared with ?o=
    assertThat(profile.status().render()).contains("unified").contains("workspace " + opaque);
  }

  /** A malformed optional field is dropped and shown; the rest is used. */
  @Test
  void malformedCloudAndOidcEndpointAreDroppedAndShownTheAccountIdStillUsed() throws Exception {
    gateway = FakeGateway.builder().hostType("unified").oauthClient(CLIENT, SECRET)
        .discoveryField("cloud", Map.of("name", "azure"))
        .discoveryField("oidc_endpoint", "not a url")
        .discoveryField("token_federation_default_oidc_audiences", List.of(1, 2)).start();
    Profile profile = Profile.builder("odd", gateway.baseUrl())
        .defaultHttpPath(WAREHOUSE + "?o=" + gateway.workspaceId()).build(blocking());
    OkHttpClient rest = profile.open("default").httpClient(Credentials.oauthM2M(CLIENT, SECRET));

    try (Response r = rest.newCall(new Request.Builder().url(gateway.baseUrl() + "/api/2.0/sql/warehouses").build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    String status = profile.status().render();
    assertThat(status)
        .contains("probe dropped      field \"cloud\" is a JSON object, not a string")
        .contains("field \"oidc_endpoint\" is \"not a url\", not an http(s) URL")
        .contains("field \"token_federation_default_oidc_audiences\" holds a number, not a string")
        .contains("account " + gateway.accountId());
    assertThat(profile.status().toJson()).contains("\"droppedFields\": [").contains("\"outcome\": \"answered\"");
  }

  @Test
  void malformedAccountIdIsDroppedAndM2mSaysWhy() throws Exception {
    gateway = FakeGateway.builder().hostType("unified").oauthClient(CLIENT, SECRET)
        .discoveryField("account_id", "../../evil").start();
    Profile profile = Profile.builder("bad-account", gateway.baseUrl())
        .defaultHttpPath(WAREHOUSE + "?o=" + gateway.workspaceId()).build(blocking());
    DatabricksConnection c = profile.open("default");

    assertThatThrownBy(() -> c.jdbcProperties(Credentials.oauthM2M(CLIENT, SECRET)))
        .hasMessageContaining("it returned no usable account_id");
    assertThat(profile.status().render()).contains("\"account_id\" is \"../../evil\", not a plain account id");
    assertThat(requests(RecordedRequest.Kind.OAUTH)).isEmpty(); // no token request to a guessed URL
  }

  /** A workspace host that says it is another workspace than ?o= names: the static rule's code. */
  @Test
  void discoveredWorkspaceIdThatDiffersFromTheProfilesIsHostWorkspaceMismatch() throws Exception {
    gateway = FakeGateway.builder().hostType("workspace").workspaceId("1111111111111111").start();
    Profile profile = Profile.builder("mismatch", gateway.baseUrl())
        .defaultHttpPath(WAREHOUSE + "?o=2222222222222222").build(blocking());

    assertThatThrownBy(() -> profile.open("default"))
        .isInstanceOf(DatabricksProfileException.class)
        .hasMessageContaining("[DatabricksProfile/HostWorkspaceMismatch]")
        .hasMessageContaining("\"2222222222222222\"")
        .hasMessageContaining("\"1111111111111111\"");
    assertThatThrownBy(() -> profile.open("default")).isInstanceOf(DatabricksProfileException.class);
  }

  @Test
  void discoveredWorkspaceIdOnAClusterPathIsComparedToo() throws Exception {
    gateway = FakeGateway.builder().hostType("workspace").workspaceId("0001111").start();
    Profile profile = Profile.builder("cluster", gateway.baseUrl())
        .defaultHttpPath("sql/protocolv1/o/3333/0123-456789-abcdefgh").build(blocking());

    assertThatThrownBy(() -> profile.open("default"))
        .hasMessageContaining("[DatabricksProfile/HostWorkspaceMismatch]")
        .hasMessageContaining("workspace \"1111\""); // canonical, leading zeros gone
  }

  @Test
  void discoveredWorkspaceIdEqualToTheProfilesIsOnlyAStrayId() throws Exception {
    gateway = FakeGateway.builder().hostType("workspace").workspaceId("4444").start();
    Profile profile = Profile.builder("same", gateway.baseUrl()).defaultHttpPath(WAREHOUSE + "?o=04444").build(blocking());

    profile.open("default");
    assertThat(profile.status().problems()).extracting(Problem::code).containsExactly(Code.StrayWorkspaceId);
  }

  @Test
  void anAsyncOpenLearnsTheMismatchWhenTheAnswerArrives() throws Exception {
    gateway = FakeGateway.builder().hostType("workspace").workspaceId("1111").start();
    BrickcheckOptions async = BrickcheckOptions.builder().httpClient(new OkHttpClient()).build();
    Profile profile = Profile.builder("async", gateway.baseUrl()).defaultHttpPath(WAREHOUSE + "?o=2222").build(async);

    profile.open("default"); // ASYNC: never waits, never throws before the answer
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (profile.runtime().discovery().decidedProblems() == null && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThatThrownBy(() -> profile.open("default")).hasMessageContaining("HostWorkspaceMismatch");
  }

  /** 404/405/501: the host has no discovery. Definitive: cached, no ProbeFailed, the status says so. */
  @Test
  void noDiscoveryIsDefinitiveCachedAndShown() throws Exception {
    gateway = FakeGateway.builder().hostType(null).start();
    Profile profile = Profile.builder("plain", gateway.baseUrl()).defaultHttpPath(WAREHOUSE).build(blocking());

    for (int i = 0; i < 5; i++) {
      profile.open("default");
    }
    assertThat(requests(RecordedRequest.Kind.DISCOVERY)).hasSize(1);
    assertThat(profile.status().render())
        .contains("no discovery (HTTP 404: the host does not publish /.well-known/databricks-config")
        .doesNotContain("ProbeFailed");
    assertThat(profile.status().toJson()).contains("\"outcome\": \"no-discovery\"").contains("\"noDiscoveryStatus\": 404");
    assertThat(profile.status().problems()).isEmpty();
  }

  @Test
  void m2mOnAHostWithoutDiscoveryAndDeclaredSpogSaysTheHostHasNone() throws Exception {
    gateway = FakeGateway.builder().hostType(null).start();
    Profile profile = Profile.builder("spog", gateway.baseUrl()).hostKind(HostKind.SPOG)
        .defaultHttpPath(WAREHOUSE + "?o=1").build(blocking());

    assertThatThrownBy(() -> profile.open("default").jdbcProperties(Credentials.oauthM2M(CLIENT, SECRET)))
        .hasMessageContaining("the host has no discovery endpoint: HTTP 404");
  }

  // --- the rule itself (ProfileChecker.checkDiscovered), over host forms and id sources ---

  @ParameterizedTest
  @ValueSource(strings = {
      "acme-prod.cloud.databricks.com", "dbc-a1b2c3d4-e5f6.cloud.databricks.com",
      "peco.azuredatabricks.net", "analytics.gcp.databricks.com", "127.0.0.1:8443"})
  void ruleMismatchOnEveryHostFormAndIdSource(String host) {
    for (String path : List.of(WAREHOUSE + "?o=2222", "sql/protocolv1/o/2222/0123-456789-abcdefgh",
        "/sql/1.0/endpoints/abc?o=002222")) {
      ProfileReport report = ProfileChecker.check(ProfileSpec.of("p", host, path));
      assertThat(report.hasErrors()).as(host + " " + path).isFalse();

      List<Problem> problems = ProfileChecker.checkDiscovered(report, HostClassification.WORKSPACE, "1111");
      assertThat(problems).as(host + " " + path).singleElement().satisfies(p -> {
        assertThat(p.code()).isEqualTo(Code.HostWorkspaceMismatch);
        assertThat(p.isError()).isTrue();
        assertThat(p.message()).startsWith("[DatabricksProfile/HostWorkspaceMismatch] ")
            .contains("workspace \"2222\"").contains("workspace \"1111\"").contains("change the id to 1111");
      });
      // The suggested fix passes: with the host's id, no mismatch remains.
      String fixed = path.replace("002222", "1111").replace("2222", "1111");
      ProfileReport after = ProfileChecker.check(ProfileSpec.of("p", host, fixed));
      assertThat(ProfileChecker.checkDiscovered(after, HostClassification.WORKSPACE, "1111"))
          .extracting(Problem::code).doesNotContain(Code.HostWorkspaceMismatch);
    }
  }

  @Test
  void ruleComparesOnlyNumericIdsAndOnlyOnWorkspaceHosts() {
    ProfileReport report = ProfileChecker.check(ProfileSpec.of("p", "acme-prod.cloud.databricks.com", WAREHOUSE + "?o=2222"));

    assertThat(ProfileChecker.checkDiscovered(report, HostClassification.WORKSPACE, null))
        .extracting(Problem::code).containsExactly(Code.StrayWorkspaceId);
    assertThat(ProfileChecker.checkDiscovered(report, HostClassification.WORKSPACE, "2222"))
        .extracting(Problem::code).containsExactly(Code.StrayWorkspaceId);
    assertThat(ProfileChecker.checkDiscovered(report, HostClassification.SPOG, "1111")).isEmpty();
    assertThat(ProfileChecker.checkDiscovered(report, HostClassification.UNKNOWN, "1111")).isEmpty();
    ProfileReport noId = ProfileChecker.check(ProfileSpec.of("p", "acme-prod.cloud.databricks.com", WAREHOUSE));
    assertThat(ProfileChecker.checkDiscovered(noId, HostClassification.WORKSPACE, "1111")).isEmpty();
  }
}
