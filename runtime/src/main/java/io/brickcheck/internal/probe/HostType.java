package io.brickcheck.internal.probe;

import io.brickcheck.rules.HostClassification;
import java.util.Locale;
import java.util.Optional;

/** The {@code host_type} a host reports about itself. */
public enum HostType {
  /** Serves one workspace: a workspace id on the http path is not needed. */
  WORKSPACE,
  /** An account-level host (account APIs, no SQL compute). */
  ACCOUNT,
  /** A unified (SPOG) host: many workspaces behind one name; {@code ?o=} must say which. */
  UNIFIED;

  /** Case-insensitive, as the Databricks clients compare it; empty for values we do not know. */
  /**
   * The rule engine's word for what the host said it is, the one mapping from discovery's answer.
   * The probe's {@code unified} host is what Brickcheck calls SPOG (one host in front of many
   * workspaces); an account host takes no {@code ?o=} either, so the rules treat it as they treat
   * a workspace host.
   *
   * @return {@code SPOG} for {@link #UNIFIED}, {@code WORKSPACE} for the others
   */
  public HostClassification classification() {
    return this == UNIFIED ? HostClassification.SPOG : HostClassification.WORKSPACE;
  }

  static Optional<HostType> fromWire(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "workspace" -> Optional.of(WORKSPACE);
      case "account" -> Optional.of(ACCOUNT);
      case "unified" -> Optional.of(UNIFIED);
      default -> Optional.empty();
    };
  }
}
