/**
 * Brickcheck's rule engine: host, http path and JDBC URL parsers and the checks every profile
 * source shares. Depends on nothing outside {@code java.base}.
 *
 * <p>{@link io.brickcheck.rules} is the vocabulary users see ({@code Code}, {@code Problem},
 * {@code Host}, ...). {@code io.brickcheck.internal.rules} is the engine itself: not API, exported
 * only to Brickcheck's own modules.
 */
@SuppressWarnings("module") // the qualified exports name modules that are not on this module's path
module io.brickcheck.rules {
  exports io.brickcheck.rules;
  exports io.brickcheck.internal.rules to
      io.brickcheck.dbt,
      io.brickcheck.runtime,
      io.brickcheck.processor,
      io.brickcheck.cli,
      io.brickcheck.spring;
}
