package io.brickcheck.internal.probe;

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
