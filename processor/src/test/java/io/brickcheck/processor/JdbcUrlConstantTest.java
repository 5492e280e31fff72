package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.brickcheck.processor.Sources.ID;
import static io.brickcheck.processor.Sources.source;

import com.google.testing.compile.Compilation;
import io.brickcheck.BrickcheckOptions;
import io.brickcheck.DatabricksConnection;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;
import io.brickcheck.rules.Code;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @DatabricksProfile} on a constant whose value is a databricks-jdbc URL. */
class JdbcUrlConstantTest {
  static final String URL = "jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;ssl=1;AuthMech=3;"
      + "httpPath=/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + ID;
  static final BrickcheckOptions NO_PROBE = BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build();

  static JavaFileObject constant(String annotation, String url) {
    return source("Db", "final class Db {", "  " + annotation, "  static final String ORDERS =",
        "      \"" + url + "\";", "}");
  }

  @Test
  void aUrlConstantGeneratesTheFactoryOfItsHostAndPath() throws Exception {
    Compilation c = Sources.compile(constant("@DatabricksProfile", URL + ";ConnCatalog=main"));

    assertThat(c).succeededWithoutWarnings();
    Object factory = Sources.load(c).loadClass("com.example.OrdersConnectionFactory")
        .getMethod("create", BrickcheckOptions.class).invoke(null, NO_PROBE);
    DatabricksConnection warehouse = (DatabricksConnection) factory.getClass().getMethod("openDefault").invoke(factory);
    assertThat(warehouse).isEqualTo(
        Profile.jdbcUrlBuilder("ORDERS", URL + ";ConnCatalog=main").build(NO_PROBE).connection("default"));
    assertThat(warehouse).isNotEqualTo(Profile.jdbcUrlBuilder("ORDERS", URL).build(NO_PROBE).connection("default"));
    assertThat(warehouse.jdbcUrl()).isEqualTo("jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;"
        + "ssl=1;httpPath=/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + ID + ";http.header.x-databricks-org-id=" + ID
        + ";AuthMech=3;ConnCatalog=main");
  }

  @Test
  void aSecretInTheConstantIsAnErrorOnTheConstantThatNeverShowsIt() {
    JavaFileObject src = constant("@DatabricksProfile", URL + ";UID=token;PWD=dapiPROCESSORSECRET");
    Compilation c = Expect.assertError(Code.SecretInJdbcUrl, "key \"PWD\"", "static final String ORDERS", src);

    assertThat(Expect.message(c.errors(), Code.SecretInJdbcUrl)).doesNotContain("PROCESSORSECRET");
    assertThat(Expect.message(c.errors(), Code.SecretInJdbcUrl)).contains("JDBC URL, PWD at character ");
  }

  @Test
  void theEnginesRulesApplyToTheUrlsPathAndHost() {
    Expect.assertError(Code.InvalidWorkspaceId, "\"12a\"", "static final String ORDERS",
        constant("@DatabricksProfile", URL.replace("?o=" + ID, "?o=12a")));
    Expect.assertError(Code.InvalidHost, "\"accounts.cloud.databricks.com:443\"", "static final String ORDERS",
        constant("@DatabricksProfile", URL.replace("peco.azuredatabricks.net", "accounts.cloud.databricks.com")));
    Expect.assertError(Code.InsecureJdbcUrl, "ssl \"0\"", "static final String ORDERS",
        constant("@DatabricksProfile", URL.replace("ssl=1", "ssl=0")));
    Expect.assertError(Code.DuplicateJdbcUrlKey, "key \"HTTPPATH\"", "static final String ORDERS",
        constant("@DatabricksProfile", URL + ";HTTPPATH=/sql/1.0/warehouses/b?o=" + ID));
    Expect.assertError(Code.InvalidJdbcUrl, "has no httpPath", "static final String ORDERS",
        constant("@DatabricksProfile", "jdbc:databricks://peco.azuredatabricks.net:443/default;AuthMech=3"));
    Expect.assertError(Code.InvalidJdbcUrl, "in lower case", "static final String ORDERS",
        constant("@DatabricksProfile", URL.replace("jdbc:databricks:", "JDBC:databricks:")));
  }

  @Test
  void aNamedComputeInAnotherWorkspaceIsAnErrorOnItsComputeElement() {
    JavaFileObject src = source("Db", "final class Db {",
        "  @DatabricksProfile(computes = {",
        "      @Compute(name = \"etl\", httpPath = \"sql/protocolv1/o/43/0123-456789-abcdefgh\")})",
        "  static final String ORDERS = \"" + URL + "\";", "}");

    Expect.assertError(Code.ComputeWorkspaceConflict, "\"43\"", "name = \"etl\"", src);
  }

  @Test
  void theUrlNamesTheHostSoAHostAttributeIsRefused() {
    Expect.assertError(Code.InvalidTarget, "\"peco.azuredatabricks.net\"", "@DatabricksProfile(host",
        constant("@DatabricksProfile(host = \"peco.azuredatabricks.net\")", URL));
  }

  @Test
  void theSimbaPrefixWarnsAndCanBeSuppressed() {
    JavaFileObject warned = constant("@DatabricksProfile", URL.replace("jdbc:databricks:", "jdbc:spark:"));
    Compilation c = Sources.compile(warned);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining(Code.LegacyJdbcUrl.tag()).inFile(warned).onLineContaining("static final String ORDERS");
    assertThat(c).generatedSourceFile("com.example.OrdersConnectionFactory");

    Compilation quiet = Sources.compile(constant(
        "@SuppressWarnings(\"DatabricksProfile/LegacyJdbcUrl\") @DatabricksProfile", URL.replace("jdbc:databricks:", "jdbc:spark:")));
    assertThat(quiet).succeededWithoutWarnings();
  }

  @Test
  void anHttpPathConstantIsStillTheFieldForm() {
    Compilation c = Sources.compile(source("Db", "final class Db {",
        "  @DatabricksProfile(host = \"peco.azuredatabricks.net\")",
        "  static final String ORDERS = \"/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + ID + "\";", "}"));
    assertThat(c).succeededWithoutWarnings();
  }
}
