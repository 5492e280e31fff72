package io.brickcheck.internal.rules;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every Databricks environment the SDKs know, and what a host name in each one says about itself.
 *
 * <p>Source of the table: the SDKs' own environment lists, {@code ALL_ENVIRONMENTS} in
 * databricks/databricks-sdk-java {@code databricks-sdk-java/src/main/java/com/databricks/sdk/core/DatabricksEnvironment.java}
 * (the only list with {@code .cloud.databricks.mil}), {@code envs} in databricks/databricks-sdk-go
 * {@code config/environments.go} and {@code ALL_ENVS} in databricks/databricks-sdk-py
 * {@code databricks/sdk/environments.py}. An environment is picked by the suffix of the host name.
 *
 * <p>Account consoles: the same SDKs treat a host starting with {@code accounts.} or {@code
 * accounts-dod.} as an account host ({@code isAccountClient} / {@code IsAccountClient}); here that
 * prefix followed by a zone of the table. Hosts that front many workspaces (unified, SPOG): the
 * SDKs recognise them only from the host's discovery answer (an account-scoped {@code
 * /oidc/accounts/} endpoint), never by name, so no name here makes a host SPOG. docs/rules.md,
 * "Hosts", explains each rule.
 */
final class DatabricksClouds {
  /** How workspace hosts are named in a cloud. */
  enum Cloud {
    /** {@code dbc-<hex>-<hex>.<zone>}: one workspace, no id in the name. */
    AWS(Pattern.compile("dbc-[0-9a-f]+-[0-9a-f]+"), false),
    /** {@code adb-<workspace-id>.<n>.<zone>}: one workspace, its id in the name. */
    AZURE(Pattern.compile("adb-(\\d+)\\.\\d+"), true),
    /** {@code <workspace-id>.<digit>.<zone>}: one workspace, its id in the name. */
    GCP(Pattern.compile("(\\d+)\\.\\d"), true);

    final Pattern workspacePrefix;
    final boolean embedsId;

    Cloud(Pattern workspacePrefix, boolean embedsId) {
      this.workspacePrefix = workspacePrefix;
      this.embedsId = embedsId;
    }
  }

  /**
   * One row of the SDKs' list.
   *
   * @param cloud the cloud
   * @param zone the DNS zone, with its leading dot, as the SDKs write it
   * @param label the environment's name, for messages
   */
  record Environment(Cloud cloud, String zone, String label) {}

  /** In the SDKs' order; a host matches the first zone it ends with (longer zones come first). */
  static final List<Environment> ENVIRONMENTS = List.of(
      new Environment(Cloud.AWS, ".dev.databricks.com", "AWS (Databricks development)"),
      new Environment(Cloud.AWS, ".staging.cloud.databricks.com", "AWS (Databricks staging)"),
      new Environment(Cloud.AWS, ".cloud.databricks.us", "AWS GovCloud"),
      new Environment(Cloud.AWS, ".cloud.databricks.mil", "AWS GovCloud DoD"),
      new Environment(Cloud.AWS, ".cloud.databricks.com", "AWS"),
      new Environment(Cloud.AZURE, ".dev.azuredatabricks.net", "Azure (Databricks development)"),
      new Environment(Cloud.AZURE, ".staging.azuredatabricks.net", "Azure (Databricks staging)"),
      new Environment(Cloud.AZURE, ".azuredatabricks.net", "Azure"),
      new Environment(Cloud.AZURE, ".databricks.azure.us", "Azure US Government"),
      new Environment(Cloud.AZURE, ".databricks.azure.cn", "Azure China"),
      new Environment(Cloud.GCP, ".dev.gcp.databricks.com", "GCP (Databricks development)"),
      new Environment(Cloud.GCP, ".staging.gcp.databricks.com", "GCP (Databricks staging)"),
      new Environment(Cloud.GCP, ".gcp.databricks.com", "GCP"));

  /** The first labels of an account console, as the SDKs test them. */
  static final List<String> ACCOUNT_LABELS = List.of("accounts", "accounts-dod");

  private DatabricksClouds() {}

  /**
   * The environment a lower-case host name belongs to.
   *
   * @return the row, or null for a name in no Databricks zone
   */
  static Environment environmentOf(String name) {
    for (Environment e : ENVIRONMENTS) {
      if (name.endsWith(e.zone()) && name.length() > e.zone().length()) {
        return e;
      }
    }
    return null;
  }

  /** Whether a lower-case host name is an account console: {@code accounts.<zone>}, {@code accounts-dod.<zone>}. */
  static boolean isAccountConsole(String name) {
    Environment e = environmentOf(name);
    return e != null && ACCOUNT_LABELS.contains(name.substring(0, name.length() - e.zone().length()));
  }

  /**
   * What a lower-case host name says about itself.
   *
   * @return the workspace id it embeds (canonical), {@code ""} for a per-workspace name without
   *     one, or null when the name says nothing
   */
  static String perWorkspace(String name) {
    Environment e = environmentOf(name);
    if (e == null) {
      return null;
    }
    Matcher m = e.cloud().workspacePrefix.matcher(name.substring(0, name.length() - e.zone().length()));
    if (!m.matches()) {
      return null;
    }
    if (!e.cloud().embedsId) {
      return "";
    }
    // A name with more digits than any workspace id embeds no id we can compare.
    return WorkspaceIds.isValid(m.group(1)) ? WorkspaceIds.canonical(m.group(1)) : "";
  }

  /**
   * The zones a name was probably meant to end with: it ends with a zone less its last label
   * ({@code .azuredatabricks}, {@code .cloud.databricks}, {@code .databricks.azure}), a typo no DNS
   * resolves. Several zones share a cut ({@code .cloud.databricks} is .com, .us and .mil).
   *
   * @return the zones, in the table's order; empty when the name is not cut short
   */
  static List<String> truncatedZones(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int longest = 0;
    List<String> zones = new java.util.ArrayList<>();
    for (Environment e : ENVIRONMENTS) {
      String cut = e.zone().substring(0, e.zone().lastIndexOf('.'));
      if (!lower.endsWith(cut) || lower.length() <= cut.length() || cut.length() < longest) {
        continue;
      }
      if (cut.length() > longest) {
        longest = cut.length();
        zones.clear();
      }
      zones.add(e.zone());
    }
    return List.copyOf(zones);
  }
}
