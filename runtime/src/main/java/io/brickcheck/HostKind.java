package io.brickcheck;

import io.brickcheck.rules.HostClassification;

/**
 * What the user declares about a host, in {@code @DatabricksProfile(hostKind = ...)} or with the
 * {@code check --host-kind} flag.
 *
 * <p>Without a declaration ({@link #AUTO}) Brickcheck classifies the host from its name alone at
 * compile time and, at run time, asks the host itself through {@code /.well-known/databricks-config}.
 */
public enum HostKind {
  /** Classify from the host name, then from the discovery probe at run time. */
  AUTO,
  /**
   * An account-level unified host (SPOG) serving many workspaces: every http path must carry
   * {@code ?o=<workspace-id>}.
   */
  SPOG,
  /** A host that serves one workspace: a workspace id on the http path is not needed. */
  WORKSPACE;

  /**
   * The rule engine's word for this declaration ({@link HostClassification#declared}, which the
   * processor calls with the constant's name too).
   *
   * @return {@code UNKNOWN} for {@link #AUTO} (nothing is declared: the host's name decides), else
   *     the same kind ({@code SPOG} and {@code WORKSPACE})
   */
  public HostClassification classification() {
    return HostClassification.declared(name());
  }
}
