package io.brickcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.brickcheck.gateway.FakeGateway;
import io.brickcheck.rules.HostClassification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The status block's text and JSON come from one list of facts: the JSON keeps every field it had
 * (names, nesting, order) and adds the probe's {@code cloud}, which the text shows too; the public
 * {@link ProbeOutcome} says what the probe learnt. Against the loopback gateway.
 */
class ProfileStatusFactsTest {
  /** Generous limits: a loaded test machine must not turn the gateway's answer into a failure. */
  static final BrickcheckOptions BLOCKING = BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING)
      .probeBudget(Duration.ofSeconds(30)).probeAttemptTimeout(Duration.ofSeconds(20)).build();
  static final BrickcheckOptions OFF = BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build();

  /** Every member of the JSON before the facts list, in order, plus {@code probe.cloud}. */
  static final List<String> PROBED_SHAPE = List.of(
      "profile", "host", "declaredHostKind", "hostKindFromName",
      "probe", "probe.mode", "probe.succeeded", "probe.outcome", "probe.noDiscoveryStatus", "probe.workspaceId",
      "probe.droppedFields", "probe.hostType", "probe.accountId", "probe.failure", "probe.obtainedAt",
      "probe.elapsedMillis", "probe.attempts", "probe.cloud",
      "workspaceId",
      "computes", "computes[].name", "computes[].httpPath", "computes[].workspaceId", "computes[].source",
      "computes[].jdbcUrl",
      "jdbcDriver", "jdbcDriver.present", "jdbcDriver.version", "jdbcDriver.keepsQueryWorkspaceId",
      "sdk", "sdk.present", "sdk.version", "sdk.setWorkspaceId",
      "routing", "problems");

  FakeGateway gateway;

  @AfterEach
  void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  Profile spog(String hostType, BrickcheckOptions options) throws Exception {
    gateway = FakeGateway.builder().hostType(hostType).start();
    return Profile.builder("analytics", gateway.baseUrl())
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + gateway.workspaceId())
        .compute("cluster", "sql/protocolv1/o/" + gateway.workspaceId() + "/0123-456789-abcdefgh")
        .build(options);
  }

  @Test
  void theJsonKeepsItsFieldsAndAddsTheCloud() throws Exception {
    Profile profile = spog("unified", BLOCKING);
    profile.open("default");

    JsonObject json = JsonParser.parseString(profile.status().toJson()).getAsJsonObject();

    assertThat(paths(json)).containsExactlyElementsOf(PROBED_SHAPE);
    assertThat(json.getAsJsonObject("probe").get("cloud").getAsString()).isEqualTo("azure");
    assertThat(json.getAsJsonObject("probe").get("outcome").getAsString()).isEqualTo("answered");
    assertThat(json.getAsJsonArray("computes")).hasSize(2);
  }

  @Test
  void theTextShowsTheCloudUnderTheHostKind() throws Exception {
    Profile profile = spog("unified", BLOCKING);
    profile.open("default");

    List<String> lines = profile.status().render().lines().toList();

    int hostKind = indexOfStart(lines, "host kind ");
    assertThat(lines.get(hostKind)).contains("probed unified, account " + gateway.accountId());
    assertThat(lines.get(hostKind + 1)).isEqualTo(String.format("%-18s %s", "cloud", "azure"));
    assertThat(lines.get(hostKind + 2)).startsWith("workspace          " + gateway.workspaceId());
  }

  @Test
  void textAndJsonShowTheSameComputesRoutesAndProblems() throws Exception {
    Profile profile = spog("unified", BLOCKING);
    profile.open("default");
    ProfileStatus status = profile.status();

    String text = status.render();
    JsonObject json = JsonParser.parseString(status.toJson()).getAsJsonObject();

    for (JsonElement c : json.getAsJsonArray("computes")) {
      JsonObject compute = c.getAsJsonObject();
      assertThat(text).contains(String.format("%-18s %s  ->  workspace %s (%s)", "compute " + compute.get("name").getAsString(),
          compute.get("httpPath").getAsString(), compute.get("workspaceId").getAsString(), compute.get("source").getAsString()));
      assertThat(compute.get("jdbcUrl").getAsString())
          .isEqualTo(profile.connection(compute.get("name").getAsString()).jdbcUrl());
    }
    JsonArray routing = json.getAsJsonArray("routing");
    assertThat(routing).hasSize(5);
    for (JsonElement r : routing) {
      assertThat(text).contains(String.format("%-18s %s", "routing", r.getAsString()));
    }
    assertThat(json.getAsJsonArray("problems")).isEmpty();
    assertThat(text).contains("problems           none");
  }

  @Test
  void probeOffShowsTheModeOnlyAndNoCloud() throws Exception {
    Profile profile = spog("unified", OFF);
    profile.open("default");

    JsonObject json = JsonParser.parseString(profile.status().toJson()).getAsJsonObject();

    assertThat(paths(json.getAsJsonObject("probe"))).containsExactly("mode");
    assertThat(profile.status().render()).contains("probed never (probe OFF)").doesNotContain("\ncloud ");
    assertThat(profile.status().probe()).isEmpty();
  }

  @Test
  void warningsAreFactsInBothForms() {
    // A unified host name without ?o= on a cluster path is fine; a workspace id on a per-workspace
    // host name is a warning: one line "warning  <message>" and one problems[] object.
    Profile profile = Profile.builder("orders", "adb-1234567890123456.7.azuredatabricks.net")
        .defaultHttpPath("/sql/1.0/warehouses/abc?o=1234567890123456")
        .build(OFF);
    ProfileStatus status = profile.status();
    assertThat(status.problems()).isNotEmpty();

    JsonArray problems = JsonParser.parseString(status.toJson()).getAsJsonObject().getAsJsonArray("problems");

    assertThat(problems).hasSameSizeAs(status.problems());
    for (int i = 0; i < problems.size(); i++) {
      JsonObject p = problems.get(i).getAsJsonObject();
      assertThat(List.copyOf(p.keySet())).containsExactly("code", "severity", "compute", "message");
      assertThat(status.render()).contains(String.format("%-18s %s", "warning", p.get("message").getAsString()));
    }
    assertThat(status.render()).doesNotContain("problems           none");
  }

  @Test
  void theProbeOutcomeIsPublicAndSaysWhatTheHostSaid() throws Exception {
    Profile profile = spog("unified", BLOCKING);
    profile.open("default");

    ProbeOutcome probe = profile.status().probe().orElseThrow();

    assertThat(probe.result()).isEqualTo(ProbeOutcome.Result.ANSWERED);
    assertThat(probe.hostType()).contains("unified");
    assertThat(probe.hostClassification()).contains(HostClassification.SPOG);
    assertThat(probe.cloud()).contains("azure");
    assertThat(probe.accountId()).contains(gateway.accountId());
    assertThat(probe.failureReason()).isEmpty();
    assertThat(probe.noDiscoveryStatus()).isEmpty();
    assertThat(probe.attempts()).isEqualTo(1);
    assertThat(probe.elapsed().isNegative()).isFalse();
  }

  @Test
  void aHostWithoutDiscoveryIsANoDiscoveryOutcome() throws Exception {
    Profile profile = spog(null, BLOCKING); // the gateway answers 404 on /.well-known/databricks-config
    profile.open("default");

    ProbeOutcome probe = profile.status().probe().orElseThrow();

    assertThat(probe.result()).as(probe.toString()).isEqualTo(ProbeOutcome.Result.NO_DISCOVERY);
    assertThat(probe.noDiscoveryStatus()).contains(404);
    assertThat(probe.hostType()).isEmpty();
    assertThat(probe.hostClassification()).isEmpty();
    assertThat(probe.cloud()).isEmpty();
    JsonObject json = JsonParser.parseString(profile.status().toJson()).getAsJsonObject().getAsJsonObject("probe");
    assertThat(json.get("outcome").getAsString()).isEqualTo("no-discovery");
    assertThat(json.get("cloud").isJsonNull()).isTrue();
  }

  private static int indexOfStart(List<String> lines, String prefix) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no line starts with \"" + prefix + "\" in " + lines);
  }

  /** Member paths in document order; an array of objects contributes its first element's members. */
  static List<String> paths(JsonObject object) {
    List<String> out = new ArrayList<>();
    paths(object, "", out);
    return out;
  }

  private static void paths(JsonObject object, String prefix, List<String> out) {
    for (Map.Entry<String, JsonElement> e : object.entrySet()) {
      String path = prefix + e.getKey();
      out.add(path);
      JsonElement v = e.getValue();
      if (v.isJsonObject()) {
        paths(v.getAsJsonObject(), path + ".", out);
      } else if (v.isJsonArray() && !v.getAsJsonArray().isEmpty() && v.getAsJsonArray().get(0).isJsonObject()) {
        paths(v.getAsJsonArray().get(0).getAsJsonObject(), path + "[].", out);
      }
    }
  }
}
