package io.brickcheck.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The body rules, one by one, without the network (the HTTP path is in ProbeMetadataTest). */
class MetadataParserTest {
  private static HostMetadata parse(String body) throws MetadataParser.BadMetadata {
    return MetadataParser.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String reasonFor(byte[] body) {
    try {
      MetadataParser.parse(body);
    } catch (MetadataParser.BadMetadata e) {
      return e.getMessage();
    }
    throw new AssertionError("parsed, but should have been refused");
  }

  private static String reasonFor(String body) {
    return reasonFor(body.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"host_type\":5}                                    | field \"host_type\" is a number, not a string",
        "{\"account_id\":true}                                | field \"account_id\" is a boolean, not a string",
        "{\"account_id\":\"../../v1/token?x=\"}                | not a plain account id",
        "{\"workspace_id\":\"12a\"}                           | field \"workspace_id\" is \"12a\", not 1-19 digits",
        "{\"workspace_id\":1.5}                               | not 1-19 digits",
        "{\"workspace_id\":\"99999999999999999999\"}          | not 1-19 digits",
        "{\"workspace_id\":\"9999999999999999999\"}           | above the largest id",
        "{\"workspace_id\":{}}                                | field \"workspace_id\" is a JSON object, not a string",
        "{\"cloud\":[]}                                       | field \"cloud\" is a JSON array, not a string",
        "{\"oidc_endpoint\":\"not a url\"}                    | not an http(s) URL",
        "{\"token_federation_default_oidc_audiences\":\"a\"}  | is a string, not an array",
        "{\"token_federation_default_oidc_audiences\":[1]}    | holds a number, not a string",
        "{\"host_type\":\"unified\",\"host_type\":\"workspace\"} | field \"host_type\" appears twice",
        "\"unified\"                                          | the body is a string, not a JSON object",
        "42                                                   | the body is a number, not a JSON object",
        "null                                                 | the body is null, not a JSON object",
        "{\"host_type\":\"unified\"} {}                       | data after the JSON object",
        "{\"host_type\":'unified'}                            | not valid JSON",
        "{\"host_type\":\"unified\",}                         | not valid JSON",
        "{\"host_type\":\"unified\"                           | truncated JSON",
      })
  void refusesWithAReasonThatNamesTheProblem(String body, String reason) {
    assertThat(reasonFor(body)).contains(reason);
  }

  @Test
  void emptyBodyIsRefused() {
    assertThat(reasonFor("")).isEqualTo("the body is empty");
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    assertThat(reasonFor(body)).isEqualTo("the body is not valid UTF-8");
  }

  @Test
  void nestingDeeperThanTheLimitIsRefused() {
    int depth = MetadataParser.NESTING_LIMIT + 5;
    String deep = "{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    assertThat(reasonFor(deep)).contains("not valid JSON").containsIgnoringCase("nesting limit");
  }

  @Test
  void nestingWithinTheLimitInUnknownFieldsIsSkipped() throws Exception {
    int depth = MetadataParser.NESTING_LIMIT - 2;
    String ok = "{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + ",\"host_type\":\"account\"}";
    assertThat(parse(ok).hostType()).contains(HostType.ACCOUNT);
  }

  @Test
  void nullFieldsAreAbsent() throws Exception {
    HostMetadata m =
        parse(
            "{\"host_type\":null,\"account_id\":null,\"workspace_id\":null,\"cloud\":null,"
                + "\"oidc_endpoint\":null,\"token_federation_default_oidc_audiences\":null}");
    assertThat(m.hostType()).isEmpty();
    assertThat(m.accountId()).isEmpty();
    assertThat(m.workspaceId()).isEmpty();
    assertThat(m.cloud()).isEmpty();
    assertThat(m.oidcEndpoint()).isEmpty();
    assertThat(m.tokenFederationDefaultOidcAudiences()).isEmpty();
  }

  @Test
  void placeholderWithoutAccountIdGivesNoEndpoint() throws Exception {
    HostMetadata m = parse("{\"oidc_endpoint\":\"https://h/oidc/accounts/{account_id}\"}");
    assertThat(m.oidcEndpoint()).isEmpty();
  }

  @Test
  void placeholderIsFilledWhateverTheFieldOrder() throws Exception {
    HostMetadata m =
        parse("{\"oidc_endpoint\":\"https://h/oidc/accounts/{account_id}\",\"account_id\":\"a-1\"}");
    assertThat(m.oidcEndpoint()).contains("https://h/oidc/accounts/a-1");
  }

  @Test
  void controlCharactersInTextAreEscaped() throws Exception {
    HostMetadata m = parse("{\"host_type\":\"uni\\nfied\\u0007\"}");
    assertThat(m.rawHostType()).contains("uni\\nfied\\u0007");
    assertThat(m.hostType()).isEmpty();
  }

  @Test
  void leadingByteOrderMarkIsTolerated() throws Exception {
    assertThat(parse("\ufeff{\"host_type\":\"workspace\"}").hostType()).contains(HostType.WORKSPACE);
  }
}
