package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.PathKind;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.WorkspaceIdSource;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpPathParserTest {

  /** Columns: input | kind | resource id | workspace id | source | codes found, in order. */
  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      emptyValue = "",
      textBlock = """
          # The contract's own examples.
          /sql/1.0/warehouses/abc?o=6436897454825492               | WAREHOUSE    | abc  | 6436897454825492 | QUERY        |
          sql/protocolv1/o/1234567890/0123-456789-abcdefgh        | CLUSTER      | 0123-456789-abcdefgh | 1234567890 | CLUSTER_PATH |
          /sql/1.0/warehouses/abc?o=&o=222                         | WAREHOUSE    | abc  | 222  | QUERY        | EmptyWorkspaceId
          /sql/1.0/warehouses/abc?o=12a                            | WAREHOUSE    | abc  | null | NONE         | InvalidWorkspaceId
          /sql/1.0/warehouses/abc?o=111&o=222                      | WAREHOUSE    | abc  | null | NONE         | ConflictingWorkspaceIds
          # Shapes: one optional leading and trailing slash.
          sql/1.0/warehouses/abc                                   | WAREHOUSE    | abc  | null | NONE         |
          /sql/1.0/warehouses/abc/                                 | WAREHOUSE    | abc  | null | NONE         | DriverMisreadsHttpPath
          /sql/1.0/endpoints/abc?o=5                               | ENDPOINT     | abc  | 5    | QUERY        |
          /sql/protocolv1/o/123/0123-456789-abc/?o=123             | CLUSTER      | 0123-456789-abc | 123 | QUERY        | DriverMisreadsHttpPath
          //sql/1.0/warehouses/abc                                 | INVALID      | null | null | NONE         | InvalidHttpPath
          /sql/1.0/warehouses/abc//                                | UNRECOGNIZED | null | null | NONE         | UnrecognizedHttpPath
          /sql/1.0/warehouses/                                     | UNRECOGNIZED | null | null | NONE         | UnrecognizedHttpPath
          /sql/1.0/warehouses/abc/extra                            | UNRECOGNIZED | null | null | NONE         | UnrecognizedHttpPath
          /sql/2.0/warehouses/abc?o=7                              | UNRECOGNIZED | null | 7    | QUERY        | UnrecognizedHttpPath
          sql/protocolv1/o/abc/0123-456789-abc                     | UNRECOGNIZED | null | null | NONE         | UnrecognizedHttpPath
          # Canonical ids: leading zeros go, 0 stays 0; the path itself is not rewritten.
          /sql/1.0/warehouses/abc?o=00123                          | WAREHOUSE    | abc  | 123  | QUERY        |
          /sql/1.0/warehouses/abc?o=0                              | WAREHOUSE    | abc  | 0    | QUERY        |
          /sql/1.0/warehouses/abc?o=000                            | WAREHOUSE    | abc  | 0    | QUERY        |
          /sql/1.0/warehouses/abc?o=0123&o=123                     | WAREHOUSE    | abc  | 123  | QUERY        |
          /sql/1.0/warehouses/abc?o=9223372036854775807            | WAREHOUSE    | abc  | 9223372036854775807 | QUERY |
          /sql/1.0/warehouses/abc?o=9223372036854775808            | WAREHOUSE    | abc  | null | NONE         | InvalidWorkspaceId
          /sql/1.0/warehouses/abc?o=0000000000000000001            | WAREHOUSE    | abc  | 1    | QUERY        |
          /sql/1.0/warehouses/abc?o=00000000000000000001           | WAREHOUSE    | abc  | null | NONE         | InvalidWorkspaceId
          # Query parsing: first ?, & splits, empty segments skipped, first = splits, percent and + decoded.
          /sql/1.0/warehouses/abc?&&o=42&                          | WAREHOUSE    | abc  | 42   | QUERY        |
          /sql/1.0/warehouses/abc?x=1&o=42&y                       | WAREHOUSE    | abc  | 42   | QUERY        |
          /sql/1.0/warehouses/abc?o=4%32                           | WAREHOUSE    | abc  | 42   | QUERY        |
          /sql/1.0/warehouses/abc?%6F=42                           | WAREHOUSE    | abc  | 42   | QUERY        |
          /sql/1.0/warehouses/abc?o=42?o=43                        | WAREHOUSE    | abc  | null | NONE         | InvalidWorkspaceId
          /sql/1.0/warehouses/abc?o=1=2                            | WAREHOUSE    | abc  | null | NONE         | InvalidWorkspaceId
          /sql/1.0/warehouses/abc?o                                | WAREHOUSE    | abc  | null | NONE         | EmptyWorkspaceId
          /sql/1.0/warehouses/abc?o=+                              | WAREHOUSE    | abc  | null | NONE         | EmptyWorkspaceId
          /sql/1.0/warehouses/abc?o=%20                            | WAREHOUSE    | abc  | null | NONE         | EmptyWorkspaceId
          /sql/1.0/warehouses/abc?o=&o=                            | WAREHOUSE    | abc  | null | NONE         | EmptyWorkspaceId
          /sql/1.0/warehouses/abc?o=%2012                          | WAREHOUSE    | abc  | null | NONE         | InvalidWorkspaceId
          /sql/1.0/warehouses/abc?o=-1                             | WAREHOUSE    | abc  | null | NONE         | InvalidWorkspaceId
          /sql/1.0/warehouses/abc?o=%D9%A1                         | WAREHOUSE    | abc  | null | NONE         | InvalidWorkspaceId
          /sql/1.0/warehouses/abc?O=42                             | WAREHOUSE    | abc  | null | NONE         | UppercaseWorkspaceKey
          /sql/1.0/warehouses/abc?O=42&o=42                        | WAREHOUSE    | abc  | 42   | QUERY        | UppercaseWorkspaceKey
          /sql/1.0/warehouses/abc?oo=42&xo=1                       | WAREHOUSE    | abc  | null | NONE         |
          /sql/1.0/warehouses/abc?o=12a&o=13b                      | WAREHOUSE    | abc  | null | NONE         | InvalidWorkspaceId,InvalidWorkspaceId
          /sql/1.0/warehouses/abc?o=12a&o=13                       | WAREHOUSE    | abc  | 13   | QUERY        | InvalidWorkspaceId
          # Cluster paths: the /o/<id>/ segment is a second source.
          sql/protocolv1/o/0123/0123-456789-abc                    | CLUSTER      | 0123-456789-abc | 123 | CLUSTER_PATH |
          sql/protocolv1/o/123/0123-456789-abc?o=0123              | CLUSTER      | 0123-456789-abc | 123 | QUERY        | DriverMisreadsHttpPath
          sql/protocolv1/o/123/0123-456789-abc?o=124               | CLUSTER      | 0123-456789-abc | null | QUERY | DriverMisreadsHttpPath,PathQueryMismatch
          sql/protocolv1/o/99999999999999999999/c                  | CLUSTER      | c    | null | NONE         | InvalidWorkspaceId
          sql/protocolv1/o/123/c?o=                                | CLUSTER      | c    | 123  | CLUSTER_PATH | EmptyWorkspaceId,DriverMisreadsHttpPath
          """)
  void parsesAsTheContractSays(
      String input, PathKind kind, String resourceId, String workspaceId, WorkspaceIdSource source, String codes) {
    HttpPathResult result = HttpPathParser.parse(input);

    assertThat(result.input()).isEqualTo(input);
    assertThat(result.kind()).as("kind").isEqualTo(kind);
    assertThat(result.resourceId()).as("resource id").isEqualTo(resourceId);
    assertThat(result.workspaceId()).as("workspace id").isEqualTo(workspaceId);
    assertThat(result.source()).as("source").isEqualTo(source);
    assertThat(codes(result)).as("codes").isEqualTo(expectedCodes(codes));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          ' '                                                 | is empty
          '/sql/1.0/warehouses/abc\\n'                        | whitespace or a control character at index 23
          '/sql/1.0/warehouses/abc?o=1 23'                    | whitespace or a control character at index 27
          '/sql/1.0/ware\\u0000houses/abc'                    | whitespace or a control character at index 13
          '/sql/1.0/warehouses/abc\\u00a0'                    | whitespace or a control character at index 23
          '/sql/1.0/warehouses/abc#frag'                      | contains "#" at index 23
          '/sql/1.0/warehouses/abc?o=1;AuthMech=3'            | contains ";" at index 27
          '/sql/1.0/warehouses/abc?o=%zz'                     | malformed percent escape "%zz" at index 26
          '/sql/1.0/warehouses/abc?o=12%'                     | malformed percent escape "%" at index 28
          '/sql/1.0/warehouses/abc?o=12%4'                    | malformed percent escape "%4" at index 28
          'https://peco.azuredatabricks.net/sql/1.0/warehouses/abc' | contains a scheme or a host
          '//peco.azuredatabricks.net/sql/1.0/warehouses/abc' | contains a scheme or a host
          'peco.azuredatabricks.net/sql/1.0/warehouses/abc'   | contains a scheme or a host
          'jdbc:databricks:x'                                 | contains a scheme or a host
          """)
  void rejectsUnusablePaths(String input, String expected) {
    HttpPathResult result = HttpPathParser.parse(unescape(input));

    assertThat(result.kind()).isEqualTo(PathKind.INVALID);
    assertThat(result.workspaceId()).isNull();
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.InvalidHttpPath);
      assertThat(p.message()).startsWith("[DatabricksProfile/InvalidHttpPath] http path \"").contains(expected);
    });
  }

  @Test
  void quotesValuesWithControlCharactersEscaped() {
    String message = HttpPathParser.parse("/sql/1.0/warehouses/abc?o=1\u0007").problems().get(0).message();

    assertThat(message).contains("\"/sql/1.0/warehouses/abc?o=1\\u0007\"").doesNotContain("\u0007");
  }

  @Test
  void showsTheInvalidIdDecoded() {
    Problem p = HttpPathParser.parse("/sql/1.0/warehouses/abc?o=12%0A").problems().get(0);

    assertThat(p.code()).isEqualTo(Code.InvalidWorkspaceId);
    assertThat(p.message()).contains("workspace id \"12\\n\"");
  }

  @Test
  void cutsVeryLongValuesInMessages() {
    String path = "/sql/1.0/warehouses/" + "a".repeat(10_000) + "?o=x";

    String message = HttpPathParser.parse(path).problems().get(0).message();

    assertThat(message).contains("(cut, 10024 characters in all)").hasSizeLessThan(1_000);
  }

  @Test
  void treatsNullAsEmpty() {
    assertThat(codes(HttpPathParser.parse(null))).containsExactly(Code.InvalidHttpPath);
  }

  @Test
  void conflictNamesBothIdsAndDriverBehaviour() {
    String message = HttpPathParser.parse("/sql/1.0/warehouses/abc?o=111&o=222").problems().get(0).message();

    assertThat(message).contains("\"111\" and \"222\"").contains("drivers silently take the first");
  }

  @Test
  void knowsWhetherTheIdTravelsAsAQueryParameter() {
    assertThat(HttpPathParser.parse("/sql/1.0/warehouses/a?o=1").hasQueryWorkspaceId()).isTrue();
    assertThat(HttpPathParser.parse("sql/protocolv1/o/1/c").hasQueryWorkspaceId()).isFalse();
  }

  static List<Code> codes(HttpPathResult result) {
    return result.problems().stream().map(Problem::code).toList();
  }

  static List<Code> expectedCodes(String codes) {
    return codes == null || codes.isBlank()
        ? List.of()
        : Arrays.stream(codes.split(",")).map(String::trim).map(Code::valueOf).toList();
  }

  static String unescape(String s) {
    return s.replace("\\n", "\n").replace("\\u0000", "\u0000").replace("\\u00a0", "\u00a0");
  }
}
