package io.brickcheck.spring;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.HeaderStyle;
import io.brickcheck.ProbeMode;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code brickcheck.*} properties: how the starter checks and routes every {@code
 * jdbc:databricks:} DataSource. They map one to one onto {@link BrickcheckOptions}; their IDE
 * metadata ({@code META-INF/spring-configuration-metadata.json}) is generated from this class.
 */
@ConfigurationProperties(prefix = BrickcheckProperties.PREFIX)
public class BrickcheckProperties {
  /** The prefix of every property of the starter. */
  public static final String PREFIX = "brickcheck";

  /** Whether jdbc:databricks: DataSources are checked at start-up and routed to their workspace. */
  private boolean enabled = true;

  /**
   * When a connection asks its host /.well-known/databricks-config: ASYNC (never waits), BLOCKING
   * (waits within probe-budget) or OFF.
   */
  private ProbeMode probeMode = ProbeMode.ASYNC;

  /** The longest the discovery probe may take in all, retries included (above 0, at most 5 min). */
  private Duration probeBudget = Duration.ofSeconds(2);

  /** Warnings stop the application as errors do; implies the BLOCKING probe. */
  private boolean strict;

  /** Which workspace header REST calls carry: ORG_ID, WORKSPACE_ID or BOTH. */
  private HeaderStyle headerStyle = HeaderStyle.ORG_ID;

  /**
   * What spring.datasource.username and password are: TOKEN (the password is a personal access
   * token; the user name is ignored) or OAUTH_M2M (user name = client id, password = client
   * secret). With no password, DATABRICKS_TOKEN or DATABRICKS_CLIENT_ID/SECRET are read.
   */
  private CredentialsKind credentials = CredentialsKind.TOKEN;

  /** How {@code spring.datasource.username}/{@code password} are read. */
  public enum CredentialsKind {
    /** The password is a personal access token. */
    TOKEN,
    /** The user name is an OAuth client id, the password its secret. */
    OAUTH_M2M
  }

  /**
   * The run-time options these properties stand for.
   *
   * @return the options, checked by {@link BrickcheckOptions.Builder#build()}
   * @throws IllegalArgumentException or IllegalStateException when a value or the combination
   *     (strict with a probe mode other than BLOCKING) is refused
   */
  public BrickcheckOptions toOptions() {
    BrickcheckOptions.Builder b =
        BrickcheckOptions.builder().probeBudget(probeBudget).headerStyle(headerStyle).strict(strict);
    // Strict mode picks BLOCKING itself; an explicit other mode with strict is refused by build().
    if (!strict || probeMode != ProbeMode.ASYNC) {
      b.probeMode(probeMode);
    }
    return b.build();
  }

  /** @return whether the starter is on */
  public boolean isEnabled() {
    return enabled;
  }

  /** @param enabled whether the starter is on */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** @return the probe mode */
  public ProbeMode getProbeMode() {
    return probeMode;
  }

  /** @param probeMode the probe mode */
  public void setProbeMode(ProbeMode probeMode) {
    this.probeMode = probeMode;
  }

  /** @return the probe budget */
  public Duration getProbeBudget() {
    return probeBudget;
  }

  /** @param probeBudget the probe budget */
  public void setProbeBudget(Duration probeBudget) {
    this.probeBudget = probeBudget;
  }

  /** @return whether warnings are errors */
  public boolean isStrict() {
    return strict;
  }

  /** @param strict whether warnings are errors */
  public void setStrict(boolean strict) {
    this.strict = strict;
  }

  /** @return the workspace header style */
  public HeaderStyle getHeaderStyle() {
    return headerStyle;
  }

  /** @param headerStyle the workspace header style */
  public void setHeaderStyle(HeaderStyle headerStyle) {
    this.headerStyle = headerStyle;
  }

  /** @return how the data source's user name and password are read */
  public CredentialsKind getCredentials() {
    return credentials;
  }

  /** @param credentials how the data source's user name and password are read */
  public void setCredentials(CredentialsKind credentials) {
    this.credentials = credentials;
  }
}
