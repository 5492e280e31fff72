package io.brickcheck;

import io.brickcheck.internal.rules.ComputeReport;
import io.brickcheck.internal.rules.ComputeSpec;
import io.brickcheck.rules.ComputeNameRule;
import io.brickcheck.rules.Host;
import io.brickcheck.internal.rules.JdbcUrl;
import io.brickcheck.internal.rules.JdbcUrlChecker;
import io.brickcheck.internal.rules.JdbcUrlReport;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileChecker;
import io.brickcheck.internal.rules.ProfileReport;
import io.brickcheck.internal.rules.ProfileSpec;
import io.brickcheck.internal.rules.TerminalText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A checked profile at run time: the entry point generated factories call once, in their {@code
 * create()}. Building one re-runs the rule engine ({@link ProfileChecker}) on the declared values,
 * so that a profile assembled at run time gets the same rules and codes as one checked by javac:
 * errors throw {@link DatabricksProfileException}, warnings are logged once per process, at WARN, on
 * the SLF4J logger {@code io.brickcheck}.
 *
 * <p>Every compute's {@link DatabricksConnection} is resolved here, once, so that opening one is a
 * field read plus, unless the probe is off, a look at the host's discovery answer ({@link
 * #open(DatabricksConnection)}). Immutable and thread-safe.
 */
public final class Profile {
  private final ProfileRuntime runtime;
  private final Map<String, DatabricksConnection> connections;

  private Profile(ProfileRuntime runtime) {
    this.runtime = runtime;
    Map<String, DatabricksConnection> byName = new LinkedHashMap<>();
    for (ComputeReport c : runtime.report().computes()) {
      byName.put(
          c.name(),
          new DatabricksConnection(runtime, c.name(), c.path().input(), c.path().workspaceId(), c.workspaceIdSource()));
    }
    this.connections = Collections.unmodifiableMap(byName);
  }

  /**
   * Starts a profile.
   *
   * @return a new builder
   * @param name the profile's name, used in messages
   * @param host the host as declared
   */
  public static Builder builder(String name, String host) {
    return new Builder(name, host);
  }

  /**
   * A profile from a databricks-jdbc URL read from configuration (a {@code spring.datasource.url},
   * an {@code application.properties} value), with default options: see {@link
   * #fromJdbcUrl(String, BrickcheckOptions)}.
   *
   * @param jdbcUrl {@code jdbc:databricks://host[:port][/schema];key=value;...}
   * @return the checked profile, named {@value #JDBC_URL_PROFILE}
   * @throws DatabricksProfileException if a rule fails (a secret in the URL is one)
   */
  public static Profile fromJdbcUrl(String jdbcUrl) {
    return fromJdbcUrl(jdbcUrl, BrickcheckOptions.defaults());
  }

  /**
   * A profile from a databricks-jdbc URL: the URL's own rules ({@code InvalidJdbcUrl}, {@code
   * DuplicateJdbcUrlKey}, {@code SecretInJdbcUrl}, {@code InsecureJdbcUrl}, ...) and every profile
   * rule on its host, port and {@code httpPath} (the {@code default} compute), each message saying
   * where in the URL. The profile then gets the probe, the routing header and the status block as
   * any other, and {@link DatabricksConnection#jdbcUrl()} keeps the URL's schema and its other
   * driver properties ({@code ConnCatalog}, {@code UserAgentEntry}, ...). Secrets never belong in
   * the URL: give them as {@link Credentials}.
   *
   * @param jdbcUrl {@code jdbc:databricks://host[:port][/schema];key=value;...}
   * @param options the probe mode, strictness, header style and HTTP client to use
   * @return the checked profile, named {@value #JDBC_URL_PROFILE}
   * @throws DatabricksProfileException if a rule fails; it carries every error
   */
  public static Profile fromJdbcUrl(String jdbcUrl, BrickcheckOptions options) {
    return jdbcUrlBuilder(JDBC_URL_PROFILE, jdbcUrl).build(options);
  }

  /** The name of a profile made by {@link #fromJdbcUrl(String, BrickcheckOptions)}. */
  public static final String JDBC_URL_PROFILE = "jdbc-url";

  /**
   * Starts a profile whose host, port and {@code default} compute come from a databricks-jdbc URL;
   * the builder can add a host kind and named computes ({@link Builder#defaultHttpPath} is the
   * URL's). Generated factories of a URL constant call this.
   *
   * @param name the profile's name, used in messages
   * @param jdbcUrl {@code jdbc:databricks://host[:port][/schema];key=value;...}
   * @return a new builder
   */
  public static Builder jdbcUrlBuilder(String name, String jdbcUrl) {
    Builder builder = new Builder(name, "");
    builder.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    return builder;
  }

  /** {@return what this profile's connections share: not API, for this package's own classes} */
  ProfileRuntime runtime() {
    return runtime;
  }

  /** {@return the profile's name, as used in messages} */
  public String name() {
    return runtime.name();
  }

  /** {@return the host, parsed and normalised by the rule engine} */
  public Host host() {
    return runtime.host();
  }

  /** {@return what the profile declares about its host} */
  public HostKind hostKind() {
    return runtime.hostKind();
  }

  /** {@return the workspace id every compute agrees on, canonical; empty when no compute names one} */
  public Optional<String> workspaceId() {
    return runtime.workspaceId();
  }

  /** {@return the warnings the rule engine found (already logged); errors never get this far} */
  public List<Problem> warnings() {
    return runtime.report().warnings();
  }

  /** {@return the options this profile was built with} */
  public BrickcheckOptions options() {
    return runtime.options();
  }

  /**
   * Opens one of this profile's connections: with the probe ON, asks the host what it is (ASYNC:
   * without waiting; BLOCKING: within the budget) and reports what its answer reveals ({@code
   * MissingWorkspaceId} on a unified host without id, {@code StrayWorkspaceId} on a per-workspace
   * host with one) once per process. A failed probe is a warning, never an exception.
   *
   * @param connection a connection of this profile, from {@link #connection(String)}
   * @return the resolved connection, the same instance on every call
   * @throws DatabricksProfileException in strict mode, when the host's answer reveals a problem
   * @throws IllegalArgumentException if the connection belongs to another profile
   */
  public DatabricksConnection open(DatabricksConnection connection) {
    if (!connection.sharesRuntime(runtime)) {
      throw new IllegalArgumentException(connection + " belongs to another profile than " + this);
    }
    runtime.discovery().onOpen();
    return connection;
  }

  /**
   * {@link #open(DatabricksConnection)} by compute name.
   *
   * @param computeName a compute name of this profile, {@code default} included
   * @return the resolved connection, the same instance on every call
   */
  public DatabricksConnection open(String computeName) {
    return open(connection(computeName));
  }

  /** {@return what Brickcheck knows and will do for this profile: see {@link ProfileStatus}} */
  public ProfileStatus status() {
    return ProfileStatus.of(runtime);
  }

  /** {@return the compute names in declaration order, {@code default} first} */
  public List<String> computeNames() {
    return List.copyOf(connections.keySet());
  }

  /**
   * The connection of one compute.
   *
   * @param computeName a compute name of this profile, {@code default} included
   * @return the connection, resolved but not opened
   * @throws IllegalArgumentException if the profile has no compute of that name; the message lists
   *     the valid names
   */
  public DatabricksConnection connection(String computeName) {
    DatabricksConnection c = computeName == null ? null : connections.get(computeName);
    if (c == null) {
      throw new IllegalArgumentException(
          "profile \""
              + name()
              + "\" has no compute named "
              + (computeName == null ? "null" : "\"" + computeName + "\"")
              + ". Valid names: "
              + String.join(", ", connections.keySet()));
    }
    return c;
  }

  @Override
  public String toString() {
    return "Profile{name=" + TerminalText.value(name()) + ", host=" + host().baseUrl() + ", computes="
        + connections.keySet().stream().map(TerminalText::value).toList() + "}";
  }

  /** Collects a profile's declared values; {@link #build()} checks them. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String host;
    private HostKind hostKind = HostKind.AUTO;
    private String defaultHttpPath = "";
    private final List<ComputeSpec> computes = new ArrayList<>();
    private ComputeNameRule computeNameRule = ComputeNameRule.BRICKCHECK;
    /** Set by {@link Profile#jdbcUrlBuilder}: the host and default path come from it. */
    private String jdbcUrl;

    private Builder(String name, String host) {
      this.name = Objects.requireNonNull(name, "name");
      this.host = Objects.requireNonNull(host, "host");
    }

    /**
     * What the host is; {@link HostKind#AUTO} unless set.
     *
     * @param kind what the host is declared to be
     * @return this builder
     */
    public Builder hostKind(HostKind kind) {
      this.hostKind = Objects.requireNonNull(kind, "kind");
      return this;
    }

    /**
     * The http path of the compute named {@code default}.
     *
     * @param httpPath the http path as the compute's Connection details show it (with {@code ?o=} on a SPOG host)
     * @return this builder
     */
    public Builder defaultHttpPath(String httpPath) {
      if (jdbcUrl != null) {
        throw new IllegalStateException(
            "profile \"" + name + "\" takes its default http path from its JDBC URL's httpPath");
      }
      this.defaultHttpPath = Objects.requireNonNull(httpPath, "httpPath");
      return this;
    }

    /**
     * Adds a named compute; order is kept.
     *
     * @param computeName a compute name of this profile, {@code default} included
     * @param httpPath the http path as the compute's Connection details show it (with {@code ?o=} on a SPOG host)
     * @return this builder
     */
    public Builder compute(String computeName, String httpPath) {
      computes.add(
          new ComputeSpec(
              Objects.requireNonNull(computeName, "computeName"),
              Objects.requireNonNull(httpPath, "httpPath")));
      return this;
    }

    /**
     * Which compute names are valid: Brickcheck's own {@code [A-Za-z][A-Za-z0-9_-]*} unless set;
     * {@link ComputeNameRule#DBT} for the names of a dbt {@code compute:} block ({@code
     * etl.hourly}, {@code 2xl_warehouse}), as factories generated from a profiles.yml declare.
     *
     * @param rule the profile source's naming rule
     * @return this builder
     */
    public Builder computeNameRule(ComputeNameRule rule) {
      this.computeNameRule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /**
     * Checks the profile with the rule engine and resolves every compute, with default options.
     *
     * @return the new {@code Profile}
     * @throws DatabricksProfileException if the rule engine finds an error; it carries every error
     */
    public Profile build() {
      return build(BrickcheckOptions.defaults());
    }

    /**
     * Checks the profile with the rule engine and resolves every compute.
     *
     * @param options the run-time options
     * @return the new {@code Profile}
     * @throws DatabricksProfileException if the rule engine finds an error (in strict mode, also a
     *     warning); it carries every one
     */
    public Profile build(BrickcheckOptions options) {
      Objects.requireNonNull(options, "options");
      if (jdbcUrl != null) {
        JdbcUrlReport checked = JdbcUrlChecker.check(name, jdbcUrl, hostKind.classification(), computes);
        return of(checked.report(), hostKind, options, Map.of(), checked.url());
      }
      ProfileReport report =
          ProfileChecker.check(new ProfileSpec(name, host, hostKind.classification(), defaultHttpPath, computes), computeNameRule);
      return of(report, hostKind, options);
    }
  }

  /**
   * A profile from a finished rule-engine report (built here, or from a dbt output by {@link
   * Profiles}): strict mode, errors and warnings are handled exactly as {@link Builder#build} does.
   */
  static Profile of(ProfileReport checked, HostKind hostKind, BrickcheckOptions options) {
    return of(checked, hostKind, options, Map.of());
  }

  /** As {@link #of(ProfileReport, HostKind, BrickcheckOptions)}, remembering where each value came from. */
  static Profile of(ProfileReport checked, HostKind hostKind, BrickcheckOptions options, Map<String, String> origins) {
    return of(checked, hostKind, options, origins, null);
  }

  private static Profile of(
      ProfileReport checked, HostKind hostKind, BrickcheckOptions options, Map<String, String> origins, JdbcUrl url) {
    Objects.requireNonNull(options, "options");
    ProfileReport report = options.strict() ? checked.strict() : checked;
    if (report.hasErrors()) {
      throw new DatabricksProfileException(report.errors());
    }
    Discovery.warnOnce(report.spec().name(), report.warnings());
    return new Profile(new ProfileRuntime(report, hostKind, RuntimeContext.of(options), origins, url));
  }
}
