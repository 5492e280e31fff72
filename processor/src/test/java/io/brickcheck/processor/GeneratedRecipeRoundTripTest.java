package io.brickcheck.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import io.brickcheck.BrickcheckOptions;
import io.brickcheck.DatabricksProfileException;
import io.brickcheck.HostKind;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;
import io.brickcheck.internal.profiles.ProfileSources;
import io.brickcheck.internal.dbt.DbtProfilesReader;
import io.brickcheck.rules.Problem;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dbt recipe end to end: the processor takes it from profiles.yml at compile time
 * ({@code GeneratedDbtOutput.recipe}), writes it into the factory as escaped literals, and the
 * factory hands it back to {@code GeneratedDbtOutput}'s builder at run time. Reading the file
 * directly must give the same problems at the same {@code profiles.yml:L:C} positions, with names
 * and values that try to break out of literals and comments.
 */
class GeneratedRecipeRoundTripTest {
  private static final BrickcheckOptions OFF = BrickcheckOptions.builder().probeMode(ProbeMode.OFF).build();
  private static final String PROFILE = "shop \"*/ caf\u00e9";
  private static final String TARGET = "pr\"od*/";

  @TempDir Path dir;

  @Test
  void aHostileTemplatedProfileReplaysToTheSameProblemsAsReadingTheFile() throws Exception {
    // Defaults apply only while these are unset, as everywhere but a machine that sets them on purpose.
    for (String name : List.of("BRICKCHECK_TEST_UNSET_RH", "BRICKCHECK_TEST_UNSET_RWH", "BRICKCHECK_TEST_UNSET_RE")) {
      Assumptions.assumeTrue(System.getenv(name) == null);
    }
    Path file = dir.resolve("profiles.yml");
    Files.writeString(file, String.join("\n",
        "\"shop \\\"*/ caf\\u00e9\":",
        "  target: \"pr\\\"od*/\"",
        "  outputs:",
        "    \"pr\\\"od*/\":",
        "      type: databricks",
        "      host: \"{{ env_var('BRICKCHECK_TEST_UNSET_RH', 'peco.azuredatabricks.net') | replace('https://', '') }}\"",
        "      http_path: \"/sql/1.0/warehouses/{{ env_var('BRICKCHECK_TEST_UNSET_RWH', 'a1b2c3d4e5f6a7b8') }}?o=6436897454825492\"",
        "      compute:",
        "        \"etl.x \\\"y\\\"*/\":",
        "          http_path: \"/sql/1.0/warehouses/x\\\"*/?o={{ env_var('BRICKCHECK_TEST_UNSET_RE', '12a') }}\"",
        "        plain:",
        "          http_path: sql/protocolv1/o/6436897454825492/0123-456789-abcdefgh",
        ""), StandardCharsets.UTF_8);
    JavaFileObject src = Sources.source("Evil", "@DatabricksProfile(dbtProfile = \"shop \\\"*/ caf\\u00e9\")", "interface Evil {}");

    Compilation c = Sources.javac("-A" + ProcessorOptions.PROFILES_FILE + "=" + file, "-Xlint:all", "-Werror").compile(src);
    assertThat(c).succeededWithoutWarnings();
    String source = GeneratedSourcesTest.content(c.generatedSourceFile("com.example.EvilConnectionFactory").orElseThrow());
    assertThat(source.chars().allMatch(ch -> ch == '\n' || ch >= 0x20 && ch <= 0x7e)).isTrue();
    assertThat(source).contains("GeneratedDbtOutput.builder(\"profiles.yml\", \"shop \\\"*/ caf\\u00e9\", \"pr\\\"od*/\", \"4:5\")");

    List<String> generated = outcome(() -> {
      try {
        Object factory = Sources.load(c).loadClass("com.example.EvilConnectionFactory")
            .getMethod("create", BrickcheckOptions.class).invoke(null, OFF);
        return (Profile) factory.getClass().getMethod("profile").invoke(factory);
      } catch (InvocationTargetException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    });
    List<String> read = outcome(() ->
        ProfileSources.fromDbt(DbtProfilesReader.read(file).select(PROFILE, TARGET), HostKind.AUTO, System.getenv(), OFF));

    assertThat(generated).isEqualTo(read);
    // The compute's workspace id is a template whose default is not an id: judged at run time, at its place.
    assertThat(generated).hasSize(1);
    assertThat(generated.get(0)).startsWith("[DatabricksProfile/InvalidWorkspaceId] profiles.yml:10:");
  }

  /** The problems' messages, or the connections' http paths when the profile was valid. */
  private static List<String> outcome(java.util.function.Supplier<Profile> make) {
    try {
      Profile p = make.get();
      return p.computeNames().stream().map(n -> n + " " + p.connection(n).httpPath()).toList();
    } catch (DatabricksProfileException e) {
      return e.problems().stream().map(Problem::message).toList();
    }
  }
}
