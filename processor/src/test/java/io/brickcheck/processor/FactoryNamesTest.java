package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every generated name comes from FactoryNames; every name it suggests passes its own rule. */
class FactoryNamesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "default       | openDefault       | DEFAULT_HTTP_PATH               | DEFAULT_WORKSPACE_ID",
    "nightly-batch | openNightlyBatch  | NIGHTLY_BATCH_HTTP_PATH         | NIGHTLY_BATCH_WORKSPACE_ID",
    "etl.hourly    | openEtlHourly     | ETL_HOURLY_HTTP_PATH            | ETL_HOURLY_WORKSPACE_ID",
    "2xl_warehouse | open2xlWarehouse  | COMPUTE_2XL_WAREHOUSE_HTTP_PATH | COMPUTE_2XL_WAREHOUSE_WORKSPACE_ID",
    "ETL           | openETL           | ETL_HTTP_PATH                   | ETL_WORKSPACE_ID"
  })
  void computeNamesBecomeTheFactorysMembers(
      String compute, String open, String httpPath, String workspaceId) {
    assertThat(FactoryNames.openMethod(compute)).isEqualTo(open);
    assertThat(FactoryNames.httpPathConstant(compute)).isEqualTo(httpPath);
    assertThat(FactoryNames.workspaceIdConstant(compute)).isEqualTo(workspaceId);
  }

  @ParameterizedTest
  @CsvSource({
    "ANALYTICS_PROD, AnalyticsProd",
    "analyticsProd, AnalyticsProd",
    "WAREHOUSE, Warehouse",
    "analytics_prod, AnalyticsProd",
    "A, A",
    "_X_, X",
    "caf\u00e9_bar, Caf\u00e9Bar",
    "CAF\u00c9_BAR, Caf\u00e9Bar",
    "\u0394\u0395\u039b\u03a4\u0391, \u0394\u03b5\u03bb\u03c4\u03b1",
    "my$field, My$field"
  })
  void fieldNamesBecomeUpperCamelBases(String field, String base) {
    assertThat(FactoryNames.derivedBase(field, false)).isEqualTo(base);
    assertThat(FactoryNames.derivedBase(field, true)).isEqualTo(field);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Analytics", "Caf\u00e9", "\u30c7\u30fc\u30bf", "A1", "$Dollar", "_x", "Int", "True"})
  void classNamesAreIdentifiersThatAreNotKeywords(String base) {
    assertThat(FactoryNames.isClassName(base)).isTrue();
    assertThat(FactoryNames.baseOf(FactoryNames.factoryClass(base))).isEqualTo(base);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "class", "int", "true", "null", "_", "9lives", "my-factory", "a b", "a.b", "record\u0000", "A\u202eB", "A\u200dB", "A\u00adB"})
  void notClassNames(String base) {
    assertThat(FactoryNames.isClassName(base)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(value = {
    "class, Class",
    "int, Int",
    "my-factory, MyFactory",
    "nightly batch, NightlyBatch",
    "WEIRD_NAME!, WeirdName",
    "9lives, Analytics",
    "'', Analytics",
    "---, Analytics",
    "AnalyticsConnectionFactory-, Analytics"
  })
  void aSuggestedFactoryNamePassesTheRuleThatRefusedTheGivenOne(String given, String suggested) {
    assertThat(FactoryNames.suggestFactoryName(given)).isEqualTo(suggested);
    assertThat(FactoryNames.isClassName(suggested)).isTrue();
  }

  @Test
  void suggestionsForArbitraryTextAlwaysPassTheRule() {
    Random random = new Random(12);
    String alphabet = "aZ_9$-. \u00e9\u0394\u30c7\u0000/\\\"";
    for (int n = 0; n < 2_000; n++) {
      StringBuilder given = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        given.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertWithMessage("suggestion for %s", given)
          .that(FactoryNames.isClassName(FactoryNames.suggestFactoryName(given.toString())))
          .isTrue();
    }
  }

  /** A name with an invisible character is refused where it is written, with a visible fix. */
  @Test
  void aFactoryNameWithAnInvisibleCharacterIsRefusedOnTheAttribute() {
    javax.tools.JavaFileObject src = Sources.source(
        "P",
        "@DatabricksProfile(",
        "    host = \"" + Sources.HOST + "\",",
        "    httpPath = \"" + Sources.WAREHOUSE + "\",",
        "    factoryName = \"Ana\\u202elytics\")",
        "interface P {}");
    com.google.testing.compile.Compilation c = Sources.compile(src);
    com.google.testing.compile.CompilationSubject.assertThat(c).failed();
    com.google.testing.compile.CompilationSubject.assertThat(c)
        .hadErrorContaining(io.brickcheck.rules.Code.InvalidFactoryName.tag() + " factoryName \"Ana\\u202elytics\"")
        .inFile(src)
        .onLineContaining("factoryName = ");
    com.google.testing.compile.CompilationSubject.assertThat(c).hadErrorContaining("Use factoryName = \"AnaLytics\"");
    assertThat(Sources.generated(c)).isEmpty();
  }

  /** The clash fix: the element's own name, else the enclosing type in front, else a 2. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    // base     | own name         | type? | outer     | free name
    "Shared     | Analytics        | true  | ''        | Analytics",
    "Analytics  | Analytics        | true  | Outer     | OuterAnalytics",
    "Analytics  | Analytics        | true  | ''        | Analytics2",
    "Analytics  | ANALYTICS        | false | Profiles  | ProfilesAnalytics",
    "Shared     | ANALYTICS_PROD   | false | Profiles  | AnalyticsProd",
    "Profiles1  | Profiles1        | true  | Profiles  | Profiles12",
    "Shared     | CAF\u00c9        | false | Outer     | Caf\u00e9",
    "Shared     | __               | false | Outer     | OuterShared",
    "Shared     | __               | false | ''        | Shared2"
  })
  void aFreeNameDiffersFromTheClashingOneAndPassesTheRule(
      String base, String own, boolean isType, String outer, String free) {
    String name = FactoryNames.freeName(base, own, isType, outer);
    assertThat(name).isEqualTo(free);
    assertThat(name).isNotEqualTo(base);
    assertThat(FactoryNames.isClassName(name)).isTrue();
  }

  @Test
  void anAsciiNameDropsAccentsOrFallsBack() {
    assertThat(FactoryNames.asciiName("Caf\u00e9")).isEqualTo("Cafe");
    assertThat(FactoryNames.asciiName("\u00c9t\u00e9")).isEqualTo("Ete");
    assertThat(FactoryNames.asciiName("\u30c7\u30fc\u30bf")).isEqualTo(FactoryNames.FALLBACK);
    assertThat(FactoryNames.asciiName("Plain")).isEqualTo(FactoryNames.FALLBACK); // nothing to drop
    for (String base : List.of("Caf\u00e9", "\u00c9t\u00e9", "\u30c7\u30fc\u30bf", "\u0394x")) {
      assertThat(FactoryNames.isClassName(FactoryNames.asciiName(base))).isTrue();
    }
  }
}
