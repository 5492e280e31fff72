package io.brickcheck.internal.rules;

/**
 * A named compute as declared: {@code @Compute(name = ..., httpPath = ...)}, a {@code --compute}
 * flag or a dbt {@code compute:} entry. Values are kept as given; the checker judges them.
 */
public record ComputeSpec(String name, String httpPath) {}
