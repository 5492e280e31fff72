package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.brickcheck.BrickcheckOptions;
import io.brickcheck.DatabricksConnection;
import io.brickcheck.DatabricksProfileException;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;
import io.brickcheck.Profiles;
import io.brickcheck.rules.Code;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @DatabricksProfile(dbtProfile = ...)}: profiles read from a dbt profiles.yml while javac
 * runs. Every problem of the file is shown on the {@code dbtProfile = } value (or {@code target = }
 * for an unknown target) with {@code profiles.yml:<line>:<column>:} in its message.
 */
class DbtProfileProcessorTest {
  static final Path PROFILES = Path.of("src/test/resources/dbt/profiles.yml").toAbsolutePath();
  static final Path BROKEN = Path.of("src/test/resources/dbt/broken/profiles.yml").toAbsolutePath();
  static final List<String> GOOD = List.of("dbt-good/com/example/JaffleShop.java", "dbt-good/com/example/JaffleEnv.java");
  static final List<String> GOOD_FACTORIES =
      List.of("com.example.JaffleShopConnectionFactory", "com.example.JaffleEnvConnectionFactory");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");
  /** Tests talk to loopback only: these hosts are never probed. */
  private static final BrickcheckOptions OFF = BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build();

  @TempDir Path dir;

  private static String option(Path file) {
    return "-A" + ProcessorOptions.PROFILES_FILE + "=" + file;
  }

  private static Compilation compileGood() {
    return Sources.javac(option(PROFILES)).compile(GOOD.stream().map(JavaFileObjects::forResource).toList());
  }

  private static JavaFileObject profile(String name, String annotation) {
    return Sources.source(name, "@DatabricksProfile(", annotation, ")", "interface " + name + " {}");
  }

  /** The error, on the line holding {@code marker}, with the file position in its message. */
  private static Compilation assertYamlError(Code code, String position, String marker, JavaFileObject src, String... options) {
    Compilation c = Sources.javac(options).compile(src);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(code.tag() + " " + (position == null ? "" : "profiles.yml:" + position + ": "))
        .inFile(src)
        .onLineContaining(marker);
    return c;
  }

  // --- the happy path and its golden files ---

  @Test
  void profilesFromYamlCompileWithoutWarningsAndGenerateOneFactoryEach() {
    Compilation c = compileGood();
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFiles()).hasSize(GOOD_FACTORIES.size());
  }

  @Test
  void factoriesGeneratedFromYamlMatchTheGoldenFiles() throws IOException {
    Compilation c = compileGood();
    for (String factory : GOOD_FACTORIES) {
      if (UPDATE) {
        String actual = GeneratedSourcesTest.content(c.generatedSourceFile(factory).orElseThrow());
        Path target = Path.of("src/test/resources").resolve(GeneratedSourcesTest.expectedPath(factory));
        Files.createDirectories(target.getParent());
        Files.writeString(target, actual, StandardCharsets.UTF_8);
        continue;
      }
      assertThat(c)
          .generatedSourceFile(factory)
          .hasSourceEquivalentTo(JavaFileObjects.forResource(GeneratedSourcesTest.expectedPath(factory)));
      // hasSourceEquivalentTo ignores formatting; the bytes must match too.
      assertThat(GeneratedSourcesTest.content(c.generatedSourceFile(factory).orElseThrow()))
          .isEqualTo(GeneratedSourcesTest.expected(factory));
    }
  }

  @Test
  void factoriesFromYamlCompileUnderXlintAllAndDoclintWithWerror() {
    List<JavaFileObject> good = GOOD.stream().map(JavaFileObjects::forResource).toList();
    assertThat(Sources.javac(option(PROFILES), "-Xlint:all", "-Werror").compile(good)).succeededWithoutWarnings();
    assertThat(Sources.javac(option(PROFILES), "-Xdoclint:all/protected", "-Werror").compile(good))
        .succeededWithoutWarnings();
  }

  @Test
  void compilingTwiceGivesIdenticalBytes() {
    assertThat(GeneratedSourcesTest.bytes(compileGood())).isEqualTo(GeneratedSourcesTest.bytes(compileGood()));
  }

  @Test
  void eachFileIsReadOncePerProcessorInstance() {
    DbtFiles files = new DbtFiles(null, PROFILES);
    DbtFiles.Found first = files.find("profiles.yml");
    assertThat(first.file().isReadable()).isTrue();
    assertThat(files.find("profiles.yml")).isSameInstanceAs(first);
  }

  @Test
  void aWarningFromTheFileIsShownOnDbtProfileAndCanBeSuppressed() throws IOException {
    Path file = dir.resolve("profiles.yml");
    Files.writeString(file, String.join("\n",
        "odd:",
        "  target: prod",
        "  outputs:",
        "    prod:",
        "      type: databricks",
        "      host: peco.azuredatabricks.net",
        "      http_path: /gateway/x",
        ""));
    JavaFileObject src = profile("Odd", "dbtProfile = \"odd\"");
    Compilation c = Sources.javac(option(file)).compile(src);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[DatabricksProfile/UnrecognizedHttpPath] profiles.yml:7:18: ")
        .inFile(src).onLineContaining("dbtProfile = ");
    JavaFileObject quiet = Sources.source("Odd", "@SuppressWarnings(\"DatabricksProfile/UnrecognizedHttpPath\")",
        "@DatabricksProfile(dbtProfile = \"odd\")", "interface Odd {}");
    assertThat(Sources.javac(option(file)).compile(quiet)).succeededWithoutWarnings();
    assertThat(Sources.javac(option(file), "-Abrickcheck.strict=true").compile(src)).failed();
  }

  @Test
  void secretsNeverReachGeneratedCode() {
    Compilation c = compileGood();
    for (String factory : GOOD_FACTORIES) {
      String source = GeneratedSourcesTest.content(c.generatedSourceFile(factory).orElseThrow());
      assertThat(source).doesNotContain("DATABRICKS_TOKEN");
      assertThat(source).doesNotContain("BRICKCHECK_TEST_SECRET");
      assertThat(source).doesNotContain("token");
    }
  }

  @Test
  void aLiteralProfileGivesTheSameConnectionsAsProfilesLoad() throws Exception {
    ClassLoader loader = load(compileGood());
    Object factory = loader.loadClass("com.example.JaffleShopConnectionFactory")
        .getMethod("create", BrickcheckOptions.class).invoke(null, OFF);
    Profile loaded = Profiles.load(PROFILES, "jaffle_shop", null, OFF);
    assertThat(factory.getClass().getMethod("openDefault").invoke(factory)).isEqualTo(loaded.connection("default"));
    assertThat(factory.getClass().getMethod("openCluster1").invoke(factory)).isEqualTo(loaded.connection("Cluster1"));
    assertThat(factory.getClass().getMethod("computeNames").invoke(null)).isEqualTo(List.of("default", "Cluster1"));
    assertThat(factory.getClass().getField("DEFAULT_WORKSPACE_ID").get(null)).isEqualTo("6436897454825492");
  }

  @Test
  void aTemplatedProfileCompilesAndItsFactoryFailsWithMissingEnvironmentVariableWhenTheVariableIsUnset()
      throws Exception {
    // The JVM cannot set its own environment: this relies on the variable being unset, as it is
    // everywhere but a machine that sets it on purpose. Rendering with a given environment is
    // tested on the runtime entry the factory calls (ProfilesTest, and below).
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("BRICKCHECK_TEST_UNSET_WH") == null);
    ClassLoader loader = load(compileGood());
    InvocationTargetException e = assertThrows(InvocationTargetException.class,
        () -> loader.loadClass("com.example.JaffleEnvConnectionFactory")
            .getMethod("create", BrickcheckOptions.class).invoke(null, OFF));
    assertThat(e.getCause()).isInstanceOf(DatabricksProfileException.class);
    DatabricksProfileException cause = (DatabricksProfileException) e.getCause();
    assertThat(cause.problems().get(0).code()).isEqualTo(Code.MissingEnvironmentVariable);
    assertThat(cause.getMessage()).contains("profiles.yml:21:39: environment variable \"BRICKCHECK_TEST_UNSET_WH\"");
  }

  @Test
  void aTemplatedProfileSucceedsWhenTheEnvironmentGivesTheVariable() {
    // What the generated factory does, with an explicit environment instead of System.getenv().
    Map<String, String> env = Map.of("BRICKCHECK_TEST_UNSET_WH", "a1b2c3d4e5f6a7b8");
    Profile p = io.brickcheck.internal.profiles.ProfileSources.fromDbt(
        io.brickcheck.internal.dbt.DbtProfilesReader.read(PROFILES).select("jaffle_env", "prod"),
        io.brickcheck.HostKind.AUTO, env, OFF);
    DatabricksConnection c = p.connection("default");
    assertThat(c.httpPath()).isEqualTo("/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=6436897454825492");
    assertThat(p.connection("etl").httpPath()).isEqualTo("/sql/1.0/warehouses/0f0f0f0f0f0f0f0f?o=6436897454825492");
    assertThat(c.profileName()).isEqualTo("jaffle_env.prod");
  }

  // --- finding the file ---

  @Test
  void theFileIsFoundOnTheSourcePathWithoutAnyOption() throws IOException {
    Files.copy(PROFILES, dir.resolve("profiles.yml"));
    Compilation c = Sources.javac("-sourcepath", dir.toString())
        .compile(JavaFileObjects.forResource("dbt-good/com/example/JaffleShop.java"));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFile("com.example.JaffleShopConnectionFactory")).isPresent();
  }

  @Test
  void profilesFileNamesAnotherResource() throws IOException {
    Files.createDirectories(dir.resolve("config"));
    Files.copy(PROFILES, dir.resolve("config/dbt.yml"));
    JavaFileObject src = profile("Named", "dbtProfile = \"jaffle_shop\", profilesFile = \"config/dbt.yml\"");
    Compilation c = Sources.javac("-sourcepath", dir.toString()).compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void aMissingFileIsAnErrorOnDbtProfileListingWhereItLookedAndHowToPointAtIt() {
    JavaFileObject src = profile("Lost", "dbtProfile = \"jaffle_shop\"");
    Compilation c = assertYamlError(Code.ProfilesFileNotFound, null, "dbtProfile = ", src);
    String message = Expect.message(c.errors(), Code.ProfilesFileNotFound);
    assertThat(message).contains("\"profiles.yml\" on CLASS_OUTPUT");
    assertThat(message).contains("\"profiles.yml\" on SOURCE_PATH");
    assertThat(message).contains("-Abrickcheck.profilesFile=<path to profiles.yml>");
  }

  @Test
  void theOptionPointsAtTheFile() {
    Compilation c = Sources.javac(option(PROFILES)).compile(profile("Opt", "dbtProfile = \"jaffle_shop\""));
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFile("com.example.OptConnectionFactory")).isPresent();
  }

  @Test
  void anOptionNamingNoFileIsAnInvalidOption() {
    Compilation c = Sources.javac(option(dir.resolve("nope.yml"))).compile(profile("Opt", "dbtProfile = \"jaffle_shop\""));
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[DatabricksProfile/InvalidOption] option -Abrickcheck.profilesFile names");
  }

  // --- every problem of the file, on the annotation value that named it ---

  @Test
  void anUnknownProfileIsReportedOnDbtProfileWithDidYouMean() {
    Compilation c = assertYamlError(Code.UnknownDbtProfile, "1:1", "dbtProfile = ",
        profile("P", "dbtProfile = \"jafle_shop\""), option(PROFILES));
    assertThat(Expect.message(c.errors(), Code.UnknownDbtProfile)).contains("Did you mean \"jaffle_shop\"?");
  }

  @Test
  void anUnknownTargetIsReportedOnTarget() {
    assertYamlError(Code.UnknownDbtTarget, "3:3", "target = ",
        Sources.source("P", "@DatabricksProfile(", "    dbtProfile = \"jaffle_shop\",", "    target = \"prdo\")",
            "interface P {}"),
        option(PROFILES));
  }

  @Test
  void aNonDatabricksTargetIsUnsupportedProfileType() {
    assertYamlError(Code.UnsupportedProfileType, "13:13", "dbtProfile = ",
        profile("P", "dbtProfile = \"jaffle_shop\", target = \"dev\""), option(PROFILES));
  }

  @Test
  void aMissingHostIsMissingDbtField() {
    assertYamlError(Code.MissingDbtField, "32:5", "dbtProfile = ", profile("P", "dbtProfile = \"no_host\""),
        option(PROFILES));
  }

  @Test
  void aTemplateOtherThanEnvVarIsUnsupportedTemplate() {
    assertYamlError(Code.UnsupportedTemplate, "40:14", "dbtProfile = ",
        profile("P", "dbtProfile = \"bad_template\""), option(PROFILES));
  }

  @Test
  void aTemplatedTargetNeedsTheTargetNamed() {
    assertYamlError(Code.UnsupportedTemplate, "16:11", "dbtProfile = ",
        profile("P", "dbtProfile = \"jaffle_env\""), option(PROFILES));
  }

  @Test
  void theLiteralQueryOfATemplatedPathIsCheckedStatically() {
    assertYamlError(Code.InvalidWorkspaceId, "29:18", "dbtProfile = ",
        profile("P", "dbtProfile = \"jaffle_env\", target = \"bad_query\""), option(PROFILES));
  }

  @Test
  void ruleEngineProblemsAcrossLiteralValuesPointAtTheValue() {
    assertYamlError(Code.ComputeWorkspaceConflict, "51:22", "dbtProfile = ",
        profile("P", "dbtProfile = \"conflict\""), option(PROFILES));
  }

  @Test
  void anUnreadableFileIsInvalidProfilesFile() {
    assertYamlError(Code.InvalidProfilesFile, "5:7", "dbtProfile = ", profile("P", "dbtProfile = \"jaffle_shop\""),
        option(BROKEN));
  }

  // --- what cannot be combined ---

  @Test
  void hostWithDbtProfileIsInvalidTargetOnHost() {
    JavaFileObject src = Sources.source("P", "@DatabricksProfile(", "    dbtProfile = \"jaffle_shop\",",
        "    host = \"peco.azuredatabricks.net\")", "interface P {}");
    Compilation c = Sources.javac(option(PROFILES)).compile(src);
    assertThat(c).hadErrorContaining("[DatabricksProfile/InvalidTarget] host is set together with dbtProfile")
        .inFile(src).onLineContaining("host = ");
  }

  @Test
  void computesWithDbtProfileIsInvalidTargetOnComputes() {
    JavaFileObject src = Sources.source("P", "@DatabricksProfile(", "    dbtProfile = \"jaffle_shop\",",
        "    computes = @Compute(name = \"etl\", httpPath = \"/sql/1.0/warehouses/x\"))", "interface P {}");
    Compilation c = Sources.javac(option(PROFILES)).compile(src);
    assertThat(c).hadErrorContaining("[DatabricksProfile/InvalidTarget] computes is set together with dbtProfile")
        .inFile(src).onLineContaining("computes = ");
  }

  @Test
  void dbtProfileOnAFieldIsInvalidTarget() {
    JavaFileObject src = Sources.source("P", "class P {", "  @DatabricksProfile(dbtProfile = \"jaffle_shop\")",
        "  static final String PATH = \"/sql/1.0/warehouses/x\";", "}");
    Compilation c = Sources.javac(option(PROFILES)).compile(src);
    assertThat(c).hadErrorContaining("[DatabricksProfile/InvalidTarget] dbtProfile \"jaffle_shop\" is on field PATH")
        .inFile(src).onLineContaining("dbtProfile = ");
  }

  @Test
  void targetWithoutDbtProfileIsInvalidTarget() {
    JavaFileObject src = Sources.source("P", "@DatabricksProfile(", "    host = \"peco.azuredatabricks.net\",",
        "    httpPath = \"/sql/1.0/warehouses/a1b2c3d4e5f6a7b8\",", "    target = \"prod\")", "interface P {}");
    Compilation c = Sources.javac().compile(src);
    assertThat(c).hadErrorContaining("[DatabricksProfile/InvalidTarget] target \"prod\" is set without dbtProfile")
        .inFile(src).onLineContaining("target = ");
  }

  // --- Gradle ---

  @Test
  void theProcessorIsIsolatingOnlyWhenNoYamlIsRead() {
    DatabricksProfileProcessor plain = new DatabricksProfileProcessor();
    Sources.javac().withProcessors(plain).compile(Sources.source("E", "interface E {}"));
    assertThat(plain.getSupportedOptions()).contains(DatabricksProfileProcessor.GRADLE_ISOLATING);

    DatabricksProfileProcessor yaml = new DatabricksProfileProcessor();
    Sources.javac(option(PROFILES)).withProcessors(yaml).compile(Sources.source("E", "interface E {}"));
    assertThat(yaml.getSupportedOptions()).doesNotContain(DatabricksProfileProcessor.GRADLE_ISOLATING);
  }

  /** The compiled classes of {@code c}, loadable. */
  static ClassLoader load(Compilation c) {
    assertThat(c).succeeded();
    return Sources.load(c);
  }
}
