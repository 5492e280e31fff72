package io.brickcheck;

import io.brickcheck.internal.cfg.CfgReport;
import io.brickcheck.internal.cfg.CfgSelection;
import io.brickcheck.internal.cfg.DatabricksCfg;
import io.brickcheck.internal.dbt.DbtProfilesReader;
import io.brickcheck.internal.dbt.DbtProfilesFile;
import io.brickcheck.internal.dbt.DbtProfilesLocator;
import io.brickcheck.internal.dbt.DbtSelection;
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
 *
 * <p>The Databricks CLI's and SDKs' own settings are sources too: a profile of {@code
 * ~/.databrickscfg} ({@link #fromDatabricksConfig}) and the {@code DATABRICKS_*} environment as an
 * SDK resolves it ({@link #fromEnvironment()}). Their messages start with {@code file:line:col:} or
 * {@code env:NAME:}, and the status block says where each value came from. Secret values (token,
 * client secret, password) are never read into the profile: only whether they are present.
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
    DbtProfilesFile parsed = DbtProfilesReader.read(file);
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
   * A profile from a selected dbt output, its templates rendered from {@code env}. Generated
   * factories reach it through {@code io.brickcheck.internal.profiles.ProfileSources}, which
   * documents it; package-private because its parameter is an internal type.
   */
  static Profile fromDbt(
      DbtSelection selection, HostKind hostKind, Map<String, String> env, BrickcheckOptions options) {
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(hostKind, "hostKind");
    Objects.requireNonNull(options, "options");
    if (!selection.isSelected()) {
      throw new DatabricksProfileException(selection.problems());
    }
    return Profile.of(selection.check(env == null ? Map.of() : env, hostKind.classification()), hostKind, options);
  }

  /**
   * A profile of a Databricks CLI config file, with the file's values only (the environment does not
   * override them here; {@link #fromEnvironment()} resolves as the SDKs do).
   *
   * @param fileOrNull the file; null for {@code DATABRICKS_CONFIG_FILE}, else {@code ~/.databrickscfg}
   * @param profileOrNull the profile (section); null for {@code DATABRICKS_CONFIG_PROFILE}, else
   *     {@code DEFAULT}
   * @param options the probe mode, strictness, header style and HTTP client to use
   * @return the checked profile
   * @throws DatabricksProfileException {@code ConfigFileNotFound}, {@code InvalidConfigFile}, {@code
   *     UnknownConfigProfile}, {@code MissingConfigField}, or any rule's code, each message starting
   *     with the file position of the value it is about
   */
  public static Profile fromDatabricksConfig(Path fileOrNull, String profileOrNull, BrickcheckOptions options) {
    return fromDatabricksConfig(fileOrNull, profileOrNull, System.getenv(), userHome(), options);
  }

  /**
   * {@link #fromDatabricksConfig(Path, String, BrickcheckOptions)} with default options.
   *
   * @param fileOrNull the file; null for {@code DATABRICKS_CONFIG_FILE}, else {@code ~/.databrickscfg}
   * @param profileOrNull the profile; null for {@code DATABRICKS_CONFIG_PROFILE}, else {@code DEFAULT}
   * @return the checked profile
   * @throws DatabricksProfileException as {@link #fromDatabricksConfig(Path, String, BrickcheckOptions)}
   */
  public static Profile fromDatabricksConfig(Path fileOrNull, String profileOrNull) {
    return fromDatabricksConfig(fileOrNull, profileOrNull, BrickcheckOptions.defaults());
  }

  /** {@link #fromDatabricksConfig(Path, String, BrickcheckOptions)} with every input explicit. */
  static Profile fromDatabricksConfig(
      Path fileOrNull, String profileOrNull, Map<String, String> env, Path home, BrickcheckOptions options) {
    Objects.requireNonNull(options, "options");
    Map<String, String> e = env == null ? Map.of() : env;
    Path file = fileOrNull != null ? fileOrNull : DatabricksCfg.locate(e, home);
    String profile = profileOrNull != null ? profileOrNull : e.get(DatabricksCfg.CONFIG_PROFILE_VARIABLE);
    return fromDatabricksSettings(DatabricksCfg.fromFile(DatabricksCfg.read(file), profile), HostKind.AUTO, options);
  }

  /**
   * A profile from the {@code DATABRICKS_*} environment, resolved as databricks-sdk-java does:
   * variables first, then the profile {@code DATABRICKS_CONFIG_PROFILE} (or {@code DEFAULT}) of
   * {@code DATABRICKS_CONFIG_FILE} (or {@code ~/.databrickscfg}) for what is still unset, when a
   * profile is named or no host and no credential is in the environment. Default options.
   *
   * @return the checked profile
   * @throws DatabricksProfileException {@code MissingConfigField} when there is no host or compute,
   *     or any problem of the file or the rules, each message starting with {@code env:NAME:} or the
   *     file position of the value it is about
   */
  public static Profile fromEnvironment() {
    return fromEnvironment(System.getenv(), BrickcheckOptions.defaults());
  }

  /**
   * As {@link #fromEnvironment()}, with the environment given (a test's, or a subprocess's) and options.
   *
   * @param env the environment variables to resolve from ({@code HOME} included, for the default file)
   * @param options the probe mode, strictness, header style and HTTP client to use
   * @return the checked profile
   * @throws DatabricksProfileException as {@link #fromEnvironment()}
   */
  public static Profile fromEnvironment(Map<String, String> env, BrickcheckOptions options) {
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(options, "options");
    return fromDatabricksSettings(DatabricksCfg.fromEnvironment(env, userHome()), HostKind.AUTO, options);
  }

  /**
   * A profile from settings already selected; the status block says where each value came from.
   * The CLI reaches it through {@code io.brickcheck.internal.profiles.ProfileSources}, which
   * documents it; package-private because its parameter is an internal type.
   */
  static Profile fromDatabricksSettings(CfgSelection selection, HostKind hostKind, BrickcheckOptions options) {
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(hostKind, "hostKind");
    Objects.requireNonNull(options, "options");
    if (!selection.isSelected()) {
      throw new DatabricksProfileException(selection.problems());
    }
    CfgReport checked = selection.check(hostKind.classification());
    if (checked.report().spec() == null) {
      throw new DatabricksProfileException(checked.report().problems());
    }
    return Profile.of(checked.report(), hostKind, options, checked.origins());
  }

  private static Path userHome() {
    String home = System.getProperty("user.home");
    return home == null || home.isBlank() ? null : Path.of(home);
  }
}
