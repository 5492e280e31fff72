package io.brickcheck.internal.probe;

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

  /** Issue 10, kind 5: one malformed optional field is dropped and named; the rest is used. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"host_type\":5}                                    | field \"host_type\" is a number, not a string",
        "{\"account_id\":true}                                | field \"account_id\" is a boolean, not a string",
        "{\"account_id\":\"../../v1/token?x=\"}                | not a plain account id",
        "{\"account_id\":\"a/b\"}                             | not a plain account id",
        "{\"workspace_id\":{}}                                | field \"workspace_id\" is a JSON object, not a string",
        "{\"workspace_id\":\"12 3\"}                          | neither digits nor a printable identifier",
        "{\"workspace_id\":\"ws\\r\\nX-Evil: 1\"}              | neither digits nor a printable identifier",
        "{\"workspace_id\":\"caf\u00e9\"}                       | neither digits nor a printable identifier",
        "{\"cloud\":[]}                                       | field \"cloud\" is a JSON array, not a string",
        "{\"cloud\":\"aws gov\"}                               | not a cloud name",
        "{\"oidc_endpoint\":\"not a url\"}                    | not an http(s) URL",
        "{\"oidc_endpoint\":\"ftp://h/oidc\"}                 | not an http(s) URL",
        "{\"oidc_endpoint\":\"https://h/oidc/accounts/{account_id}\"} | has {account_id} but there is no usable account_id",
        "{\"token_federation_default_oidc_audiences\":\"a\"}  | is a string, not an array",
        "{\"token_federation_default_oidc_audiences\":[1]}    | holds a number, not a string",
        "{\"host_type\":\"workspace\",\"host_type\":\"unified\"} | field \"host_type\" appears twice",
        "{\"account_id\":\"a\",\"account_id\":\"b\"}           | field \"account_id\" appears twice",
      })
  void malformedOptionalFieldIsDroppedWithItsReasonAndTheRestKept(String field, String reason)
      throws Exception {
    // The same field beside a valid host_type and cloud: those must survive.
    String body = "{\"cloud\":\"azure\"," + field.substring(1);
    if (field.startsWith("{\"cloud\"")) {
      body = "{\"host_type\":\"unified\"," + field.substring(1);
    }
    HostMetadata m = parse(body);
    assertThat(m.droppedFields()).hasSize(1);
    assertThat(m.droppedFields().get(0)).contains(reason);
    if (field.startsWith("{\"cloud\"")) {
      assertThat(m.hostType()).contains(HostType.UNIFIED);
    } else {
      assertThat(m.cloud()).contains("azure");
    }
  }

  /** The example: a unified host with an odd workspace_id is still unified, with its account. */
  @Test
  void unifiedHostWithANonNumericWorkspaceIdKeepsItsTypeAndAccount() throws Exception {
    HostMetadata m =
        parse("{\"host_type\":\"unified\",\"account_id\":\"7a99b43c-b46c-432b-b0a7-814217701909\","
            + "\"workspace_id\":\"ws-prod-eu\",\"oidc_endpoint\":\"https://h/oidc/accounts/{account_id}\"}");
    assertThat(m.hostType()).contains(HostType.UNIFIED);
    assertThat(m.accountId()).contains("7a99b43c-b46c-432b-b0a7-814217701909");
    assertThat(m.oidcEndpoint()).contains("https://h/oidc/accounts/7a99b43c-b46c-432b-b0a7-814217701909");
    assertThat(m.workspaceId()).contains("ws-prod-eu");
    assertThat(m.numericWorkspaceId()).isEmpty();
    assertThat(m.droppedFields()).isEmpty();
  }

  /** Not 1-19 digits is not malformed: an opaque identifier, kept, but never compared with ?o=. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"12a\"                     | 12a                  | ",
        "1.5                         | 1.5                  | ",
        "\"99999999999999999999\"    | 99999999999999999999 | ",
        "\"9999999999999999999\"     | 9999999999999999999  | ",
        "\"00123\"                   | 123                  | 123",
        "123                         | 123                  | 123",
        "\"9223372036854775807\"     | 9223372036854775807  | 9223372036854775807",
        "\"ws_7f3a-1\"               | ws_7f3a-1            | ",
      })
  void workspaceIdIsCanonicalDigitsOrAnOpaqueIdentifier(String json, String kept, String numeric)
      throws Exception {
    HostMetadata m = parse("{\"host_type\":\"workspace\",\"workspace_id\":" + json + "}");
    assertThat(m.workspaceId()).contains(kept);
    assertThat(m.numericWorkspaceId()).isEqualTo(java.util.Optional.ofNullable(numeric));
    assertThat(m.droppedFields()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
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
    assertThat(m.droppedFields()).hasSize(1);
  }

  @Test
  void aDroppedAccountIdAlsoDropsThePlaceholderEndpointButKeepsTheType() throws Exception {
    HostMetadata m = parse("{\"host_type\":\"unified\",\"account_id\":\"../x\","
        + "\"oidc_endpoint\":\"https://h/oidc/accounts/{account_id}\"}");
    assertThat(m.hostType()).contains(HostType.UNIFIED);
    assertThat(m.accountId()).isEmpty();
    assertThat(m.oidcEndpoint()).isEmpty();
    assertThat(m.droppedFields()).hasSize(2);
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
