package io.brickcheck.internal.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import io.brickcheck.rules.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbt's lookup order: explicit directory, DBT_PROFILES_DIR, working directory, ~/.dbt. */
class DbtProfilesLocatorTest {
  @TempDir Path root;

  @Test
  void theWorkingDirectoryComesBeforeHome() throws IOException {
    Path work = dir("work", true);
    Path home = root.resolve("home");
    Files.createDirectories(home.resolve(".dbt"));
    Files.writeString(home.resolve(".dbt/profiles.yml"), "p: {}\n");

    assertThat(DbtProfilesLocator.locate(null, Map.of(), work, home).file()).isEqualTo(work.resolve("profiles.yml"));
    assertThat(DbtProfilesLocator.locate(null, Map.of(), dir("empty", false), home).file())
        .isEqualTo(home.resolve(".dbt/profiles.yml"));
  }

  @Test
  void anExplicitDirectoryOrTheVariableIsTheOnlyPlaceLooked() throws IOException {
    Path work = dir("work", true);
    Path env = dir("env", true);
    Path explicit = dir("explicit", false);

    assertThat(DbtProfilesLocator.locate(null, Map.of("DBT_PROFILES_DIR", env.toString()), work, null).file())
        .isEqualTo(env.resolve("profiles.yml"));
    DbtProfilesLocator.Located missing =
        DbtProfilesLocator.locate(explicit, Map.of("DBT_PROFILES_DIR", env.toString()), work, null);
    assertThat(missing.file()).isNull();
    assertThat(missing.looked()).hasSize(1);
    assertThat(missing.problem().code()).isEqualTo(Code.ProfilesFileNotFound);
  }

  @Test
  void notFoundListsEveryPlaceLookedAndHowToFixIt() {
    Path work = root.resolve("w");
    Path home = root.resolve("h");

    DbtProfilesLocator.Located located = DbtProfilesLocator.locate(null, Map.of("DBT_PROFILES_DIR", " "), work, home);

    assertThat(located.problem().message()).isEqualTo("[DatabricksProfile/ProfilesFileNotFound] profiles.yml was"
        + " not found. Looked in \"" + work.resolve("profiles.yml") + "\" (the working directory), \""
        + home.resolve(".dbt/profiles.yml") + "\" (~/.dbt). A dbt profiles file is expected in one of these"
        + " places. Create it there, or set DBT_PROFILES_DIR to the directory that holds it.");
  }

  @Test
  void readingAMissingOrBadlyEncodedFileIsAProblemNotAnException() throws IOException {
    assertThat(DbtProfilesReader.read(root.resolve("nope.yml")).problems()).extracting(p -> p.code())
        .containsExactly(Code.ProfilesFileNotFound);
    Path latin1 = root.resolve("profiles.yml");
    Files.write(latin1, new byte[] {'p', ':', ' ', (byte) 0xE9, '\n'});
    assertThat(DbtProfilesReader.read(latin1).problems()).extracting(p -> p.message()).containsExactly(
        "[DatabricksProfile/InvalidProfilesFile] profiles.yml:1:4: profiles.yml is not valid UTF-8 (byte 0xE9 at"
            + " line 1, column 4). dbt reads profiles files as UTF-8. Save the file as UTF-8.");
  }

  private Path dir(String name, boolean withFile) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    if (withFile) {
      Files.writeString(dir.resolve("profiles.yml"), "p: {}\n");
    }
    return dir;
  }
}
