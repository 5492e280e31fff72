package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Severity;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10, kinds 6 and 7: workspace keys no driver reads, and http paths databricks-jdbc misreads.
 * The driver's own URL parser (the databricks-jdbc on the test class path, 3.4.5) shows each misread
 * form really is misread, and that each suggested fix is read as meant.
 */
class NearMissAndMisreadTest {
  static final String WH = "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8";
  static final String CLUSTER = "sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh";

  /** Columns: path | the key quoted | the suggested path. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?0=1234567890123456             | "0"            | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=1234567890123456
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8&o=1234567890123456             | "&o="          | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=1234567890123456
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?org=1234567890123456           | "org"          | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=1234567890123456
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?orgId=1234567890123456         | "orgId"        | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=1234567890123456
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?workspace_id=1234567890123456  | "workspace_id" | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=1234567890123456
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?workspaceId=1234567890123456   | "workspaceId"  | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=1234567890123456
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?w=1234567890123456             | "w"            | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=1234567890123456
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?x=1&W=1234567890123456         | "W"            | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?x=1&o=1234567890123456
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8%3Fo%3D1234567890123456         | "%3Fo%3D"      | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=1234567890123456
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8%3fo=1234567890123456           | "%3fo="        | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=1234567890123456
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o%3D1234567890123456           | "o=1234567890123456" | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=1234567890123456
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8??o=1234567890123456            | "?o"           | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=1234567890123456
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o%20=1234567890123456          | "o "           | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=1234567890123456
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?%20o=1234567890123456          | " o"           | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=1234567890123456
          """)
  void aNearMissOfTheWorkspaceKeyIsAWarningQuotingTheKey(String path, String key, String fix) {
    HttpPathResult result = HttpPathParser.parse(path);

    assertThat(result.workspaceId()).isNull();
    assertThat(result.problems()).filteredOn(p -> p.code() == Code.WorkspaceKeyNearMiss).singleElement().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(Severity.WARNING);
      assertThat(p.message()).contains(key).contains("\"o\"").contains("?o=");
      assertThat(p.suggestion()).isEqualTo(fix);
    });
    HttpPathResult fixed = HttpPathParser.parse(fix);
    assertThat(fixed.problems()).isEmpty();
    assertThat(fixed.workspaceId()).isEqualTo("1234567890123456");
  }

  @ParameterizedTest
  @CsvSource({
    "/sql/1.0/warehouses/abc?oo=1&o=42", "/sql/1.0/warehouses/abc?xo=1&o=42", "/sql/1.0/warehouses/abc?org_name=x&o=42",
    "/sql/1.0/warehouses/abc?wh=1&o=42", "/sql/1.0/warehouses/abc&x=1", "/sql/1.0/warehouses/abc%3Fx?o=42"
  })
  void otherKeysAreNoNearMiss(String path) {
    assertThat(HttpPathParser.parse(path).problems()).extracting(Problem::code).doesNotContain(Code.WorkspaceKeyNearMiss);
  }

  /**
   * Spaces around the key are worse than a near miss (no URL may hold them): an error, with the
   * path without them proposed; a space inside a value is not guessed away.
   */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      textBlock = """
          '/sql/1.0/warehouses/abc?o = 1234567890123456'   | /sql/1.0/warehouses/abc?o=1234567890123456
          '/sql/1.0/warehouses/abc ?o=1234567890123456'    | /sql/1.0/warehouses/abc?o=1234567890123456
          '/sql/1.0/warehouses/abc?x=1 & o=42'             | /sql/1.0/warehouses/abc?x=1&o=42
          ' /sql/1.0/warehouses/abc?o=42\t'               | /sql/1.0/warehouses/abc?o=42
          '/sql/1.0/warehouses/abc?o=1234 567890123456'    | null
          '/sql/1.0/ware houses/abc?o=42'                  | null
          """)
  void spacesAroundTheKeyAreAnErrorWithThePathWithoutThem(String path, String fix) {
    Problem p = HttpPathParser.parse(path.replace("\\t", "\t")).problems().get(0);

    assertThat(p.code()).isEqualTo(Code.InvalidHttpPath);
    assertThat(p.suggestion()).isEqualTo(fix);
    assertThat(p.message()).endsWith(fix == null ? "Remove it (copied values often end in a newline)." : "Use " + Text.quote(fix) + ".");
  }

  /** Each near miss also in a dbt value whose path is known only at run time: the query is judged alone. */
  @ParameterizedTest
  @CsvSource({"0=42", "org=42", "workspace_id=42", "w=42", "o%3D42"})
  void aNearMissInALiteralQueryIsFoundBeforeRunTime(String query) {
    assertThat(HttpPathParser.checkQuery("/sql/1.0/warehouses/{{ env_var('WH') }}?" + query, query))
        .extracting(Problem::code).containsExactly(Code.WorkspaceKeyNearMiss);
  }

  /** Columns: path | what databricks-jdbc 3.4.5 reads as the id | the suggested path, which it reads right. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8/?o=1234567890123456                | a1b2c3d4e5f6a7b8/                                | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=1234567890123456
          /sql/1.0/warehouses/a1b2c3d4e5f6a7b8/                                   | a1b2c3d4e5f6a7b8/                                | /sql/1.0/warehouses/a1b2c3d4e5f6a7b8
          sql/1.0/endpoints/a1b2c3d4e5f6a7b8/                                     | a1b2c3d4e5f6a7b8/                                | sql/1.0/endpoints/a1b2c3d4e5f6a7b8
          sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh?o=1234567890123456 | 0123-456789-abcdefgh?o=1234567890123456        | sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh
          /sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh/                | 0123-456789-abcdefgh/                            | /sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh
          sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh?x=1              | 0123-456789-abcdefgh?x=1                         | sql/protocolv1/o/1234567890123456/0123-456789-abcdefgh
          """)
  void aFormTheDriverMisreadsIsAWarningWithAFormItReadsRight(String path, String driverReads, String fix) throws Exception {
    assertThat(driverId(path)).as("what the driver itself reads").isEqualTo(driverReads);

    HttpPathResult result = HttpPathParser.parse(path);
    assertThat(result.problems()).filteredOn(p -> p.code() == Code.DriverMisreadsHttpPath).singleElement().satisfies(p -> {
      assertThat(p.severity()).isEqualTo(Severity.WARNING);
      assertThat(p.message()).contains("databricks-jdbc reads").contains(Text.quote(driverReads)).endsWith("Use " + Text.quote(fix) + ".");
      assertThat(p.suggestion()).isEqualTo(fix);
    });
    assertThat(result.input()).as("the path is never rewritten").isEqualTo(path);
    assertThat(HttpPathParser.parse(fix).problems()).isEmpty();
    assertThat(driverId(fix)).isEqualTo(result.resourceId());
  }

  /** Forms the driver reads right get no warning: the rule is no stricter than the driver. */
  @ParameterizedTest
  @CsvSource({WH + "?o=1234567890123456", WH + "?o=1&x=2", CLUSTER, "/" + CLUSTER})
  void formsTheDriverReadsRightGetNoWarning(String path) throws Exception {
    HttpPathResult result = HttpPathParser.parse(path);

    assertThat(result.problems()).isEmpty();
    assertThat(driverId(path)).isEqualTo(result.resourceId());
  }

  /** The warehouse or cluster id databricks-jdbc's own URL parser takes from {@code httpPath}; no connection is made. */
  static String driverId(String httpPath) throws Exception {
    Class<?> factory = Class.forName("com.databricks.jdbc.api.impl.DatabricksConnectionContextFactory");
    Object context = factory.getMethod("create", String.class, Properties.class).invoke(null,
        "jdbc:databricks://example.cloud.databricks.com:443/default;transportMode=http;ssl=1;AuthMech=3;httpPath=" + httpPath,
        new Properties());
    Object compute = context.getClass().getMethod("getComputeResource").invoke(context);
    for (String getter : List.of("getWarehouseId", "getClusterId")) {
      try {
        return (String) compute.getClass().getMethod(getter).invoke(compute);
      } catch (NoSuchMethodException e) {
        // the other kind of compute
      }
    }
    throw new AssertionError("unknown compute " + compute);
  }
}
