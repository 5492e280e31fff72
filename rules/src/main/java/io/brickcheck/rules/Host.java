package io.brickcheck.rules;

import java.util.Locale;
import java.util.Optional;

/**
 * A valid Databricks host, normalised: lower-case name, explicit scheme and port.
 *
 * @param name the host name in lower case (an IPv6 literal without its brackets)
 * @param port the port, 443 (https) or 80 (http) unless given
 * @param secure {@code false} only for an {@code http://} loopback host (tests, demo gateways)
 * @param loopback {@code localhost}, {@code 127.0.0.0/8} or {@code [::1]}
 * @param classification what the name alone says (never {@link HostClassification#SPOG})
 * @param embeddedWorkspaceId the workspace id in the name ({@code adb-<id>...}), canonical, or null
 */
public record Host(
    String name,
    int port,
    boolean secure,
    boolean loopback,
    HostClassification classification,
    String embeddedWorkspaceId) {

  /**
   * The URL scheme.
   *
   * @return {@code https}, or {@code http} for a loopback host
   */
  public String scheme() {
    return secure ? "https" : "http";
  }

  /** {@return the name as it goes into a URL: IPv6 literals in brackets} */
  public String urlName() {
    return name.indexOf(':') >= 0 ? "[" + name + "]" : name;
  }

  /** {@return {@code https://name} or {@code https://name:port}: the port only when not the default} */
  public String baseUrl() {
    int defaultPort = secure ? 443 : 80;
    return scheme() + "://" + urlName() + (port == defaultPort ? "" : ":" + port);
  }

  /**
   * The workspace id a per-workspace host name embeds ({@code adb-<id>.<n>.azuredatabricks.net}).
   *
   * @return the id, or empty
   */
  public Optional<String> embeddedWorkspaceIdIfAny() {
    return Optional.ofNullable(embeddedWorkspaceId);
  }

  /**
   * Compares case-insensitively with another host name, as DNS does.
   *
   * @param other a host name, compared case-insensitively
   * @return whether the names are equal, ignoring case
   */
  public boolean hasName(String other) {
    return other != null && name.equals(other.toLowerCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return baseUrl();
  }

  // equals and hashCode written out, with the record's meaning (all components): the generated
  // ones bootstrap java.lang.runtime.ObjectMethods through invokedynamic on first use, tens of ms
  // in a cold JVM, and a Host is a map key on the way to the first jdbcUrl() (issue 17).
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof Host h
            && port == h.port
            && secure == h.secure
            && loopback == h.loopback
            && name.equals(h.name)
            && classification == h.classification
            && java.util.Objects.equals(embeddedWorkspaceId, h.embeddedWorkspaceId);
  }

  @Override
  public int hashCode() {
    int h = name.hashCode();
    h = 31 * h + port;
    h = 31 * h + Boolean.hashCode(secure);
    h = 31 * h + Boolean.hashCode(loopback);
    h = 31 * h + java.util.Objects.hashCode(classification);
    return 31 * h + java.util.Objects.hashCode(embeddedWorkspaceId);
  }
}
