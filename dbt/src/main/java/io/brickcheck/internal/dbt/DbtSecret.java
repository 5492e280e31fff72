package io.brickcheck.internal.dbt;

import java.util.List;

/**
 * A credential key of the output ({@code token}, {@code client_id}, {@code client_secret},
 * {@code azure_client_id}, {@code azure_client_secret}). It records that the key is present and how
 * its value is written, never the value: nothing printable can leak it.
 *
 * @param key the key as written
 * @param position where the value starts
 * @param source how the value is written
 * @param envVarNames the environment variables an env_var template reads (names only)
 * @param requiredEnvVars the env_var parts without an env_var default, each with its name and
 *     position only (no default, no filter: their arguments may hold the secret)
 */
public record DbtSecret(
    String key, YamlPosition position, Source source, List<String> envVarNames, List<DbtValue.EnvVar> requiredEnvVars) {
  /** How a credential is written in the file. */
  public enum Source {
    /** Written in the file itself (dbt discourages this; Brickcheck does not judge it). */
    LITERAL,
    /** Entirely or partly {@code {{ env_var(...) }}}. */
    ENV_VAR,
    /** Some other template, or not text at all: Brickcheck cannot tell. */
    UNSUPPORTED
  }

  /**
   * Copies the list, so the record stays immutable.
   *
   * @param key the key as written
   * @param position where the value starts
   * @param source how the value is written
   * @param envVarNames the environment variables an env_var template reads (names only)
   * @param requiredEnvVars the env_var parts without an env_var default (name and position only)
   */
  public DbtSecret {
    envVarNames = List.copyOf(envVarNames);
    requiredEnvVars = List.copyOf(requiredEnvVars);
  }

  /**
   * A credential none of whose variables is required.
   *
   * @param key the key as written
   * @param position where the value starts
   * @param source how the value is written
   * @param envVarNames the environment variables an env_var template reads (names only)
   */
  public DbtSecret(String key, YamlPosition position, Source source, List<String> envVarNames) {
    this(key, position, source, envVarNames, List.of());
  }
}
