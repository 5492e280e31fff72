package io.brickcheck.internal.dbt;

/**
 * One entry of an output's {@code compute:} block: {@code Cluster1: {http_path: ...}}.
 *
 * @param name the compute's name, as written (the rule engine judges it)
 * @param namePosition where the name is written, for problems about the name
 * @param httpPath its http path
 */
public record DbtCompute(String name, YamlPosition namePosition, DbtValue httpPath) {}
