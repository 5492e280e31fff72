package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Host;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Severity;
import io.brickcheck.rules.Subject;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostParserTest {

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      textBlock = """
          # input                                        | baseUrl                                      | kind      | embedded id      | loopback
          peco.azuredatabricks.net                       | https://peco.azuredatabricks.net             | UNKNOWN   | null             | false
          https://peco.azuredatabricks.net               | https://peco.azuredatabricks.net             | UNKNOWN   | null             | false
          https://peco.azuredatabricks.net/              | https://peco.azuredatabricks.net             | UNKNOWN   | null             | false
          HTTPS://PECO.AzureDatabricks.NET               | https://peco.azuredatabricks.net             | UNKNOWN   | null             | false
          peco.azuredatabricks.net:443                   | https://peco.azuredatabricks.net             | UNKNOWN   | null             | false
          peco.azuredatabricks.net:8443                  | https://peco.azuredatabricks.net:8443        | UNKNOWN   | null             | false
          adb-6436897454825492.12.azuredatabricks.net    | https://adb-6436897454825492.12.azuredatabricks.net | WORKSPACE | 6436897454825492 | false
          adb-0001.2.azuredatabricks.net                 | https://adb-0001.2.azuredatabricks.net       | WORKSPACE | 1                | false
          1234567890123456.7.gcp.databricks.com          | https://1234567890123456.7.gcp.databricks.com | WORKSPACE | 1234567890123456 | false
          dbc-a1b2c3d4-e5f6.cloud.databricks.com         | https://dbc-a1b2c3d4-e5f6.cloud.databricks.com | WORKSPACE | null           | false
          dbc-a1b2c3d4-e5f6.cloud.databricks.com.evil.io | https://dbc-a1b2c3d4-e5f6.cloud.databricks.com.evil.io | UNKNOWN | null   | false
          http://localhost:8080                          | http://localhost:8080                        | UNKNOWN   | null             | true
          http://127.0.0.1:1234/                         | http://127.0.0.1:1234                        | UNKNOWN   | null             | true
          http://127.45.6.7                              | http://127.45.6.7                            | UNKNOWN   | null             | true
          http://[::1]:9000                              | http://[::1]:9000                            | UNKNOWN   | null             | true
          https://localhost                              | https://localhost                            | UNKNOWN   | null             | true
          10.0.0.1                                       | https://10.0.0.1                             | UNKNOWN   | null             | false
          """)
  void acceptsAndNormalises(String input, String baseUrl, HostClassification kind, String embeddedId, boolean loopback) {
    HostResult result = HostParser.parse(input);

    assertThat(result.problems()).isEmpty();
    Host host = result.host();
    assertThat(host.baseUrl()).isEqualTo(baseUrl);
    assertThat(host.classification()).isEqualTo(kind);
    assertThat(host.embeddedWorkspaceId()).isEqualTo(embeddedId);
    assertThat(host.loopback()).isEqualTo(loopback);
  }

  @ParameterizedTest(name = "[{index}] {0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          # input                                        | expected text in the message
          ''                                             | is empty
          '   '                                          | is empty
          'peco.azuredatabricks.net\n'                   | whitespace or a control character at index 24
          'peco .azuredatabricks.net'                    | whitespace or a control character at index 4
          http://peco.azuredatabricks.net                | uses http
          http://127.0.0.1.example.com                   | uses http
          ftp://peco.azuredatabricks.net                 | has the scheme "ftp"
          jdbc:databricks://peco.azuredatabricks.net:443 | has the scheme "jdbc:databricks"
          https://peco.azuredatabricks.net/sql/1.0/warehouses/abc | has a path, query or fragment "/sql/1.0/warehouses/abc"
          peco.azuredatabricks.net?o=123                 | carries workspace id "123" in its query
          peco.azuredatabricks.net?x=123                 | has a path, query or fragment "?x=123"
          peco.azuredatabricks.net#x                     | has a path, query or fragment "#x"
          https://peco.azuredatabricks.net//             | has a path, query or fragment "/"
          https://token:dapi0123@peco.azuredatabricks.net | contains user information
          https://                                       | has no host name
          peco_azure.databricks.net                      | is not a valid host name
          -peco.azuredatabricks.net                      | is not a valid host name
          peco..azuredatabricks.net                      | is not a valid host name
          peco.azuredatabricks.net.                      | is not a valid host name
          999.1.1.1                                      | is not a valid host name
          1.2.3                                          | is not a valid host name
          [::1                                           | is not a valid host name
          a:b:c                                          | has an invalid port "b:c"
          peco.azuredatabricks.net:0                     | has an invalid port "0"
          peco.azuredatabricks.net:65536                 | has an invalid port "65536"
          peco.azuredatabricks.net:                      | has an invalid port ""
          accounts.cloud.databricks.com                  | is an account console
          https://ACCOUNTS.azuredatabricks.net           | is an account console
          accounts.gcp.databricks.com                    | is an account console
          """)
  void rejectsWithInvalidHost(String input, String expected) {
    HostResult result = HostParser.parse(input.replace("\\n", "\n"));

    assertThat(result.host()).isNull();
    assertThat(result.problems()).singleElement().satisfies(p -> {
      assertThat(p.code()).isEqualTo(Code.InvalidHost);
      assertThat(p.severity()).isEqualTo(Severity.ERROR);
      assertThat(p.subject()).isEqualTo(Subject.HOST);
      assertThat(p.message()).startsWith("[DatabricksProfile/InvalidHost] host ").contains(expected).endsWith(".");
    });
  }

  @ParameterizedTest
  @CsvSource({
    "https://token:dapi0123@peco.azuredatabricks.net, dapi0123",
    "ftp://user:s3cret@peco.azuredatabricks.net/x, s3cret",
    "http://u:pw@example.com, pw"
  })
  void neverEchoesUserInformation(String input, String secret) {
    HostResult result = HostParser.parse(input);

    assertThat(result.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.message()).doesNotContain(secret));
    assertThat(result.safeInput()).doesNotContain(secret).contains("***@");
    assertThat(result.toString()).doesNotContain(secret);
  }

  @ParameterizedTest
  @CsvSource({"localhost, true", "127.0.0.1, true", "127.255.255.255, true", "::1, true", "128.0.0.1, false", "localhost.evil.io, false"})
  void knowsLoopback(String name, boolean loopback) {
    assertThat(HostParser.isLoopback(name)).isEqualTo(loopback);
  }

  @ParameterizedTest
  @CsvSource({"PECO.azuredatabricks.net", "peco.AZUREDATABRICKS.net"})
  void comparesNamesCaseInsensitively(String other) {
    assertThat(HostParser.parse("peco.azuredatabricks.net").host().hasName(other)).isTrue();
  }

  /**
   * Found by ParserFuzzTest: a name of four labels starting with "127" that are not all digits
   * made the loopback check call Integer.parseInt on a letter label, so parse threw
   * NumberFormatException (and a profile on such a host could not even be built).
   */
  @ParameterizedTest
  @CsvSource({
    "127.example.co.uk, true",
    "https://127.example.co.uk, true",
    "http://127.0.0h.1:8080, false",
    "http://127.example.co.uk, false"
  })
  void aNameThatOnlyLooksLikeLoopbackParsesWithoutThrowing(String input, boolean valid) {
    HostResult result = HostParser.parse(input);
    assertThat(result.host() != null).isEqualTo(valid);
    assertThat(result.problems()).allSatisfy(p -> assertThat(p.code()).isEqualTo(Code.InvalidHost));
  }

  /** Found by ParserFuzzTest: "[:1]" was accepted, giving a base URL no HTTP client can parse. */
  @ParameterizedTest
  @CsvSource({
    "https://[::1]:443, true",
    "https://[0:0:0:0:0:0:0:1], true",
    "https://[::ffff:127.0.0.1], true",
    "https://[fe80::1:2], true",
    "https://[:1]:443, false",
    "https://[1:2:3:4:5:6:7:8:9], false",
    "https://[1::2::3], false",
    "https://[12345::1], false",
    "https://[1.2.3.4::], false",
    "https://[::1.2.3], false"
  })
  void ipv6LiteralsMustBeWellFormed(String input, boolean valid) {
    HostResult result = HostParser.parse(input);
    assertThat(result.host() != null).as(input).isEqualTo(valid);
    if (valid) {
      assertThat(okhttp3.HttpUrl.parse(result.host().baseUrl())).as(result.host().baseUrl()).isNotNull();
    }
  }
}
