package io.brickcheck.rules;

/** The shape of an http path. */
public enum PathKind {
  /** {@code sql/1.0/warehouses/<id>}. */
  WAREHOUSE,
  /** {@code sql/1.0/endpoints/<id>}, the older name of a SQL warehouse path. */
  ENDPOINT,
  /** {@code sql/protocolv1/o/<workspace-id>/<cluster-id>}, an all-purpose cluster. */
  CLUSTER,
  /** A path that is usable but not a known shape ({@link Code#UnrecognizedHttpPath}). */
  UNRECOGNIZED,
  /** A path that cannot be used at all ({@link Code#InvalidHttpPath}). */
  INVALID
}
