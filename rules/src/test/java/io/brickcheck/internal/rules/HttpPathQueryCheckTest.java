package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link HttpPathParser#checkQuery}: the query rules alone, for paths completed at run time. */
class HttpPathQueryCheckTest {
  static final String SHOWN = "/sql/1.0/warehouses/{{ env_var('WH') }}?o=12a";

  @Test
  void invalidIdInALiteralQueryIsReportedQuotingTheValueAsWritten() {
    assertThat(HttpPathParser.checkQuery(SHOWN, "o=12a"))
        .extracting(Problem::code, Problem::message)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Code.InvalidWorkspaceId,
            "[DatabricksProfile/InvalidWorkspaceId] workspace id \"12a\" in http path"
                + " \"/sql/1.0/warehouses/{{ env_var('WH') }}?o=12a\" is not a workspace id. 1 to 19 ASCII"
                + " digits, at most 9223372036854775807, are expected. Use the numeric id from your"
                + " workspace URL (?o=<digits>)."));
  }

  @Test
  void theQueryRulesMatchThoseOfAWholePath() {
    for (String query : new String[] {"o=42", "o=&o=42", "O=42", "o=1&o=2", "o=042&o=42", "x=1"}) {
      assertThat(HttpPathParser.checkQuery("p", query)).extracting(Problem::code)
          .as(query)
          .containsExactlyElementsOf(HttpPathParser.parse("/sql/1.0/warehouses/w?" + query).problems().stream()
              .map(Problem::code).toList());
    }
  }

  @Test
  void badCharactersInTheQueryAreInvalidWithoutDecodingIt() {
    assertThat(HttpPathParser.checkQuery("p", "o=4%2")).extracting(Problem::code).containsExactly(Code.InvalidHttpPath);
    assertThat(HttpPathParser.checkQuery("p", "o=42 ").get(0).message())
        .contains("contains whitespace or a control character in its query at index 4");
    assertThat(HttpPathParser.checkQuery("p", "o=42;x")).extracting(Problem::code).containsExactly(Code.InvalidHttpPath);
  }

  @Test
  void wholePathMessagesAreUnchangedByTheSharedCharacterCheck() {
    assertThat(HttpPathParser.parse("/sql/1.0/warehouses/a#b").problems().get(0).message())
        .isEqualTo("[DatabricksProfile/InvalidHttpPath] http path \"/sql/1.0/warehouses/a#b\" contains \"#\""
            + " at index 21, which ends a URL. A path without fragments is expected. Remove it, or write"
            + " %23 if it belongs to a value.");
  }

  @Test
  void aHiddenCharacterInALiteralQueryIsRefusedShownEscaped() {
    assertThat(HttpPathParser.checkQuery("/sql/1.0/warehouses/{{ env_var('WH') }}?o=42\u200b", "o=42\u200b"))
        .singleElement().satisfies(p -> {
          assertThat(p.code()).isEqualTo(Code.HiddenCharacter);
          assertThat(p.message()).contains("?o=42\\u200b\"");
        });
  }
}
