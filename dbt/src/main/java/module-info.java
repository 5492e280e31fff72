/**
 * Brickcheck's dbt {@code profiles.yml} reader: finds the file as dbt does, reads it with
 * SnakeYAML's limits, and checks the selected output with the rule engine.
 *
 * <p>{@code io.brickcheck.internal.dbt} is not API. It is exported to every module only because
 * the factories the processor generates for a dbt profile (compiled in the user's module) rebuild
 * their output with {@code GeneratedDbtOutput}, as Dagger's generated code calls
 * {@code dagger.internal}.
 */
module io.brickcheck.dbt {
  requires transitive io.brickcheck.rules;
  requires org.yaml.snakeyaml;

  exports io.brickcheck.internal.dbt;
}
