package io.brickcheck;

import io.brickcheck.internal.probe.DiscoveryProbe;
import io.brickcheck.internal.probe.HostMetadata;
import io.brickcheck.internal.probe.HostType;
import io.brickcheck.internal.probe.ProbeResult;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Host;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileChecker;
import io.brickcheck.internal.rules.ProfileReport;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a profile learns from its host's discovery answer, and when: at open (ASYNC without
 * waiting, BLOCKING within the budget), decided once per profile, each warning logged once per
 * process. The rules themselves are the rule engine's ({@link ProfileChecker#checkDiscovered}).
 */
final class Discovery {
  /** Loaded with the first warning: a profile without one loads no SLF4J on its caller's path. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger("io.brickcheck");
  }

  /** profile + code + compute + text: "each warning once per profile and code per process". */
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
  /** Programs that build profiles with ever-new names must not grow the set without bound. */
  private static final int MAX_WARNED = 4096;

  private final ProfileReport report;
  private final HostKind hostKind;
  private final RuntimeContext context;
  /** Null until a probe succeeded; then what its answer revealed (often nothing). */
  private volatile List<Problem> decided;
  private volatile CompletableFuture<Void> pending;

  /**
   * Undecided until the first open.
   *
   * @param report the static check's report: the host, the computes and their ids
   * @param hostKind what the profile declares about its host
   * @param context the probe and the options (probe mode, strictness)
   */
  Discovery(ProfileReport report, HostKind hostKind, RuntimeContext context) {
    this.report = report;
    this.hostKind = hostKind;
    this.context = context;
  }

  /** The hot path of every {@code open*()}: after the first decision, two volatile reads. */
  void onOpen() {
    List<Problem> known = decided;
    if (known != null) {
      failOnError(known);
      return;
    }
    DiscoveryProbe probe = context.probe();
    if (probe == null) {
      decided = List.of();
      return;
    }
    if (context.options().probeMode() == ProbeMode.BLOCKING) {
      decide(probe.probeAndWait(report.host().host()));
      List<Problem> now = decided;
      if (now != null) {
        failOnError(now);
      }
      return;
    }
    CompletableFuture<Void> inFlight = pending;
    if (inFlight == null || inFlight.isDone()) {
      // Never completes exceptionally: a failed probe is a result, logged by the probe.
      pending = probe.probe(report.host().host()).thenAccept(this::decide);
    }
  }

  private void decide(ProbeResult result) {
    if (!result.answered() || decided != null) {
      return; // a failure decides nothing: the next open after the negative cache asks again
    }
    // "No discovery here" classifies as UNKNOWN: the static rules stand, nothing is added.
    List<Problem> problems =
        ProfileChecker.checkDiscovered(report, classify(result), discoveredWorkspaceId(result));
    if (context.options().strict()) {
      problems = problems.stream().map(Problem::asError).toList();
    } else {
      warnOnce(report.spec().name(), problems);
    }
    decided = problems;
  }

  /**
   * Errors the host's answer revealed (in strict mode: every problem; otherwise {@code
   * HostWorkspaceMismatch}, which is an error wherever it is found) fail every open from the
   * moment they are known: the first open in BLOCKING mode, the first open after the answer in
   * ASYNC mode.
   */
  private static void failOnError(List<Problem> problems) {
    List<Problem> errors = problems.stream().filter(Problem::isError).toList();
    if (!errors.isEmpty()) {
      throw new DatabricksProfileException(errors);
    }
  }

  /** The numeric workspace id of a {@code workspace} host; null otherwise (opaque ids included). */
  static String discoveredWorkspaceId(ProbeResult result) {
    return result.metadata()
        .filter(m -> m.hostType().orElse(null) == HostType.WORKSPACE)
        .flatMap(HostMetadata::numericWorkspaceId)
        .orElse(null);
  }

  /** The problems the host's answer revealed, or null while undecided. */
  List<Problem> decidedProblems() {
    return decided;
  }

  /** The cached probe result, without starting a probe. */
  ProbeResult cachedResult() {
    DiscoveryProbe probe = context.probe();
    return probe == null ? null : probe.cached(report.host().host()).orElse(null);
  }

  static HostClassification classify(ProbeResult result) {
    HostType type = result.metadata().flatMap(HostMetadata::hostType).orElse(null);
    return type == null ? HostClassification.UNKNOWN : type.classification();
  }

  /**
   * The OAuth M2M token endpoint: the workspace's own, or on a unified host the account-rooted
   * one, which needs the account id that only discovery gives (so this may wait for the probe,
   * within its budget, even in ASYNC mode: a token request blocks anyway).
   *
   * @throws IOException when the host is unified and its account id is unknown
   */
  String tokenEndpoint() throws IOException {
    Host host = report.host().host();
    ProbeResult result = null;
    boolean unified;
    if (hostKind == HostKind.SPOG) {
      unified = true;
    } else if (hostKind == HostKind.WORKSPACE || host.classification() == HostClassification.WORKSPACE
        || context.probe() == null) {
      unified = false;
    } else {
      result = context.probe().probeAndWait(host);
      unified = classify(result) == HostClassification.SPOG;
    }
    if (!unified) {
      return host.baseUrl() + "/oidc/v1/token";
    }
    if (result == null && context.probe() != null) {
      result = context.probe().probeAndWait(host);
    }
    String accountId = result == null ? null : result.metadata().flatMap(HostMetadata::accountId).orElse(null);
    if (accountId == null) {
      String why =
          result == null
              ? "the probe is OFF"
              : result.failureReason()
                  .orElse(result.noDiscovery()
                      ? "the host has no discovery endpoint: HTTP " + result.noDiscoveryStatus().orElse(0)
                      : "it returned no usable account_id");
      throw new IOException(
          Code.ProbeFailed.tag() + " OAuth M2M on unified host \"" + host.name() + "\" needs the"
              + " account id from /.well-known/databricks-config, but discovery gave none (" + why
              + "). Token requests go to /oidc/accounts/<account-id>/v1/token on a unified host."
              + " Turn the probe on (ProbeMode.BLOCKING or ASYNC) and check that the host answers"
              + " discovery.");
    }
    return host.baseUrl() + "/oidc/accounts/" + accountId + "/v1/token";
  }

  /** The account-rooted endpoint when the host is unified, else null (the driver finds its own). */
  String unifiedTokenEndpointOrNull() throws IOException {
    String endpoint = tokenEndpoint();
    return endpoint.contains("/oidc/accounts/") ? endpoint : null;
  }

  static void warnOnce(String profileName, List<Problem> problems) {
    for (Problem p : problems) {
      if (WARNED.size() >= MAX_WARNED) {
        WARNED.clear(); // at worst a warning is logged once more
      }
      if (WARNED.add(profileName + '|' + p.code() + '|' + p.compute() + '|' + p.message())) {
        Log.LOG.warn(p.message());
      }
    }
  }
}
