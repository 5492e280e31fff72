package io.brickcheck.internal.dbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brickcheck.internal.dbt.GeneratedDbtOutput.Recipe;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The recipe a generated factory replays: what {@link GeneratedDbtOutput#recipe} takes from an
 * output read at compile time, the builder rebuilds at run time, to the same values, positions and
 * problems.
 */
class GeneratedDbtOutputRecipeTest {

  @ParameterizedTest
  @CsvSource({"templates.yml, jaffle_shop, prod", "recipe-hostile.yml, 'shop \"*/ caf\u00e9', 'pr\"od*/'"})
  void aRecipeReplaysToTheOutputItWasTakenFrom(String file, String profile, String target) {
    DbtSelection read = DbtTestFiles.parse(file).select(profile, target);
    assertThat(read.isSelected()).as("%s", read.problems()).isTrue();

    Recipe recipe = GeneratedDbtOutput.recipe(read.output());
    DbtSelection replayed = recipe.selection();

    assertThat(replayed.problems()).isEmpty();
    assertThat(GeneratedDbtOutput.recipe(replayed.output())).isEqualTo(recipe);
    // The rule engine sees the same values at the same places, with or without the environment.
    for (Map<String, String> env : List.of(Map.<String, String>of(), Map.of("WH", "w1", "E1", "x", "ETL_WH", "e"))) {
      assertThat(messages(replayed, env)).isEqualTo(messages(read, env).stream()
          .filter(m -> !m.contains("MissingSecretVariable")).toList()); // credentials are not replayed
    }
  }

  @Test
  void theRecipeHoldsTheValuesAsWrittenAndEveryTemplatesPosition() {
    Recipe recipe = GeneratedDbtOutput.recipe(DbtTestFiles.parse("templates.yml").select("jaffle_shop", "prod").output());

    assertThat(recipe.file()).isEqualTo("templates.yml");
    assertThat(recipe.targetPosition()).isEqualTo("4:5");
    assertThat(recipe.host().source()).isEqualTo("{{ env_var('DATABRICKS_HOST', 'peco.azuredatabricks.net') }}");
    assertThat(recipe.host().positions()).containsExactly("6:13", "6:14");
    assertThat(recipe.defaultHttpPath().positions()).containsExactly("7:18", "7:39");
    assertThat(recipe.computes()).extracting(GeneratedDbtOutput.Compute::name).containsExactly("etl", "Cluster1");
    assertThat(recipe.computes().get(0).namePosition()).isEqualTo("10:9");
    assertThat(recipe.computes().get(1).httpPath().positions()).containsExactly("13:22");
  }

  @Test
  void aPositionIsLineColonColumnAndNothingElse() {
    GeneratedDbtOutput.Builder b = GeneratedDbtOutput.builder("profiles.yml", "p", "t", "1:1");
    for (String bad : List.of("1", "1:2:3", "a:b", "", "1;2")) {
      assertThatThrownBy(() -> b.host("h", bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private static List<String> messages(DbtSelection selection, Map<String, String> env) {
    return selection.check(env, HostClassification.UNKNOWN).problems().stream().map(Problem::message).toList();
  }
}
