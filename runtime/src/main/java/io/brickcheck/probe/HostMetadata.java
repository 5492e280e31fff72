package io.brickcheck.probe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a host said about itself in {@code /.well-known/databricks-config}. Immutable; holds no
 * secrets (the endpoint is unauthenticated), so {@link #toString()} shows every field.
 *
 * <p>Absent and {@code null} fields are empty. An unrecognised {@code host_type} value is kept in
 * {@link #rawHostType()} and gives an empty {@link #hostType()}: the caller then knows no more
 * than without a probe. Values are validated when parsed: {@code account_id} is a plain id (it
 * becomes part of a token URL), {@code workspace_id} is canonical decimal digits.
 */
public final class HostMetadata {
  private final String rawHostType;
  private final HostType hostType;
  private final String accountId;
  private final String workspaceId;
  private final String cloud;
  private final String oidcEndpoint;
  private final List<String> audiences;

  HostMetadata(
      String rawHostType,
      String accountId,
      String workspaceId,
      String cloud,
      String oidcEndpoint,
      List<String> audiences) {
    this.rawHostType = rawHostType;
    this.hostType = HostType.fromWire(rawHostType).orElse(null);
    this.accountId = accountId;
    this.workspaceId = workspaceId;
    this.cloud = cloud;
    this.oidcEndpoint = oidcEndpoint;
    this.audiences = List.copyOf(audiences);
  }

  /**
   * {@code host_type}, compared case-insensitively; empty when absent or not one we know.
   *
   * @return {@code host_type}, compared case-insensitively
   */
  public Optional<HostType> hostType() {
    return Optional.ofNullable(hostType);
  }

  /**
   * {@code host_type} as sent (escaped and bounded), for status output; empty when absent.
   *
   * @return {@code host_type} as sent (escaped and bounded), for status output
   */
  public Optional<String> rawHostType() {
    return Optional.ofNullable(rawHostType);
  }

  /**
   * {@code account_id}: needed for the account-rooted OAuth token endpoint on unified hosts.
   *
   * @return {@code account_id}: needed for the account-rooted OAuth token endpoint on unified hosts
   */
  public Optional<String> accountId() {
    return Optional.ofNullable(accountId);
  }

  /**
   * {@code workspace_id} in canonical form (digits, no leading zeros).
   *
   * @return {@code workspace_id} in canonical form (digits, no leading zeros)
   */
  public Optional<String> workspaceId() {
    return Optional.ofNullable(workspaceId);
  }

  /**
   * {@code cloud}, such as {@code aws}, {@code azure} or {@code gcp}.
   *
   * @return {@code cloud}, such as {@code aws}, {@code azure} or {@code gcp}
   */
  public Optional<String> cloud() {
    return Optional.ofNullable(cloud);
  }

  /**
   * {@code oidc_endpoint} with {@code {account_id}} filled in; empty when absent, or when it has
   * the placeholder and the host sent no {@code account_id}. Not checked against the host: do not
   * send a secret to it without such a check.
   *
   * @return {@code oidc_endpoint} with {@code {account_id}} filled in
   */
  public Optional<String> oidcEndpoint() {
    return Optional.ofNullable(oidcEndpoint);
  }

  /**
   * {@code token_federation_default_oidc_audiences}; empty when absent.
   *
   * @return {@code token_federation_default_oidc_audiences}; empty when absent
   */
  public List<String> tokenFederationDefaultOidcAudiences() {
    return audiences;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostMetadata m
        && Objects.equals(rawHostType, m.rawHostType)
        && Objects.equals(accountId, m.accountId)
        && Objects.equals(workspaceId, m.workspaceId)
        && Objects.equals(cloud, m.cloud)
        && Objects.equals(oidcEndpoint, m.oidcEndpoint)
        && audiences.equals(m.audiences);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rawHostType, accountId, workspaceId, cloud, oidcEndpoint, audiences);
  }

  @Override
  public String toString() {
    return "HostMetadata[hostType=" + rawHostType + ", accountId=" + accountId + ", workspaceId="
        + workspaceId + ", cloud=" + cloud + ", oidcEndpoint=" + oidcEndpoint
        + ", tokenFederationDefaultOidcAudiences=" + audiences + "]";
  }
}
