package io.brickcheck.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.brickcheck.BrickcheckOptions;
import io.brickcheck.DatabricksProfileException;
import io.brickcheck.ProbeMode;
import io.brickcheck.rules.Code;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, kind 8, where javac shows it: filtered env_var values, dbt compute names mapped to Java
 * names, credentials never judged at compile time. Problems of the file sit on the {@code
 * dbtProfile = } line with {@code profiles.yml:L:C} in the message.
 */
class DbtAsWrittenProcessorTest {
  static final Path PROFILES = Path.of("src/test/resources/dbt/as-written/profiles.yml").toAbsolutePath();
  private static final BrickcheckOptions OFF = BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build();

  private static Compilation compile(JavaFileObject... sources) {
    return Sources.javac("-A" + ProcessorOptions.PROFILES_FILE + "=" + PROFILES).compile(sources);
  }

  private static JavaFileObject profile(String name, String target) {
    return Sources.source(name, "@DatabricksProfile(",
        "    dbtProfile = \"analytics\", target = \"" + target + "\")", "interface " + name + " {}");
  }

  private static void assertError(Code code, String position, String target, String... contained) {
    JavaFileObject src = profile("P", target);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining(code.tag() + " profiles.yml:" + position + ": ").inFile(src)
        .onLineContaining("dbtProfile = ");
    String message = Expect.message(c.errors(), code);
    for (String part : contained) {
      assertThat(message).contains(part);
    }
  }

  @Test
  void theIssuesFilteredHostAndDbtComputeNamesCompileToJavaNames() throws Exception {
    Compilation c = compile(profile("Analytics", "prod"), profile("AnalyticsLiteral", "literal"));

    assertThat(c).succeededWithoutWarnings();
    ClassLoader loader = Sources.load(c);
    Class<?> literal = loader.loadClass("com.example.AnalyticsLiteralConnectionFactory");
    assertThat(literal.getMethod("openEtlHourly")).isNotNull();
    assertThat(literal.getMethod("open2xlWarehouse")).isNotNull();
    assertThat(literal.getField("ETL_HOURLY_HTTP_PATH").get(null))
        .isEqualTo("sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh");
    assertThat(literal.getField("COMPUTE_2XL_WAREHOUSE_HTTP_PATH").get(null))
        .isEqualTo("/sql/1.0/warehouses/x1?o=6436897454825492");
    assertThat(literal.getMethod("computeNames").invoke(null)).isEqualTo(List.of("default", "etl.hourly", "2xl_warehouse"));
    Object factory = literal.getMethod("create", BrickcheckOptions.class).invoke(null, OFF);
    Object opened = literal.getMethod("open2xlWarehouse").invoke(factory);
    assertThat(opened).isEqualTo(literal.getMethod("open", String.class).invoke(factory, "2xl_warehouse"));

    // The templated factory keeps the filter as data: the host exactly as written.
    Class<?> templated = loader.loadClass("com.example.AnalyticsConnectionFactory");
    assertThat(templated.getField("HOST").get(null))
        .isEqualTo("{{ env_var('BRICKCHECK_TEST_UNSET_HOST') | replace('https://', '') }}");
    String source = GeneratedSourcesTest.content(
        c.generatedSourceFile("com.example.AnalyticsConnectionFactory").orElseThrow());
    assertThat(source).contains(".host(HOST, \"7:13\", \"7:14\")");
    assertThat(source).contains(
        ".compute(\"2xl_warehouse\", \"13:9\", COMPUTE_2XL_WAREHOUSE_HTTP_PATH, \"14:22\", \"14:43\")");
  }

  @Test
  void theTemplatedFactoryReplaysTheFilterAndNamesTheUnsetVariableAtItsColumn() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("BRICKCHECK_TEST_UNSET_HOST") == null);
    ClassLoader loader = Sources.load(compile(profile("Analytics", "prod")));
    InvocationTargetException e = assertThrows(InvocationTargetException.class,
        () -> loader.loadClass("com.example.AnalyticsConnectionFactory").getMethod("create", BrickcheckOptions.class)
            .invoke(null, OFF));
    DatabricksProfileException cause = (DatabricksProfileException) e.getCause();
    assertThat(cause.problems().stream().map(p -> p.code()).toList()).containsExactly(Code.MissingEnvironmentVariable);
    assertThat(cause.getMessage()).contains("profiles.yml:7:14: environment variable \"BRICKCHECK_TEST_UNSET_HOST\"");
  }

  @Test
  void anUnsupportedFilterIsNamedAtItsColumn() {
    assertError(Code.UnsupportedTemplate, "27:14", "title", "uses the filter \"title\"",
        "followed by the filters replace, trim, lower, upper and default");
  }

  @Test
  void aLiteralQueryAfterAFilteredTemplateIsCheckedAtCompileTime() {
    assertError(Code.InvalidWorkspaceId, "32:18", "suffix", "workspace id \"12a\"");
  }

  @Test
  void namesThatCollideAfterTheMappingAreDuplicatesAndOtherNamesInvalid() {
    JavaFileObject src = profile("P", "clash");
    Compilation c = compile(src);

    assertThat(c).hadErrorContaining("[DatabricksProfile/DuplicateCompute] profiles.yml:40:9: compute name"
        + " \"ETL_hourly\" collides with compute \"etl.hourly\" (methods openETLHourly() and openEtlHourly() differ"
        + " only in case)").inFile(src).onLineContaining("dbtProfile = ");
    assertThat(c).hadErrorContaining("[DatabricksProfile/DuplicateCompute] profiles.yml:44:9: compute name"
        + " \"compute.2xl\" collides with compute \"2xl\" (both become the constant COMPUTE_2XL_HTTP_PATH)")
        .inFile(src).onLineContaining("dbtProfile = ");
    assertThat(c).hadErrorContaining("[DatabricksProfile/InvalidComputeName] profiles.yml:46:9: compute name"
        + " \"ätl\" cannot become a method name").inFile(src).onLineContaining("dbtProfile = ");
    assertThat(c).hadErrorCount(3);
  }
}
