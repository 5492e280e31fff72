package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.service.iam.MeRequest;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.gateway.RecordedRequest;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run time: a Profile from a ~/.databrickscfg profile or the DATABRICKS_* environment, against the
 * loopback gateway: the same checks, the workspace id on every channel (the real JDBC driver, REST,
 * the real SDK), and a status block that says where each value came from.
 */
class ProfilesFromSettingsTest {
  static final String PAT = "dapiSETTINGSSECRET01";
  static final BrickcheckOptions BLOCKING = BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING).build();

  @TempDir Path home;
  FakeGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = FakeGateway.builder().hostType("unified").personalAccessToken(PAT).start();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  Path cfg(String text) throws Exception {
    Path file = home.resolve(".databrickscfg");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  List<RecordedRequest> requests(RecordedRequest.Kind kind) {
    return gateway.requests().stream().filter(r -> r.kind() == kind).toList();
  }

  @Test
  void aHostWithOInTheConfigFileStillRoutesJdbcRestAndTheSdkThroughBrickcheck() throws Exception {
    String id = gateway.workspaceId();
    Path file = cfg("[DEFAULT]\n\n[spog]\nhost = " + gateway.baseUrl() + "/?o=" + id + "\nwarehouse_id = a1b2c3d4e5f6a7b8\n"
        + "token = " + PAT + "\n");

    Profile profile = Profiles.fromDatabricksConfig(file, "spog", Map.of(), home, BLOCKING);
    DatabricksConnection warehouse = profile.open("default");
    // The file's own token, read for this use only.
    Credentials fromFile = io.brickcheck.internal.cfg.DatabricksCfg.credentials(file, "spog", Map.of(), home, Credentials::token, Credentials::oauthM2M).orElseThrow();
    assertThat(fromFile).isEqualTo(Credentials.token(PAT)).hasToString("Credentials[token, redacted]");

    assertThat(profile.warnings()).extracting(Problem::code).containsExactly(Code.WorkspaceIdOnHost);
    assertThat(warehouse.httpPath()).isEqualTo("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + id);
    try (Connection jdbc = warehouse.openJdbc(fromFile)) {
      assertThat(jdbc.isClosed()).isFalse();
    }
    assertThat(requests(RecordedRequest.Kind.THRIFT)).isNotEmpty().allSatisfy(r -> {
      assertThat(r.target()).isEqualTo("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + id);
      assertThat(r.orgId()).isEqualTo(id);
    });
    OkHttpClient rest = warehouse.httpClient(fromFile);
    try (Response r = rest.newCall(new Request.Builder().url(gateway.baseUrl() + "/api/2.0/clusters/list").build()).execute()) {
      assertThat(r.code()).isEqualTo(200);
    }
    assertThat(requests(RecordedRequest.Kind.REST)).singleElement().satisfies(r -> assertThat(r.workspaceIdHeader()).isEqualTo(id));
    gateway.clearRequests();
    new WorkspaceClient(warehouse.sdkConfig(fromFile)).currentUser().me(new MeRequest());
    assertThat(requests(RecordedRequest.Kind.REST)).singleElement()
        .satisfies(r -> assertThat(r.workspaceIdHeader()).isEqualTo(id));

    String status = profile.status().render();
    assertThat(status)
        .contains("from               host: " + file + ":4:8 (the SDK keeps \"" + gateway.baseUrl() + "\")")
        .contains("from               workspace id: " + id + " from the host's ?o= at " + file + ":4:8")
        .contains("from               compute default: warehouse_id at " + file + ":5:16, ?o=" + id + " from " + file + ":4:8")
        .contains("from               credentials: token (set) at " + file + ":6:9")
        .contains("[DatabricksProfile/WorkspaceIdOnHost] " + file + ":4:8: ")
        .doesNotContain(PAT);
    JsonObject json = JsonParser.parseString(profile.status().toJson()).getAsJsonObject();
    assertThat(json.getAsJsonObject("origins").get("host").getAsString()).startsWith(file + ":4:8");
    assertThat(profile.status().toJson()).doesNotContain(PAT);
  }

  @Test
  void theEnvironmentResolvesAsTheSdkDoesAndTheStatusNamesEachVariable() throws Exception {
    String id = gateway.workspaceId();
    cfg("[DEFAULT]\nhost = https://ignored.example.com\n");
    Map<String, String> env = new HashMap<>(Map.of("HOME", home.toString(), "DATABRICKS_HOST", gateway.baseUrl(),
        "DATABRICKS_WORKSPACE_ID", id, "DATABRICKS_CLUSTER_ID", "0123-456789-abcdefgh", "DATABRICKS_TOKEN", PAT));

    Profile profile = Profiles.fromEnvironment(env, BLOCKING);
    DatabricksConnection cluster = profile.open("default");

    assertThat(profile.warnings()).isEmpty();
    assertThat(cluster.httpPath()).isEqualTo("sql/protocolv1/o/" + id + "/0123-456789-abcdefgh");
    assertThat(profile.workspaceId()).contains(id);
    try (Connection jdbc = cluster.openJdbc(Credentials.token(PAT))) {
      assertThat(jdbc.isClosed()).isFalse();
    }
    assertThat(requests(RecordedRequest.Kind.THRIFT)).isNotEmpty().allSatisfy(r -> assertThat(r.orgId()).isEqualTo(id));
    assertThat(profile.status().render())
        .contains("from               host: env:DATABRICKS_HOST")
        .contains("from               workspace id: " + id + " from workspace_id at env:DATABRICKS_WORKSPACE_ID")
        .contains("from               compute default: cluster_id at env:DATABRICKS_CLUSTER_ID, /o/" + id
            + "/ from env:DATABRICKS_WORKSPACE_ID")
        .contains("from               credentials: token (set) at env:DATABRICKS_TOKEN")
        .doesNotContain(PAT)
        .doesNotContain("ignored.example.com");
  }

  @Test
  void errorsThrowWithEveryProblemAtItsPositionAndNeverASecret() throws Exception {
    Path file = cfg("[prod]\nhost = https://peco.azuredatabricks.net\nworkspace_id = none\nwarehouse_id = abc\n"
        + "client_secret = " + PAT + "\n");
    assertThatThrownBy(() -> Profiles.fromDatabricksConfig(file, "prod", Map.of(), home, BLOCKING))
        .isInstanceOf(DatabricksProfileException.class)
        .hasMessageStartingWith("[DatabricksProfile/PlaceholderValue] " + file + ":3:16: workspace_id is \"none\"")
        .satisfies(e -> assertThat(e.toString()).doesNotContain(PAT));
    assertThatThrownBy(() -> Profiles.fromDatabricksConfig(file, "dev", Map.of(), home, BLOCKING))
        .isInstanceOf(DatabricksProfileException.class)
        .hasMessageStartingWith("[DatabricksProfile/UnknownConfigProfile] profile \"dev\" is not in " + file);
    assertThatThrownBy(() -> Profiles.fromEnvironment(Map.of("HOME", home.toString()), BLOCKING))
        .isInstanceOf(DatabricksProfileException.class)
        .hasMessageContaining("[DatabricksProfile/MissingConfigField]");
  }

  @Test
  void withoutAFileOrProfileTheSdksDefaultsChooseThem() throws Exception {
    Path file = cfg("[DEFAULT]\nhost = " + gateway.baseUrl() + "\nworkspace_id = " + gateway.workspaceId()
        + "\nwarehouse_id = abc\n[other]\nhost = " + gateway.baseUrl() + "\nwarehouse_id = def\nworkspace_id = 1\n");
    Profile byDefault = Profiles.fromDatabricksConfig(null, null, Map.of("HOME", home.toString()), null, BLOCKING);
    assertThat(byDefault.name()).isEqualTo("DEFAULT");
    Profile named = Profiles.fromDatabricksConfig(null, null,
        Map.of("DATABRICKS_CONFIG_FILE", file.toString(), "DATABRICKS_CONFIG_PROFILE", "other"), null, BLOCKING);
    assertThat(named.connection("default").httpPath()).isEqualTo("/sql/1.0/warehouses/def?o=1");
  }
}
