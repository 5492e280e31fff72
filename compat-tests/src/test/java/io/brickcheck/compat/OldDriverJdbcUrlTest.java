package io.brickcheck.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.brickcheck.HostKind;
import io.brickcheck.rules.Code;
import io.brickcheck.internal.rules.JdbcUrlChecker;
import io.brickcheck.rules.Problem;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code DuplicateJdbcUrlKey} says about databricks-jdbc 3.3: its own parser (offline, on this
 * module's class path) refuses a URL with a key given twice, in any case.
 */
class OldDriverJdbcUrlTest {
  static final String URL = "jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;ssl=1;"
      + "httpPath=/sql/1.0/warehouses/a?o=1;HTTPPATH=/sql/1.0/warehouses/b?o=1";

  @Test
  void theOldDriverRefusesAKeyGivenTwiceAsBrickcheckDoes() {
    assertThat(JdbcUrlChecker.check("p", URL, HostKind.AUTO.classification(), List.of()).report().problems())
        .extracting(Problem::code).containsExactly(Code.DuplicateJdbcUrlKey);
    assertThatThrownBy(() -> OldClientsTest.parse(URL))
        .isInstanceOf(InvocationTargetException.class)
        .satisfies(e -> assertThat(rootMessage(e)).contains("Multiple entries with same key"));
  }

  static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
