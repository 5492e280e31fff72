/**
 * Not API: the doors to {@link io.brickcheck.Profiles} that take internal types, for the factories
 * the processor generates from a dbt profile (compiled in the user's module, so this package is
 * exported to every module, as Dagger's generated code calls {@code dagger.internal}) and for the
 * CLI. Nothing here is stable between releases.
 */
package io.brickcheck.internal.profiles;
