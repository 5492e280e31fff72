package io.brickcheck;

import io.brickcheck.dbt.DbtProfiles;
import io.brickcheck.dbt.DbtProfilesFile;
import io.brickcheck.dbt.DbtProfilesLocator;
import io.brickcheck.dbt.DbtSelection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Profiles read from a dbt {@code profiles.yml} at run time, for programs that do not use the
 * annotation processor (or read a file chosen at run time). The file is read with the same reader
 * and judged by the same rules as at compile time; {@code {{ env_var(...) }}} values are rendered
 * from the environment. The {@link DatabricksConnection}s equal those of a factory the processor
 * generates from the same profile and target: the profile's name is {@code <profile>.<target>}.
 *
 * <p>Errors throw {@link DatabricksProfileException} with the reader's codes ({@code
 * ProfilesFileNotFound}, {@code UnknownDbtProfile}, {@code MissingEnvironmentVariable}, ...) and
 * messages that start with {@code profiles.yml:<line>:<column>:}. Secrets in the file are never
 * read into the profile: give credentials separately ({@link Credentials}).
 */
public final class Profiles {
  private Profiles() {}

  /**
   * Reads {@code profile} from {@code file} with default options.
   *
   * @param file the {@code profiles.yml}
   * @param profile the dbt profile
   * @param targetOrNull the target, or null for the profile's own {@code target:}
   * @return the checked profile
   * @throws DatabricksProfileException if the file, the selection or a rule fails
   */
  public static Profile load(Path file, String profile, String targetOrNull) {
    return load(file, profile, targetOrNull, BrickcheckOptions.defaults());
  }

  /**
   * Reads {@code profile} from {@code file}.
   *
   * @param file the {@code profiles.yml}
   * @param profile the dbt profile
   * @param targetOrNull the target, or null for the profile's own {@code target:}
   * @param options the probe mode, strictness, header style and HTTP client to use
   * @return the checked profile
   * @throws DatabricksProfileException if the file, the selection or a rule fails
   */
  public static Profile load(Path file, String profile, String targetOrNull, BrickcheckOptions options) {
    return load(file, profile, targetOrNull, System.getenv(), options);
  }

  /** {@link #load(Path, String, String, BrickcheckOptions)} with an explicit environment. */
  static Profile load(
      Path file, String profile, String targetOrNull, Map<String, String> env, BrickcheckOptions options) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(options, "options");
    DbtProfilesFile parsed = DbtProfiles.read(file);
    if (!parsed.isReadable()) {
      throw new DatabricksProfileException(parsed.problems());
    }
    return fromDbt(parsed.select(profile, targetOrNull, env), HostKind.AUTO, env, options);
  }

  /**
   * Finds {@code profiles.yml} where dbt does ({@code DBT_PROFILES_DIR} when set, else the working
   * directory, else {@code ~/.dbt/}) and reads {@code profile} from it, with default options.
   *
   * @param profile the dbt profile
   * @param targetOrNull the target, or null for the profile's own {@code target:}
   * @return the checked profile
   * @throws DatabricksProfileException {@code ProfilesFileNotFound} listing every place looked, or
   *     any problem of the file, the selection or the rules
   */
  public static Profile fromDbtDefaults(String profile, String targetOrNull) {
    return fromDbtDefaults(profile, targetOrNull, BrickcheckOptions.defaults());
  }

  /**
   * As {@link #fromDbtDefaults(String, String)}, with options.
   *
   * @param profile the dbt profile
   * @param targetOrNull the target, or null for the profile's own {@code target:}
   * @param options the probe mode, strictness, header style and HTTP client to use
   * @return the checked profile
   * @throws DatabricksProfileException as {@link #fromDbtDefaults(String, String)}
   */
  public static Profile fromDbtDefaults(String profile, String targetOrNull, BrickcheckOptions options) {
    String home = System.getProperty("user.home");
    return fromDbtDefaults(profile, targetOrNull, System.getenv(), Path.of("").toAbsolutePath(),
        home == null || home.isBlank() ? null : Path.of(home), options);
  }

  /** {@link #fromDbtDefaults(String, String, BrickcheckOptions)} with every input explicit. */
  static Profile fromDbtDefaults(String profile, String targetOrNull, Map<String, String> env,
      Path workingDir, Path home, BrickcheckOptions options) {
    DbtProfilesLocator.Located located = DbtProfilesLocator.locate(null, env, workingDir, home);
    if (located.file() == null) {
      throw new DatabricksProfileException(List.of(located.problem()));
    }
    return load(located.file(), profile, targetOrNull, env, options);
  }

  /**
   * A profile from a selected dbt output: renders its templates from {@code env} and applies every
   * rule. Generated factories whose values are {@code env_var} templates call this with the output
   * rebuilt by {@link io.brickcheck.dbt.DbtTemplates} and {@code System.getenv()}.
   *
   * @param selection the selected output (or the problems that prevented selecting it)
   * @param hostKind what the host is, when its name alone does not say
   * @param env the environment the templates read
   * @param options the probe mode, strictness, header style and HTTP client to use
   * @return the checked profile
   * @throws DatabricksProfileException with {@code MissingEnvironmentVariable} for an unset variable
   *     without default, or any rule's code, each message starting with its file position
   */
  public static Profile fromDbt(
      DbtSelection selection, HostKind hostKind, Map<String, String> env, BrickcheckOptions options) {
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(hostKind, "hostKind");
    Objects.requireNonNull(options, "options");
    if (!selection.isSelected()) {
      throw new DatabricksProfileException(selection.problems());
    }
    return Profile.of(selection.check(env == null ? Map.of() : env, hostKind), hostKind, options);
  }
}
