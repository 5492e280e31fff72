/**
 * The runtime's discovery probe: asks a Databricks host what it is through {@code GET
 * <host>/.well-known/databricks-config} (docs/rules.md, "Discovery (run time)").
 *
 * <p><b>Brickcheck-internal.</b> The public types here exist so that Brickcheck's own connection
 * plumbing can use them from another package; they are not a supported API for applications and
 * may change in any release.
 *
 * <p>Entry point: {@link io.brickcheck.internal.probe.DiscoveryProbe}. One instance per process (or per
 * options object) holds the per-host cache; it is thread-safe. The rules it follows:
 *
 * <ul>
 *   <li><b>Nothing secret goes out.</b> The request is {@code GET <baseUrl>/.well-known/
 *       databricks-config} with {@code Accept: application/json}, sent through a client derived
 *       from the caller's without interceptors, network interceptors, cookies, authenticator or
 *       cache, so no credential and no workspace header can reach it. Redirects are never
 *       followed (a 3xx is a failure).
 *   <li><b>Only a JSON object is metadata, read field by field.</b> Strict UTF-8, strict JSON,
 *       nesting limit 32, body capped (64 KiB by default, after gzip decoding); a known field
 *       with the wrong type, a malformed value or a repeat is dropped and named in {@link
 *       io.brickcheck.internal.probe.HostMetadata#droppedFields()}, the other fields are used; unknown
 *       fields are skipped; {@code host_type} compares case-insensitively; a non-numeric {@code
 *       workspace_id} is an opaque identifier; {@code {account_id}} in {@code oidc_endpoint} is
 *       filled in.
 *   <li><b>No discovery is an answer.</b> 404, 405 or 501 means the host has no discovery
 *       endpoint ({@link io.brickcheck.internal.probe.ProbeResult#noDiscovery()}): cached like a success,
 *       never warned about.
 *   <li><b>Bounded.</b> At most 3 attempts (default) inside an overall budget (2 s default),
 *       each attempt at most 750 ms. Only I/O errors, 5xx and 429 are retried, after a jittered
 *       backoff (100 ms, 200 ms, ... each between half and all of it); a {@code Retry-After}
 *       is honoured when it fits in the budget, else the probe stops. Other statuses end it.
 *       When the budget is spent the probe ends and the request in flight is cancelled.
 *   <li><b>Single-flight and cached.</b> Concurrent callers for one host share one probe. A
 *       success is cached for 1 h, a failure for 60 s (negative cache); at most 1024 hosts are
 *       kept (least recently used dropped beyond; {@link
 *       io.brickcheck.internal.probe.ProbeSettings#maxCachedHosts()}).
 *   <li><b>Never an exception.</b> A failure is a {@link io.brickcheck.internal.probe.ProbeResult} with a
 *       short reason (escaped, at most 300 characters, never a header or body of the response),
 *       and one {@code [DatabricksProfile/ProbeFailed]} warning per host per negative-cache
 *       period (SLF4J logger {@code io.brickcheck.internal.probe}, WARN).
 *   <li><b>No stray threads.</b> Work runs on daemon threads named {@code brickcheck-probe-N},
 *       without a context class loader, started only when a probe runs and ended after 5 idle
 *       seconds; {@link io.brickcheck.internal.probe.DiscoveryProbe#close()} (and {@code
 *       Brickcheck.shutdown()}) ends them at once.
 * </ul>
 */
package io.brickcheck.internal.probe;
