package io.brickcheck.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.ComputeNameRule;
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

  /** Issue 10 kind 8: dbt's compute: keys are any text; each maps to one method, field and constant. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "etl.hourly    | openEtlHourly      | ETL_HOURLY",
    "2xl_warehouse | open2xlWarehouse   | COMPUTE_2XL_WAREHOUSE",
    "etl prod      | openEtlProd        | ETL_PROD",
    "1etl          | open1etl           | COMPUTE_1ETL",
    "-etl          | openEtl            | _ETL",
    "_etl          | openEtl            | _ETL",
    "e$            | openE              | E_",
    "sql/wh:1      | openSqlWh1         | SQL_WH_1",
    "Cluster1      | openCluster1       | CLUSTER1",
    "nightly-batch | openNightlyBatch   | NIGHTLY_BATCH",
    "a--b          | openAB             | A__B"
  })
  void dbtNamesMapToJavaNames(String name, String method, String constant) {
    assertThat(ComputeNames.isValid(name, ComputeNameRule.DBT)).isTrue();
    assertThat(ComputeNames.openMethod(name)).isEqualTo(method);
    assertThat(ComputeNames.constantPrefix(name)).isEqualTo(constant);
    assertThat(javax.lang.model.SourceVersion.isIdentifier(method)).isTrue();
    assertThat(javax.lang.model.SourceVersion.isIdentifier(constant + "_HTTP_PATH")).isTrue();
    assertThat(javax.lang.model.SourceVersion.isIdentifier("connection" + ComputeNames.methodSuffix(name))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "...", "-_-", "ételier", "caf\u00e9", "etl\u202Ehourly", "etl\u200Bx", "a\tb",
      "a\nb"})
  void dbtNamesWithoutAsciiWordsOrWithOtherCharactersAreRefused(String escaped) {
    String name = escaped.translateEscapes();
    assertThat(ComputeNames.isValid(name, ComputeNameRule.DBT)).as(escaped).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"etl", "nightly-batch", "Cluster1", "a--b", "x_"})
  void brickcheckNamesKeepTheirConstants(String name) {
    assertThat(ComputeNames.constantPrefix(name)).isEqualTo(name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }
}
