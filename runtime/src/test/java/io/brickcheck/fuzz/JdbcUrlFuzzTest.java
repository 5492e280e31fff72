package io.brickcheck.fuzz;

import static io.brickcheck.fuzz.ParserFuzzTest.assertSafe;
import static io.brickcheck.fuzz.ParserFuzzTest.fuzz;
import static io.brickcheck.fuzz.ParserFuzzTest.mutate;
import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.HostKind;
import io.brickcheck.internal.rules.JdbcUrlChecker;
import io.brickcheck.internal.rules.JdbcUrlEntry;
import io.brickcheck.internal.rules.JdbcUrlKeys;
import io.brickcheck.internal.rules.JdbcUrlParser;
import io.brickcheck.internal.rules.JdbcUrlReport;
import io.brickcheck.rules.Problem;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JDBC URL checker under the same mutation fuzzer as the other parsers ({@link ParserFuzzTest}):
 * no exception, the same result twice, tagged one-line messages, and the value of a secret key never
 * in a message or in the redacted URL.
 */
@Timeout(value = 30, unit = TimeUnit.MINUTES)
class JdbcUrlFuzzTest {
  static final String[] SEEDS = {
    "jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;ssl=1;AuthMech=3;"
        + "httpPath=/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6051921418418893",
    "jdbc:spark://adb-1234567890.3.azuredatabricks.net:443/default;httpPath=sql/protocolv1/o/1234567890/0123-456789-abc;"
        + "http.header.x-databricks-org-id=1234567890",
    "jdbc:databricks://127.0.0.1:8080;ssl=0;PWD=Zsecretvalue9;httpPath=/sql/1.0/endpoints/e?o=1",
    ""
  };
  static final String[] PIECES = {
    ";", "=", "/", ":", "?", "&", "o=", "httpPath=", "HTTPPATH=", "PWD=Zsecretvalue9", "Auth_AccessToken=Zsecretvalue9",
    "OAuth2Secret=Zsecretvalue9", "ssl=0", "ssl=1", "transportMode=binary", "port=", "443", "99999",
    "http.header.x-databricks-org-id=", "42", "jdbc:databricks://", "jdbc:spark://", "JDBC:", " ", "\n", "\t", "\u0000",
    "é", "\ud800", "[::1]", "localhost", "accounts.cloud.databricks.com", ";;", "*/", "\\u0022"
  };

  @Test
  void jdbcUrls() {
    fuzz("jdbc url", r -> mutate(r, SEEDS, PIECES), url -> {
      HostKind kind = HostKind.AUTO;
      JdbcUrlReport first = JdbcUrlChecker.check("p", url, kind.classification(), List.of());
      assertThat(JdbcUrlChecker.check("p", url, kind.classification(), List.of())).isEqualTo(first);
      assertSafe(first.report().problems());
      JdbcUrlParser.parse(url).urlIfUsable().ifPresent(u -> {
        for (JdbcUrlEntry e : u.entries()) {
          // Only a planted secret that appears nowhere else: mutation copies text into other values
          // (an http path), which messages rightly quote.
          if (JdbcUrlKeys.isSecretKey(e.key()) && e.value().contains("secretvalue")
              && occurrences(url, e.value()) == u.entries().stream()
                  .filter(o -> JdbcUrlKeys.isSecretKey(o.key()) && o.value().equals(e.value())).count()) {
            assertThat(u.redacted()).doesNotContain(e.value());
            assertThat(first.report().problems()).extracting(Problem::message).noneMatch(m -> m.contains(e.value()));
          }
        }
      });
    });
  }

  static long occurrences(String text, String part) {
    long n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
