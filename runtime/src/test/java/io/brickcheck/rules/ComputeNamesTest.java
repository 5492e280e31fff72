package io.brickcheck.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ComputeNamesTest {

  @ParameterizedTest
  @CsvSource({
    "etl, openEtl",
    "nightly-batch, openNightlyBatch",
    "nightly_batch, openNightlyBatch",
    "Cluster1, openCluster1",
    "ETL, openETL",
    "a--b, openAB",
    "x_, openX"
  })
  void mapsNamesToMethods(String name, String method) {
    assertThat(ComputeNames.isValid(name)).isTrue();
    assertThat(ComputeNames.openMethod(name)).isEqualTo(method);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1etl", "-etl", "_etl", "etl.prod", "etl prod", "ételier", "e$"})
  void rejectsNamesThatCannotBecomeMethods(String name) {
    assertThat(ComputeNames.isValid(name)).isFalse();
  }
}
