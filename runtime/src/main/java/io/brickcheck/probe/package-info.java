/**
 * The runtime's discovery probe: asks a Databricks host what it is through {@code GET
 * <host>/.well-known/databricks-config} (CONTRACT.md, "Discovery probe").
 *
 * <p><b>Brickcheck-internal.</b> The public types here exist so that Brickcheck's own connection
 * plumbing can use them from another package; they are not a supported API for applications and
 * may change in any release.
 *
 * <p>Entry point: {@link io.brickcheck.probe.DiscoveryProbe}. One instance per process (or per
 * options object) holds the per-host cache; it is thread-safe. What it guarantees:
 *
 * <ul>
 *   <li>no credentials and no workspace header on the request, whatever client it was given;
 *   <li>bounded: an overall budget (default 2 s), a per-attempt timeout, at most 3 attempts;
 *   <li>one request sequence per host at a time (single-flight), results cached per host;
 *   <li>never throws and never completes a future exceptionally: a failure is a {@link
 *       io.brickcheck.probe.ProbeResult} with a reason, logged once per host per negative-cache
 *       period as a {@code [DatabricksProfile/ProbeFailed]} warning.
 * </ul>
 */
package io.brickcheck.probe;
