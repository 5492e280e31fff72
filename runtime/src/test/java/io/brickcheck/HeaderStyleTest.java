package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.internal.rules.HostParser;
import io.brickcheck.internal.rules.WorkspaceIdentifiers;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workspace header named as each side expects: {@code AUTO} (the default) sends the SDKs'
 * {@code X-Databricks-Workspace-Id} on REST, the driver's {@code x-databricks-org-id} on JDBC; an
 * opaque identifier goes only where the SDKs' header is sent, and only of safe characters.
 */
class HeaderStyleTest {
  static final String PAT = "dapiHEADERSTYLE01";
  FakeGateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  List<RecordedRequest> requests(RecordedRequest.Kind kind) {
    return gateway.requests().stream().filter(r -> r.kind() == kind).toList();
  }

  @Test
  void theDefaultIsPerChannel() throws Exception {
    gateway = FakeGateway.builder().personalAccessToken(PAT).start();
    DatabricksConnection warehouse = Profile.builder("styles", gateway.baseUrl())
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId())
        .build(BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build())
        .open("default");

    assertThat(BrickcheckOptions.defaults().headerStyle()).isEqualTo(HeaderStyle.AUTO);
    try (Response r = warehouse.httpClient(Credentials.token(PAT))
        .newCall(new Request.Builder().url(gateway.baseUrl() + "/api/2.0/sql/warehouses").build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    try (java.sql.Connection jdbc = warehouse.openJdbc(Credentials.token(PAT))) {
      assertThat(jdbc.isClosed()).isFalse();
    }

    assertThat(requests(RecordedRequest.Kind.REST)).singleElement().satisfies(r -> {
      assertThat(r.workspaceIdHeader()).isEqualTo(gateway.workspaceId());
      assertThat(r.orgId()).isNull();
    });
    assertThat(requests(RecordedRequest.Kind.THRIFT)).isNotEmpty().allSatisfy(r -> {
      assertThat(r.orgId()).isEqualTo(gateway.workspaceId());
      assertThat(r.workspaceIdHeader()).isNull();
    });
    assertThat(warehouse.jdbcUrl()).contains(";http.header.x-databricks-org-id=" + gateway.workspaceId());
    assertThat(warehouse.status().render())
        .contains("REST   X-Databricks-Workspace-Id: " + gateway.workspaceId() + " on requests to")
        .contains("style  AUTO: each channel as its own client names it (REST and SDK X-Databricks-Workspace-Id, JDBC x-databricks-org-id)");
    assertThat(warehouse.status().toJson()).contains("style  AUTO: each channel");
  }

  @Test
  void anExplicitStyleIsShownAndKeptForRestOnly() throws Exception {
    gateway = FakeGateway.builder().personalAccessToken(PAT).start();
    DatabricksConnection warehouse = Profile.builder("styles", gateway.baseUrl())
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId())
        .build(BrickcheckOptions.builder().probeMode(ProbeMode.OFF).headerStyle(HeaderStyle.ORG_ID).build())
        .open("default");

    assertThat(warehouse.status().render())
        .contains("REST   X-Databricks-Org-Id: " + gateway.workspaceId())
        .contains("style  ORG_ID: REST as chosen; JDBC keeps the driver's x-databricks-org-id, the SDK its X-Databricks-Workspace-Id");
  }

  /** The SDKs accept non-numeric workspace identifiers in their header: sent as is, end to end. */
  @ParameterizedTest
  @ValueSource(strings = {"ws-prod-eu", "a1b2c3d4-e5f6", "1234567890123456789012", "tenant:ws_7f3a.1", "YWJj+/=="})
  void anOpaqueIdentifierTravelsInTheSdkHeader(String opaque) throws Exception {
    gateway = FakeGateway.builder().personalAccessToken(PAT).workspaceId(opaque).start();
    var host = HostParser.parse(gateway.baseUrl()).hostIfValid().orElseThrow();
    for (HeaderStyle style : List.of(HeaderStyle.AUTO, HeaderStyle.WORKSPACE_ID)) {
      OkHttpClient rest = RequestRouting.install(new OkHttpClient.Builder(), host, opaque, style, () -> PAT).build();
      try (Response r = rest.newCall(new Request.Builder().url(gateway.baseUrl() + "/api/2.0/clusters/list").build()).execute()) {
        assertThat(r.code()).isEqualTo(200);
      }
    }
    assertThat(requests(RecordedRequest.Kind.REST)).hasSize(2).allSatisfy(r -> {
      assertThat(r.workspaceIdHeader()).isEqualTo(opaque);
      assertThat(r.orgId()).isNull();
    });
  }

  @ParameterizedTest
  @EnumSource(value = HeaderStyle.class, names = {"ORG_ID", "BOTH"})
  void theDriversHeaderTakesDigitsOnly(HeaderStyle style) {
    var host = HostParser.parse("peco.azuredatabricks.net").hostIfValid().orElseThrow();

    assertThatThrownBy(() -> new WorkspaceHeaderInterceptor(host, "ws-prod-eu", style))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workspace id must be canonical digits for X-Databricks-Org-Id (header style " + style + ")."
            + " An opaque workspace identifier goes in X-Databricks-Workspace-Id only: use HeaderStyle.AUTO or WORKSPACE_ID.");
    assertThat(new WorkspaceHeaderInterceptor(host, "6436897454825492", style)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ws\r\nX-Evil: 1", "ws\nprod", "ws prod", "\"ws\"", "ws;o=1", "ws,1", "caf\u00e9", "", "ws\u0000", "ws\\1"})
  void unsafeIdentifiersAreNeverSent(String unsafe) {
    var host = HostParser.parse("peco.azuredatabricks.net").hostIfValid().orElseThrow();
    assertThat(WorkspaceIdentifiers.isSafeForWorkspaceIdHeader(unsafe)).isFalse();
    for (HeaderStyle style : HeaderStyle.values()) {
      assertThatThrownBy(() -> new WorkspaceHeaderInterceptor(host, unsafe, style))
          .isInstanceOf(IllegalArgumentException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));
    }
  }

  @Test
  void theOpaqueRuleHasALengthLimit() {
    assertThat(WorkspaceIdentifiers.isSafeForWorkspaceIdHeader("w".repeat(128))).isTrue();
    assertThat(WorkspaceIdentifiers.isSafeForWorkspaceIdHeader("w".repeat(129))).isFalse();
    assertThat(WorkspaceIdentifiers.isNumeric("9223372036854775807")).isTrue();
    assertThat(WorkspaceIdentifiers.isNumeric("9223372036854775808")).isFalse();
    assertThat(WorkspaceIdentifiers.isNumeric("ws-1")).isFalse();
    assertThat(WorkspaceIdentifiers.isNumeric(null)).isFalse();
  }
}
