package io.brickcheck;

import io.brickcheck.rules.ComputeReport;
import io.brickcheck.rules.ComputeSpec;
import io.brickcheck.rules.Host;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.ProfileChecker;
import io.brickcheck.rules.ProfileReport;
import io.brickcheck.rules.ProfileSpec;
import java.lang.System.Logger.Level;
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
 * errors throw {@link DatabricksProfileException}, warnings are logged once, at WARNING, on the
 * {@code io.brickcheck} {@link System.Logger}.
 *
 * <p>Every compute's {@link DatabricksConnection} is resolved here, once, so that opening one is a
 * field read. Immutable and thread-safe.
 */
public final class Profile {
  private static final System.Logger LOG = System.getLogger("io.brickcheck");

  private final String name;
  private final Host host;
  private final HostKind hostKind;
  private final String workspaceId;
  private final List<Problem> warnings;
  private final Map<String, DatabricksConnection> connections;

  private Profile(ProfileReport report, HostKind hostKind) {
    this.name = report.spec().name();
    this.host = report.host().host();
    this.hostKind = hostKind;
    this.workspaceId = report.workspaceId();
    this.warnings = report.warnings();
    Map<String, DatabricksConnection> byName = new LinkedHashMap<>();
    for (ComputeReport c : report.computes()) {
      byName.put(
          c.name(),
          new DatabricksConnection(
              name,
              c.name(),
              host,
              c.path().input(),
              c.path().workspaceId(),
              c.workspaceIdSource()));
    }
    this.connections = Collections.unmodifiableMap(byName);
  }

  /**
   * Starts a profile.
   *
   * @param name the profile's name, used in messages
   * @param host the host as declared
   */
  public static Builder builder(String name, String host) {
    return new Builder(name, host);
  }

  /** The profile's name. */
  public String name() {
    return name;
  }

  /** The normalised host. */
  public Host host() {
    return host;
  }

  /** What the profile declares about its host. */
  public HostKind hostKind() {
    return hostKind;
  }

  /** The workspace id every compute agrees on, canonical; empty when no compute names one. */
  public Optional<String> workspaceId() {
    return Optional.ofNullable(workspaceId);
  }

  /** The warnings the rule engine found (already logged); errors never get this far. */
  public List<Problem> warnings() {
    return warnings;
  }

  /** The compute names in declaration order, {@code default} first. */
  public List<String> computeNames() {
    return List.copyOf(connections.keySet());
  }

  /**
   * The connection of one compute.
   *
   * @throws IllegalArgumentException if the profile has no compute of that name; the message lists
   *     the valid names
   */
  public DatabricksConnection connection(String computeName) {
    DatabricksConnection c = computeName == null ? null : connections.get(computeName);
    if (c == null) {
      throw new IllegalArgumentException(
          "profile \""
              + name
              + "\" has no compute named "
              + (computeName == null ? "null" : "\"" + computeName + "\"")
              + ". Valid names: "
              + String.join(", ", connections.keySet()));
    }
    return c;
  }

  @Override
  public String toString() {
    return "Profile{name=" + name + ", host=" + host.baseUrl() + ", computes="
        + connections.keySet() + "}";
  }

  /** Collects a profile's declared values; {@link #build()} checks them. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String host;
    private HostKind hostKind = HostKind.AUTO;
    private String defaultHttpPath = "";
    private final List<ComputeSpec> computes = new ArrayList<>();

    private Builder(String name, String host) {
      this.name = Objects.requireNonNull(name, "name");
      this.host = Objects.requireNonNull(host, "host");
    }

    /** What the host is; {@link HostKind#AUTO} unless set. */
    public Builder hostKind(HostKind kind) {
      this.hostKind = Objects.requireNonNull(kind, "kind");
      return this;
    }

    /** The http path of the compute named {@code default}. */
    public Builder defaultHttpPath(String httpPath) {
      this.defaultHttpPath = Objects.requireNonNull(httpPath, "httpPath");
      return this;
    }

    /** Adds a named compute; order is kept. */
    public Builder compute(String computeName, String httpPath) {
      computes.add(
          new ComputeSpec(
              Objects.requireNonNull(computeName, "computeName"),
              Objects.requireNonNull(httpPath, "httpPath")));
      return this;
    }

    /**
     * Checks the profile with the rule engine and resolves every compute.
     *
     * @throws DatabricksProfileException if the rule engine finds an error; it carries every error
     */
    public Profile build() {
      ProfileReport report =
          ProfileChecker.check(new ProfileSpec(name, host, hostKind, defaultHttpPath, computes));
      if (report.hasErrors()) {
        throw new DatabricksProfileException(report.errors());
      }
      for (Problem warning : report.warnings()) {
        LOG.log(Level.WARNING, warning.message());
      }
      return new Profile(report, hostKind);
    }
  }
}
