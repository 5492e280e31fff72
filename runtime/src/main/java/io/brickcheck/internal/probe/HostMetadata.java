package io.brickcheck.internal.probe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a host said about itself in {@code /.well-known/databricks-config}. Immutable; holds no
 * secrets (the endpoint is unauthenticated), so {@link #toString()} shows every field.
 *
 * <p>Absent and {@code null} fields are empty. An unrecognised {@code host_type} value is kept in
 * {@link #rawHostType()} and gives an empty {@link #hostType()}: the caller then knows no more
 * than without a probe. Values are validated field by field when parsed: {@code account_id} is a
 * plain id (it becomes part of a token URL), {@code workspace_id} is canonical decimal digits or an
 * opaque printable identifier, {@code cloud} a plain word, {@code oidc_endpoint} an http(s) URL. A
 * field that fails its check is empty here and named, with the reason, in {@link #droppedFields()}.
 */
public final class HostMetadata {
  private final String rawHostType;
  private final HostType hostType;
  private final String accountId;
  private final String workspaceId;
  private final String cloud;
  private final String oidcEndpoint;
  private final List<String> audiences;
  private final List<String> droppedFields;

  HostMetadata(
      String rawHostType,
      String accountId,
      String workspaceId,
      String cloud,
      String oidcEndpoint,
      List<String> audiences) {
    this(rawHostType, accountId, workspaceId, cloud, oidcEndpoint, audiences, List.of());
  }

  HostMetadata(
      String rawHostType,
      String accountId,
      String workspaceId,
      String cloud,
      String oidcEndpoint,
      List<String> audiences,
      List<String> droppedFields) {
    this.rawHostType = rawHostType;
    this.hostType = HostType.fromWire(rawHostType).orElse(null);
    this.accountId = accountId;
    this.workspaceId = workspaceId;
    this.cloud = cloud;
    this.oidcEndpoint = oidcEndpoint;
    this.audiences = List.copyOf(audiences);
    this.droppedFields = List.copyOf(droppedFields);
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
   * {@code workspace_id}: canonical digits (no leading zeros) when it is 1-19 digits within a
   * long, else the opaque identifier as sent (printable ASCII, at most 128 characters).
   *
   * @return {@code workspace_id}, canonical when numeric
   */
  public Optional<String> workspaceId() {
    return Optional.ofNullable(workspaceId);
  }

  /**
   * {@code workspace_id} when it is numeric, in canonical form: the only form that can be compared
   * with a {@code ?o=} id. Empty for an opaque identifier.
   *
   * @return the numeric workspace id, canonical
   */
  public Optional<String> numericWorkspaceId() {
    if (workspaceId == null || !workspaceId.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.empty();
    }
    try {
      String canonical = Long.toString(Long.parseLong(workspaceId));
      return canonical.equals(workspaceId) ? Optional.of(canonical) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty(); // above the largest long: opaque
    }
  }

  /**
   * The known fields the host sent but that could not be used, each as one line saying which and
   * why (escaped and bounded), in the order met; the other fields are used as usual.
   *
   * @return the reasons, empty when every known field was usable
   */
  public List<String> droppedFields() {
    return droppedFields;
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
        && audiences.equals(m.audiences)
        && droppedFields.equals(m.droppedFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rawHostType, accountId, workspaceId, cloud, oidcEndpoint, audiences, droppedFields);
  }

  @Override
  public String toString() {
    return "HostMetadata[hostType=" + rawHostType + ", accountId=" + accountId + ", workspaceId="
        + workspaceId + ", cloud=" + cloud + ", oidcEndpoint=" + oidcEndpoint
        + ", tokenFederationDefaultOidcAudiences=" + audiences
        + (droppedFields.isEmpty() ? "" : ", dropped=" + droppedFields) + "]";
  }
}
