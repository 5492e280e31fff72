package io.brickcheck.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.Credentials;
import io.brickcheck.DatabricksConnection;
import io.brickcheck.DatabricksProfileException;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;
import io.brickcheck.rules.Code;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** databricks-jdbc 3.3.1 and databricks-sdk-java 0.77.0 are on this module's class path. */
class OldClientsTest {
  static final BrickcheckOptions NO_PROBE = BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build();

  Profile profile() {
    return Profile.builder("legacy", "peco.azuredatabricks.net")
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492")
        .compute("cluster", "sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh")
        .build(NO_PROBE);
  }

  @Test
  void oldDriverIsRefusedWithUnsupportedDriverInsteadOfATruncatedPath() {
    DatabricksConnection warehouse = profile().open("default");

    assertThatThrownBy(() -> warehouse.openJdbc(Credentials.token("dapiCOMPATSECRET")))
        .isInstanceOfSatisfying(DatabricksProfileException.class,
            e -> assertThat(e.problems()).extracting(p -> p.code()).containsExactly(Code.UnsupportedDriver))
        .hasMessage("[DatabricksProfile/UnsupportedDriver] com.databricks:databricks-jdbc 3.3.1 on the classpath"
            + " truncates http path \"/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492\" to"
            + " \"/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o\" and sends no x-databricks-org-id header, so compute"
            + " \"default\" of profile \"legacy\" would not reach workspace 6436897454825492. databricks-jdbc 3.3.3"
            + " or newer is expected. Upgrade to com.databricks:databricks-jdbc:3.4.5.")
        .hasMessageNotContaining("dapiCOMPATSECRET");
  }

  @Test
  void theOldDriverReallyTruncatesWhatBrickcheckRefuses() throws Exception {
    // The driver's own parser, offline: proves the refusal above protects against a real defect.
    Object context = parse(profile().connection("default").jdbcUrl().replace(";http.header.x-databricks-org-id=6436897454825492", ""));
    Object httpPath = context.getClass().getMethod("getHttpPath").invoke(context);

    assertThat(httpPath).isEqualTo("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aClusterPathWithoutQueryIsRoutedOnTheOldDriverByTheUrlHeader() throws Exception {
    // No ?o= to truncate, so Brickcheck lets the old driver open it; its own parser (offline) keeps
    // the path and takes the workspace header from the URL Brickcheck built.
    Object context = parse(profile().connection("cluster").jdbcUrl());

    assertThat(context.getClass().getMethod("getHttpPath").invoke(context))
        .isEqualTo("sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh");
    assertThat((java.util.Map<String, String>) context.getClass().getMethod("getCustomHeaders").invoke(context))
        .containsEntry("x-databricks-org-id", "6436897454825492");
  }

  @Test
  void oldSdkIsRefusedWithUnsupportedSdk() {
    DatabricksConnection warehouse = profile().open("default");

    assertThatThrownBy(() -> warehouse.sdkConfig(Credentials.token("dapiCOMPATSECRET")))
        .isInstanceOfSatisfying(DatabricksProfileException.class,
            e -> assertThat(e.problems()).extracting(p -> p.code()).containsExactly(Code.UnsupportedSdk))
        .hasMessageStartingWith("[DatabricksProfile/UnsupportedSdk] com.databricks:databricks-sdk-java 0.77.0 on the classpath has no DatabricksConfig.setWorkspaceId")
        .hasMessageContaining("Upgrade to com.databricks:databricks-sdk-java:0.141.0")
        .hasMessageNotContaining("dapiCOMPATSECRET");
  }

  /**
   * 0.77.0 has {@code Map authenticate()}: SDK credentials work, and JDBC gets its token passed
   * through (the old SDK cannot carry the workspace id, which JDBC does not need from it).
   */
  @Test
  void oldSdkAuthenticatesForBrickcheck() {
    Credentials sdk = Credentials.fromSdk(
        new com.databricks.sdk.core.DatabricksConfig().setAuthType("pat").setToken("dapiCOMPATSDK"));

    Properties properties = profile().open("default").jdbcProperties(sdk);

    assertThat(properties.getProperty("AuthMech")).isEqualTo("11");
    assertThat(properties.getProperty("Auth_Flow")).isEqualTo("0");
    assertThat(properties.getProperty("Auth_AccessToken")).isEqualTo("dapiCOMPATSDK");
  }

  @Test
  void oldSdkIsFineWhereNoIdMustBeRouted() {
    Profile workspaceHost = Profile.builder("ws", "adb-6436897454825492.12.azuredatabricks.net")
        .defaultHttpPath("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8").build(NO_PROBE);

    assertThat(workspaceHost.open("default").sdkConfig(Credentials.token("t")).getHost())
        .isEqualTo("https://adb-6436897454825492.12.azuredatabricks.net");
  }

  @Test
  void statusSaysBothClientsAreUnsupported() {
    String status = profile().status().render();

    assertThat(status)
        .contains("com.databricks:databricks-jdbc:3.3.1, truncates ?o= (unsupported: 3.3.3+ needed)")
        .contains("com.databricks:databricks-sdk-java:0.77.0, lacks setWorkspaceId (unsupported: 0.79+ needed)");
  }

  /** The driver's own URL parser; no connection is made. */
  static Object parse(String url) throws Exception {
    Class<?> factory = Class.forName("com.databricks.jdbc.api.impl.DatabricksConnectionContextFactory");
    return factory.getMethod("create", String.class, Properties.class).invoke(null, url, new Properties());
  }
}
