package io.brickcheck;

import io.brickcheck.internal.rules.JdbcUrl;
import io.brickcheck.internal.rules.ProfileReport;
import io.brickcheck.rules.Host;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one profile's connections share at run time, made once by {@link Profile} and handed to
 * each {@link DatabricksConnection}: the rule engine's report, the declared host kind, where each
 * value came from, the runtime context (options, HTTP client, probe), the host's {@link Discovery}
 * and one token source per credentials. It names no class that holds it, so the data runs one way:
 * {@code Profile -> DatabricksConnection -> ProfileRuntime -> Discovery}, and {@link ProfileStatus}
 * is made from it alone.
 */
final class ProfileRuntime {
  private final ProfileReport report;
  private final HostKind hostKind;
  private final RuntimeContext context;
  private final Map<String, String> origins;
  /** The URL the profile was read from (no secret: that is an error), or null. */
  private final JdbcUrl sourceUrl;
  private final Discovery discovery;
  private final Map<Credentials, BearerAuthInterceptor.TokenSupplier> tokenSources = new ConcurrentHashMap<>();

  ProfileRuntime(
      ProfileReport report, HostKind hostKind, RuntimeContext context, Map<String, String> origins, JdbcUrl sourceUrl) {
    this.report = report;
    this.hostKind = hostKind;
    this.context = context;
    this.origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    this.sourceUrl = sourceUrl;
    this.discovery = new Discovery(report, hostKind, context);
  }

  /** {@return the rule engine's report of the static check (strict already applied)} */
  ProfileReport report() {
    return report;
  }

  /** {@return the profile's name} */
  String name() {
    return report.spec().name();
  }

  /** {@return the normalised host} */
  Host host() {
    return report.host().host();
  }

  /** {@return what the profile declares about its host} */
  HostKind hostKind() {
    return hostKind;
  }

  /** {@return the workspace id every compute agrees on, canonical, or empty} */
  Optional<String> workspaceId() {
    return Optional.ofNullable(report.workspaceId());
  }

  /** {@return the options, HTTP client and probe this profile uses} */
  RuntimeContext context() {
    return context;
  }

  /** {@return the options this profile was built with} */
  BrickcheckOptions options() {
    return context.options();
  }

  /** {@return what each value was made from ({@code host -> ~/.databrickscfg:3:8}); empty for other sources} */
  Map<String, String> origins() {
    return origins;
  }

  /** {@return the secret-free URL the profile was read from, or null for another source} */
  JdbcUrl sourceUrl() {
    return sourceUrl;
  }

  /** {@return what the host's discovery answer revealed, and when} */
  Discovery discovery() {
    return discovery;
  }

  /** {@return the databricks-jdbc URL of one of this profile's http paths} */
  String jdbcUrl(String httpPath, String workspaceId) {
    return JdbcSupport.url(host(), httpPath, workspaceId, sourceUrl);
  }

  /** One token source per credentials, so every client of this profile shares its M2M tokens. */
  BearerAuthInterceptor.TokenSupplier tokens(Credentials credentials) {
    if (credentials.kind() == Credentials.Kind.TOKEN) {
      String token = credentials.token();
      return () -> token;
    }
    if (credentials.kind() == Credentials.Kind.SDK) {
      // One SDK configuration per profile and credentials: the SDK caches its tokens there.
      return tokenSources.computeIfAbsent(credentials, c -> SdkAuth.of(c, host(), report.workspaceId()));
    }
    return tokenSources.computeIfAbsent(
        credentials,
        c -> new OAuthTokenSource(context.client(), discovery::tokenEndpoint, c));
  }
}
