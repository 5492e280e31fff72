package io.brickcheck.internal.cfg;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.Code;
import io.brickcheck.internal.rules.ComputeReport;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileReport;
import io.brickcheck.rules.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ~/.databrickscfg profile through the rule engine: every code at the position of its value. */
class CfgChecksTest {
  static final String SPOG = "https://peco.azuredatabricks.net";
  static final String ID = "6436897454825492";

  @TempDir Path dir;

  private CfgReport check(String... lines) {
    return CfgFiles.check(dir, "[DEFAULT]\n\n[prod]\n" + String.join("\n", lines) + "\n", "prod");
  }

  /** {@code .databrickscfg:<line>:<col>} of the file this test wrote; profile lines start at line 4. */
  private String at(int line, int column) {
    return dir.resolve(".databrickscfg") + ":" + line + ":" + column;
  }

  private static Map<String, String> paths(ProfileReport r) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (ComputeReport c : r.computes()) {
      m.put(c.name(), c.path().input());
    }
    return m;
  }

  /** Errors and warnings as "Code place"; notes (advice that never fails) are asserted where they matter. */
  private static List<String> codesAndPlaces(ProfileReport r) {
    return r.problems().stream().filter(p -> p.severity() != Severity.NOTE).map(p -> p.code() + " " + p.message().split(": ", 2)[0].split("\\] ", 2)[1]).toList();
  }

  @Test
  void aSpogProfileWithWorkspaceIdAndWarehouseIdRoutesTheIdToThePath() {
    CfgReport r = check("host = " + SPOG, "workspace_id = " + ID, "warehouse_id = a1b2c3d4e5f6a7b8", "token = dapiSECRET");
    assertThat(r.report().problems()).isEmpty();
    assertThat(paths(r.report())).containsExactly(Map.entry("default", "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + ID));
    assertThat(r.report().workspaceId()).isEqualTo(ID);
    assertThat(r.origins()).containsExactly(
        Map.entry("host", at(4, 8)),
        Map.entry("workspace id", ID + " from workspace_id at " + at(5, 16)),
        Map.entry("compute default", "warehouse_id at " + at(6, 16) + ", ?o=" + ID + " from " + at(5, 16)),
        Map.entry("credentials", "token (set) at " + at(7, 9)));
    assertThat(r.toString()).doesNotContain("SECRET");
  }

  @Test
  void aPerWorkspaceHostNeedsNoIdAndAMatchingIdIsNotCarried() {
    CfgReport azure = check("host = https://adb-" + ID + ".7.azuredatabricks.net/", "workspace_id = " + ID, "warehouse_id = abc");
    assertThat(azure.report().problems()).isEmpty();
    assertThat(paths(azure.report())).containsExactly(Map.entry("default", "/sql/1.0/warehouses/abc"));

    CfgReport aws = check("host = dbc-a1b2c3d4-e5f6.cloud.databricks.com", "workspace_id = 42", "warehouse_id = abc");
    assertThat(aws.report().problems()).isEmpty();
    assertThat(paths(aws.report())).containsExactly(Map.entry("default", "/sql/1.0/warehouses/abc"));
  }

  @Test
  void anIdThatContradictsThePerWorkspaceHostIsTheEnginesHostWorkspaceMismatchAtTheWorkspaceId() {
    CfgReport azure = check("host = https://adb-" + ID + ".7.azuredatabricks.net", "workspace_id = 42", "warehouse_id = abc");
    assertThat(codesAndPlaces(azure.report())).containsExactly("HostWorkspaceMismatch " + at(5, 16));
    CfgReport gcp = check("host = 1234567890.3.gcp.databricks.com", "workspace_id = 42", "cluster_id = 0123-456789-abcdefgh");
    assertThat(codesAndPlaces(gcp.report())).containsExactly("HostWorkspaceMismatch " + at(5, 16));
  }

  @Test
  void clusterIdBecomesAClusterPathWithTheWorkspaceIdOrTheHostsEmbeddedId() {
    CfgReport spog = check("host = " + SPOG, "workspace_id = " + ID, "cluster_id = 0123-456789-abcdefgh");
    assertThat(spog.report().problems()).isEmpty();
    assertThat(paths(spog.report())).containsExactly(Map.entry("default", "sql/protocolv1/o/" + ID + "/0123-456789-abcdefgh"));

    CfgReport azure = check("host = adb-42.3.azuredatabricks.net", "cluster_id = 0123-456789-abcdefgh");
    assertThat(azure.report().problems()).isEmpty();
    assertThat(paths(azure.report())).containsExactly(Map.entry("default", "sql/protocolv1/o/42/0123-456789-abcdefgh"));

    CfgReport missing = check("host = " + SPOG, "cluster_id = 0123-456789-abcdefgh");
    assertThat(missing.report().problems()).extracting(Problem::message).containsExactly(
        "[DatabricksProfile/MissingWorkspaceId] " + at(5, 14) + ": cluster_id \"0123-456789-abcdefgh\" names a cluster,"
            + " but profile \"prod\" has no workspace id, and a cluster's http path is"
            + " sql/protocolv1/o/<workspace-id>/<cluster-id>. A workspace id is expected. Add workspace_id = <the number"
            + " after ?o= in your workspace URL>, or give the http path from the cluster's JDBC/ODBC tab.");
  }

  @Test
  void warehouseAndClusterTogetherAreTwoComputesUnderTheSameRules() {
    CfgReport r = check("host = " + SPOG, "workspace_id = " + ID, "warehouse_id = abc", "cluster_id = 0123-456789-abcdefgh");
    assertThat(r.report().problems()).isEmpty();
    assertThat(paths(r.report())).containsExactly(
        Map.entry("default", "/sql/1.0/warehouses/abc?o=" + ID),
        Map.entry("cluster", "sql/protocolv1/o/" + ID + "/0123-456789-abcdefgh"));

    CfgReport all = check("host = " + SPOG, "http_path = /sql/1.0/warehouses/abc?o=" + ID, "warehouse_id = def");
    assertThat(all.report().problems()).extracting(Problem::code).containsExactly(Code.MissingWorkspaceId);
    assertThat(codesAndPlaces(all.report())).containsExactly("MissingWorkspaceId " + at(6, 16));
  }

  @Test
  void httpPathGetsTheWorkspaceIdWhenItNamesNoneAndMustAgreeWhenItDoes() {
    CfgReport carried = check("host = " + SPOG, "workspace_id = " + ID, "http_path = /sql/1.0/warehouses/abc");
    assertThat(carried.report().problems()).isEmpty();
    assertThat(paths(carried.report())).containsExactly(Map.entry("default", "/sql/1.0/warehouses/abc?o=" + ID));

    CfgReport same = check("host = " + SPOG, "workspace_id = " + ID, "http_path = /sql/1.0/warehouses/abc?o=00" + ID);
    assertThat(same.report().problems()).isEmpty();
    assertThat(paths(same.report())).containsExactly(Map.entry("default", "/sql/1.0/warehouses/abc?o=00" + ID));

    CfgReport differ = check("host = " + SPOG, "workspace_id = " + ID, "http_path = /sql/1.0/warehouses/abc?o=42");
    assertThat(differ.report().problems()).extracting(Problem::message).containsExactly(
        "[DatabricksProfile/ConfigWorkspaceMismatch] " + at(6, 13) + ": http_path \"/sql/1.0/warehouses/abc?o=42\" names"
            + " workspace \"42\" but workspace_id at " + at(5, 16) + " names \"" + ID + "\". One workspace per profile"
            + " is expected. Correct the one that is wrong.");
  }

  @Test
  void theClisNonePlaceholderIsNotAnId() {
    CfgReport r = check("host = " + SPOG, "workspace_id = none", "warehouse_id = abc");
    assertThat(r.report().errors()).extracting(Problem::message).containsExactly(
        "[DatabricksProfile/PlaceholderValue] " + at(5, 16) + ": workspace_id is \"none\", the Databricks CLI's"
            + " placeholder for \"no value\", not an id. A numeric workspace id (the number after ?o= in the"
            + " workspace URL) is expected. Set the real id, or remove the line.");
    // With no usable id on a host whose name says nothing, the note says what this file can declare.
    assertThat(r.report().notes()).extracting(Problem::message).singleElement().asString()
        .startsWith("[DatabricksProfile/UnclassifiedHost] " + at(4, 8) + ": host \"peco.azuredatabricks.net\"")
        .contains("or workspace_id = <workspace-id> if it fronts many")
        .doesNotContain("hostKind =");
    assertThat(codesAndPlaces(check("host = " + SPOG, "warehouse_id = None").report()))
        .containsExactly("PlaceholderValue " + at(5, 16), "MissingConfigField " + at(3, 1));
    assertThat(codesAndPlaces(check("host = " + SPOG + "/?o=none", "warehouse_id = abc").report()))
        .containsExactly("PlaceholderValue " + at(4, 8));
  }

  @Test
  void aWorkspaceIdOnAnAccountConsoleProfileIsTheClisUnableToLoadOAuthConfig() {
    CfgReport r = check("host = https://accounts.cloud.databricks.com/", "account_id = 0d2e3c4b-aaaa-bbbb-cccc-1234567890ab",
        "workspace_id = " + ID, "warehouse_id = abc");
    assertThat(r.report().problems()).extracting(Problem::code)
        .containsExactly(Code.WorkspaceIdOnAccountHost, Code.InvalidHost);
    assertThat(r.report().problems().get(0).message()).isEqualTo(
        "[DatabricksProfile/WorkspaceIdOnAccountHost] " + at(6, 16) + ": workspace_id is set on account-console host"
            + " \"https://accounts.cloud.databricks.com\". An account-console profile names no workspace (with one, the"
            + " Databricks CLI fails with \"Unable to load OAuth Config\", databricks/cli#5479). Remove workspace_id"
            + " from this profile, and use a workspace or SPOG host for SQL connections.");
    assertThat(codesAndPlaces(r.report()).get(1)).isEqualTo("InvalidHost " + at(4, 8));
    // GovCloud DoD's account console, as the SDKs spell it.
    assertThat(check("host = accounts-dod.cloud.databricks.mil", "workspace_id = 1", "warehouse_id = abc").report().problems())
        .extracting(Problem::code).contains(Code.WorkspaceIdOnAccountHost);
  }

  @Test
  void aWorkspaceIdInTheHostsQueryIsAWarningAndReachesEveryChannelThroughBrickcheck() {
    CfgReport r = check("host = " + SPOG + "/?o=" + ID, "warehouse_id = abc");
    assertThat(r.report().problems()).extracting(Problem::message).containsExactly(
        "[DatabricksProfile/WorkspaceIdOnHost] " + at(4, 8) + ": host \"" + SPOG + "/?o=" + ID + "\" carries workspace"
            + " \"" + ID + "\" in its query (?o=). The Databricks CLI reads it, but the Java SDK keeps only \"" + SPOG
            + "\" and drops the id, and a JDBC URL never sees a host's query. Brickcheck carries it to the http path"
            + " (?o=" + ID + "), X-Databricks-Org-Id and setWorkspaceId; an SDK or driver reading this profile itself"
            + " does not. A host without a query and the id in workspace_id are expected. Set host = " + SPOG
            + " and workspace_id = " + ID + ".");
    assertThat(r.report().hasErrors()).isFalse();
    assertThat(r.report().workspaceId()).isEqualTo(ID);
    assertThat(paths(r.report())).containsExactly(Map.entry("default", "/sql/1.0/warehouses/abc?o=" + ID));

    // ?w= (the new UI spelling) and the login URL the browser shows.
    assertThat(check("host = " + SPOG + "?w=42", "warehouse_id = abc").report().workspaceId()).isEqualTo("42");
    CfgReport login = check("host = https://adb-42.3.azuredatabricks.net/login.html?o=42", "warehouse_id = abc");
    assertThat(login.report().problems()).extracting(Problem::code).containsExactly(Code.WorkspaceIdOnHost);
    assertThat(paths(login.report())).containsExactly(Map.entry("default", "/sql/1.0/warehouses/abc"));
    // ?o= wins over ?w= as in the CLI.
    assertThat(check("host = " + SPOG + "?w=1&o=2", "warehouse_id = abc").report().workspaceId()).isEqualTo("2");
  }

  @Test
  void theHostsIdMustAgreeWithWorkspaceIdAndBeAnId() {
    CfgReport differ = check("host = " + SPOG + "?o=42", "workspace_id = " + ID, "warehouse_id = abc");
    assertThat(codesAndPlaces(differ.report()))
        .containsExactly("WorkspaceIdOnHost " + at(4, 8), "ConfigWorkspaceMismatch " + at(5, 16));
    CfgReport invalid = check("host = " + SPOG + "?o=12a", "warehouse_id = abc");
    assertThat(invalid.report().errors()).extracting(Problem::message).containsExactly(
        "[DatabricksProfile/InvalidWorkspaceId] " + at(4, 8) + ": the workspace id \"12a\" in host \"" + SPOG
            + "?o=12a\" is not a workspace id. 1 to 19 ASCII digits, at most 9223372036854775807, are expected. Use"
            + " the number after ?o= in your workspace URL.");
    assertThat(codesAndPlaces(check("host = " + SPOG, "workspace_id = 12a", "warehouse_id = abc").report()))
        .containsExactly("InvalidWorkspaceId " + at(5, 16));
  }

  @Test
  void aProfileWithoutHostOrComputeSaysWhatToAdd() {
    assertThat(check("warehouse_id = abc").report().problems()).extracting(Problem::message).containsExactly(
        "[DatabricksProfile/MissingConfigField] " + at(3, 1) + ": profile \"prod\" has no host. A Databricks workspace or"
            + " SPOG host is expected. Add host = https://<your workspace or SPOG host>.");
    assertThat(check("host = " + SPOG, "workspace_id = 1").report().problems()).extracting(Problem::message).containsExactly(
        "[DatabricksProfile/MissingConfigField] " + at(3, 1) + ": profile \"prod\" names no compute: none of warehouse_id,"
            + " cluster_id or http_path is set. A SQL warehouse or cluster is expected. Add warehouse_id = <id> (the last"
            + " part of the warehouse's http path).");
  }

  @Test
  void theEnginesOwnProblemsPointAtTheValueTheyAreAbout() {
    assertThat(codesAndPlaces(check("host = http://peco.azuredatabricks.net", "warehouse_id = abc").report()))
        .containsExactly("InvalidHost " + at(4, 8));
    assertThat(codesAndPlaces(check("host = " + SPOG, "http_path = \"/sql/1.0/warehouses/abc ?o=1\"").report()))
        .containsExactly("InvalidHttpPath " + at(5, 14));
    assertThat(codesAndPlaces(check("host = " + SPOG, "http_path = /sql/1.0/warehouse/abc?o=1").report()))
        .containsExactly("UnrecognizedHttpPath " + at(5, 13));
    assertThat(codesAndPlaces(check("host = adb-42.3.azuredatabricks.net", "http_path = /sql/1.0/warehouses/abc?o=42").report()))
        .containsExactly("StrayWorkspaceId " + at(5, 13));
  }
}
