package io.brickcheck.internal.rules;

import io.brickcheck.rules.HostClassification;
import java.util.List;
import java.util.Objects;

/**
 * A profile as declared, before any check: one host, a default http path and named computes.
 *
 * @param name the profile's name (used in messages and the status block)
 * @param host the host as given
 * @param hostKind what the user declares the host to be; {@code UNKNOWN} when nothing is declared
 * @param defaultHttpPath the http path of the compute named {@code default}
 * @param computes the named computes, in declaration order
 * @param form how the user wrote it, for the names of settings in messages
 */
public record ProfileSpec(
    String name,
    String host,
    HostClassification hostKind,
    String defaultHttpPath,
    List<ComputeSpec> computes,
    SpecForm form) {

  /**
   * Checks the host kind and copies the computes.
   *
   * @param name the profile's name (used in messages and the status block)
   * @param host the host as given
   * @param hostKind what the user declares the host to be; {@code UNKNOWN} when nothing is declared
   * @param defaultHttpPath the http path of the compute named {@code default}
   * @param computes the named computes, in declaration order
   * @param form how the user wrote it, for the names of settings in messages
   */
  public ProfileSpec {
    Objects.requireNonNull(hostKind, "hostKind");
    Objects.requireNonNull(form, "form");
    computes = List.copyOf(computes);
  }

  /**
   * A profile in the annotation's words ({@link SpecForm#ANNOTATION}).
   *
   * @param name the profile's name (used in messages and the status block)
   * @param host the host as given
   * @param hostKind what the user declares the host to be; {@code UNKNOWN} when nothing is declared
   * @param defaultHttpPath the http path of the compute named {@code default}
   * @param computes the named computes, in declaration order
   */
  public ProfileSpec(
      String name, String host, HostClassification hostKind, String defaultHttpPath, List<ComputeSpec> computes) {
    this(name, host, hostKind, defaultHttpPath, computes, SpecForm.ANNOTATION);
  }

  /**
   * A profile whose host kind is not declared ({@link HostClassification#UNKNOWN}).
   *
   * @param name the profile's name
   * @param host the host as declared
   * @param defaultHttpPath the {@code default} compute's http path
   * @param computes further computes
   * @return the spec
   */
  public static ProfileSpec of(String name, String host, String defaultHttpPath, ComputeSpec... computes) {
    return new ProfileSpec(name, host, HostClassification.UNKNOWN, defaultHttpPath, List.of(computes));
  }

  /** Never shows user information that may sit in a malformed host value. */
  @Override
  public String toString() {
    return "ProfileSpec[name=" + name + ", host=" + (host == null ? null : Text.redactUserInfo(host))
        + ", hostKind=" + hostKind + ", defaultHttpPath=" + defaultHttpPath + ", computes=" + computes
        + ", form=" + form + "]";
  }

  /**
   * This profile with another host kind.
   *
   * @param kind what the host is declared to be, {@code UNKNOWN} for not declared
   * @return a new spec
   */
  public ProfileSpec withHostKind(HostClassification kind) {
    return new ProfileSpec(name, host, kind, defaultHttpPath, computes, form);
  }

  /**
   * This profile as written in another form.
   *
   * @param writtenAs how the user wrote it
   * @return a new spec
   */
  public ProfileSpec withForm(SpecForm writtenAs) {
    return new ProfileSpec(name, host, hostKind, defaultHttpPath, computes, writtenAs);
  }
}
