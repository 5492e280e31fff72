package io.brickcheck;

import io.brickcheck.internal.probe.HostMetadata;
import io.brickcheck.internal.probe.ProbeResult;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Host;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import io.brickcheck.internal.rules.TerminalText;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises the symptoms users of unified (SPOG) hosts see, as the Databricks clients'
 * maintainers reported them, and names their cause and fix: on responses through {@link
 * DatabricksConnection#httpClient} ({@link Watch}, which logs each once per host and code) and on
 * exceptions from {@link DatabricksConnection#openJdbc} ({@link #attachTo}, which adds the hint as a
 * suppressed {@link DatabricksProfileException} and logs it once per host and code).
 *
 * <ul>
 *   <li>{@code LoginRedirect}: a 302/303 to {@code /login} (an HTML sign-in page) on an API or
 *       Thrift call that carried no workspace routing;
 *   <li>{@code OAuthConfigNotLoaded}: 400 "Unable to load OAuth Config" on such a call;
 *   <li>{@code HostLevelToken}: "Invalid Token" on a host not known to serve one workspace: a token
 *       from the host-level {@code /oidc} is refused on a unified host;
 *   <li>{@code WorkspaceHeaderOnTokenEndpoint}: 400 from {@code /oidc/...} to a request that carried
 *       a workspace header.
 * </ul>
 *
 * <p>Response bodies are read only for these statuses, at most {@link #PEEK} bytes, and never
 * quoted: only the signature's fixed text is matched.
 */
final class FailureSignatures {
  private static final Logger LOG = LoggerFactory.getLogger("io.brickcheck");
  static final long PEEK = 16 * 1024;
  private static final int MAX_LOGGED = 4096;
  private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();

  private FailureSignatures() {}

  /**
   * An application interceptor: it sees the call's final response with the redirects it followed
   * ({@code priorResponse}) and the request as it went on the wire ({@code networkResponse}).
   * Never changes the response.
   */
  /**
   * {@code builder} with the watch added. Here, not at the call site: a caller that names
   * {@link Watch} where an {@code Interceptor} is expected makes the JVM's verifier load OkHttp with
   * the caller's class (the cold-start test sees it), whatever the caller's path.
   *
   * @param builder the client being built
   * @param profile the profile whose host the watch reports for
   * @return the same builder
   */
  static OkHttpClient.Builder watching(OkHttpClient.Builder builder, ProfileRuntime profile) {
    return builder.addInterceptor(new Watch(profile));
  }

  static final class Watch implements Interceptor {
    private final ProfileRuntime profile;

    Watch(ProfileRuntime profile) {
      this.profile = profile;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      Response response = chain.proceed(chain.request());
      Problem problem = recognise(profile, chain.request(), response);
      if (problem != null) {
        logOnce(profile.host(), problem);
      }
      return response;
    }
  }

  /** The signature of {@code response} (for a request to the profile's host), or null. */
  static Problem recognise(ProfileRuntime profile, Request original, Response response) throws IOException {
    Host host = profile.host();
    if (!WorkspaceHeaderInterceptor.isProfileHost(host, original.url())) {
      return null;
    }
    // The first hop's request as sent: what the host judged before it redirected.
    Response first = response;
    while (first.priorResponse() != null) {
      first = first.priorResponse();
    }
    Response firstWire = first.networkResponse() != null ? first.networkResponse() : first;
    Request sent = firstWire.request();
    String path = original.url().encodedPath();
    boolean oidc = WorkspaceHeaderInterceptor.isOAuthOrDiscovery(original.url()) && firstSegmentIs(original.url(), "oidc");

    // Account-scoped APIs take no workspace routing (Brickcheck never sends it there): a routing
    // hint would be a wrong fix.
    boolean account = WorkspaceHeaderInterceptor.isAccountApi(original.url());
    String login = loginRedirect(host, first);
    if (login != null && !routed(sent) && !oidc && !account) {
      return Problem.of(Code.LoginRedirect, Subject.PROFILE, null,
          original.method() + " " + TerminalText.value(path) + " on " + host.baseUrl() + " was redirected (HTTP "
              + first.code() + ") to the sign-in page \"" + TerminalText.value(login) + "\", and the call carried no"
              + " workspace routing (no X-Databricks-Workspace-Id or X-Databricks-Org-Id header, no ?o=). A"
              + " unified host sends calls that name no workspace to its sign-in page; a workspace header is"
              + " expected. " + routingFix(profile));
    }
    int code = response.code();
    if (oidc && code == 400 && hasWorkspaceHeader(wireOf(response))) {
      return Problem.of(Code.WorkspaceHeaderOnTokenEndpoint, Subject.PROFILE, null,
          original.method() + " " + TerminalText.value(path) + " on " + host.baseUrl() + " answered HTTP 400 to a"
              + " request that carried a workspace header (" + workspaceHeaderNames(wireOf(response)) + "). Token"
              + " endpoints take no workspace header; a unified host refuses one. Send OAuth requests without"
              + " it (Brickcheck's clients never add it under /oidc/; remove a header your code or an"
              + " http.header.* property adds)");
    }
    if (oidc || (code != 400 && code != 401 && code != 403)) {
      return null;
    }
    String body = response.peekBody(PEEK).string();
    if (code == 400 && body.contains("Unable to load OAuth Config") && !routed(wireOf(response)) && !account) {
      return oauthConfigNotLoaded(profile, original.method() + " " + TerminalText.value(path));
    }
    if ((code == 401 || code == 403) && body.toLowerCase(Locale.ROOT).contains("invalid token") && !knownSingleWorkspace(profile)) {
      return hostLevelToken(profile, original.method() + " " + TerminalText.value(path) + " answered HTTP " + code);
    }
    return null;
  }

  /**
   * Adds the hint for a failed {@code openJdbc} as a suppressed exception, and logs it once per
   * host; the driver's exception itself is unchanged.
   *
   * @param routed whether the JDBC URL named a workspace (http path {@code ?o=} or header)
   */
  static SQLException attachTo(SQLException e, ProfileRuntime profile, boolean routed) {
    String text = messages(e);
    String lower = text.toLowerCase(Locale.ROOT);
    Problem problem = null;
    if (text.contains("Unable to load OAuth Config") && !routed) {
      problem = oauthConfigNotLoaded(profile, "Opening a JDBC session");
    } else if (lower.contains("invalid token") && !knownSingleWorkspace(profile)) {
      problem = hostLevelToken(profile, "Opening a JDBC session failed");
    } else if (!routed && !knownSingleWorkspace(profile)
        // databricks-jdbc 3.4.5 follows the 303 and reads the HTML sign-in page as Thrift: "No more
        // data available." Older drivers quote the page or its content type.
        && (lower.contains("no more data available") || lower.contains("/login") || lower.contains("text/html"))) {
      problem = Problem.of(Code.LoginRedirect, Subject.PROFILE, null,
          "Opening a JDBC session on " + profile.host().baseUrl() + " got no Thrift answer, and the connection"
              + " named no workspace (no ?o= on the http path, no x-databricks-org-id). A unified host"
              + " redirects calls that name no workspace to its sign-in page (HTML), which the driver cannot"
              + " read; a workspace id is expected. " + routingFix(profile));
    }
    if (problem != null) {
      e.addSuppressed(new DatabricksProfileException(List.of(problem)));
      logOnce(profile.host(), problem);
    }
    return e;
  }

  private static Problem oauthConfigNotLoaded(ProfileRuntime profile, String what) {
    return Problem.of(Code.OAuthConfigNotLoaded, Subject.PROFILE, null,
        what + " on " + profile.host().baseUrl() + " failed with \"Unable to load OAuth Config\", and it named"
            + " no workspace. On a unified host every workspace API needs the workspace named; a workspace"
            + " header is expected. " + routingFix(profile));
  }

  private static Problem hostLevelToken(ProfileRuntime profile, String what) {
    String account = accountId(profile);
    String issuer = profile.host().baseUrl() + "/oidc/accounts/" + (account == null ? "<account-id>" : account);
    return Problem.of(Code.HostLevelToken, Subject.PROFILE, null,
        what + " on " + profile.host().baseUrl() + " with \"Invalid Token\". On a unified host a token minted"
            + " by the host-level " + profile.host().baseUrl() + "/oidc is refused; a token of the"
            + " account-rooted issuer " + issuer + " is expected. Get tokens from " + issuer + "/v1/token:"
            + " Credentials.oauthM2M does so on unified hosts, and so does databricks-sdk-java "
            + SdkSupport.RECOMMENDED + " through Credentials.fromSdk (do not set the SDK's discovery URL to the"
            + " host-level /oidc)");
  }

  private static String routingFix(ProfileRuntime profile) {
    return profile.workspaceId()
        .map(id -> "The profile names workspace " + id + ", but this call did not carry it: make the call through"
            + " DatabricksConnection.httpClient(), which adds the header, or add X-Databricks-Workspace-Id: " + id)
        .orElse("Add ?o=<workspace-id> to the profile's http path (the id is in the workspace URL), so that"
            + " Brickcheck sends the workspace header");
  }

  private static String loginRedirect(Host host, Response first) {
    if (first.code() != 302 && first.code() != 303) {
      return null;
    }
    String location = first.header("Location");
    if (location == null) {
      return null;
    }
    HttpUrl target = first.request().url().resolve(location);
    if (target == null || !WorkspaceHeaderInterceptor.isProfileHost(host, target) || !firstSegmentIs(target, "login")) {
      return null;
    }
    return target.encodedPath();
  }

  private static boolean firstSegmentIs(HttpUrl url, String name) {
    for (String segment : url.pathSegments()) {
      if (!segment.isEmpty()) {
        return segment.equalsIgnoreCase(name) || segment.toLowerCase(Locale.ROOT).startsWith(name + ".");
      }
    }
    return false;
  }

  private static Request wireOf(Response response) {
    return response.networkResponse() != null ? response.networkResponse().request() : response.request();
  }

  /** A workspace header, or {@code o} in the query (a Thrift path's {@code ?o=}). */
  private static boolean routed(Request request) {
    return hasWorkspaceHeader(request) || request.url().queryParameter("o") != null;
  }

  private static boolean hasWorkspaceHeader(Request request) {
    return request.header(HeaderStyle.ORG_ID_HEADER) != null || request.header(HeaderStyle.WORKSPACE_ID_HEADER) != null;
  }

  private static String workspaceHeaderNames(Request request) {
    if (request.header(HeaderStyle.ORG_ID_HEADER) != null && request.header(HeaderStyle.WORKSPACE_ID_HEADER) != null) {
      return HeaderStyle.ORG_ID_HEADER + " and " + HeaderStyle.WORKSPACE_ID_HEADER;
    }
    return request.header(HeaderStyle.ORG_ID_HEADER) != null ? HeaderStyle.ORG_ID_HEADER : HeaderStyle.WORKSPACE_ID_HEADER;
  }

  /** Declared, named or probed as serving one workspace: no unified-host hint applies there. */
  private static boolean knownSingleWorkspace(ProfileRuntime profile) {
    if (profile.hostKind() == HostKind.SPOG) {
      return false;
    }
    if (profile.hostKind() == HostKind.WORKSPACE || profile.host().classification() == HostClassification.WORKSPACE) {
      return true;
    }
    ProbeResult probe = profile.discovery().cachedResult();
    return probe != null && Discovery.classify(probe) == HostClassification.WORKSPACE;
  }

  private static String accountId(ProfileRuntime profile) {
    ProbeResult probe = profile.discovery().cachedResult();
    return probe == null ? null : probe.metadata().flatMap(HostMetadata::accountId).orElse(null);
  }

  private static String messages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null && all.length() < 64 * 1024; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  static void logOnce(Host host, Problem problem) {
    if (LOGGED.size() >= MAX_LOGGED) {
      LOGGED.clear(); // at worst a hint is logged once more
    }
    if (LOGGED.add(host.baseUrl() + '|' + problem.code())) {
      LOG.warn(problem.message());
    }
  }

  /** For tests: forget which hints were logged. */
  static void forgetLogged() {
    LOGGED.clear();
  }
}
