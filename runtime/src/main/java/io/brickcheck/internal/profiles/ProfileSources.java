package io.brickcheck.internal.profiles;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.DatabricksProfileException;
import io.brickcheck.HostKind;
import io.brickcheck.Profile;
import io.brickcheck.Profiles;
import io.brickcheck.internal.cfg.CfgSelection;
import io.brickcheck.internal.dbt.DbtSelection;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

/**
 * Profiles from inputs only Brickcheck's own code has: a dbt output that a generated factory
 * rebuilt ({@link io.brickcheck.internal.dbt.GeneratedDbtOutput}), or settings the CLI selected.
 * Not API: these take internal types, which the public {@link Profiles} must not name. The work is
 * {@code Profiles}'s own (package-private there, beside {@code Profiles.load}); this class is the
 * door to it, opened with a private lookup, which the JVM grants within one module. So the API
 * package names nothing of this one, and {@code Profiles} keeps one code path for every source.
 */
public final class ProfileSources {
  private static final MethodHandle FROM_DBT;
  private static final MethodHandle FROM_SETTINGS;

  static {
    try {
      MethodHandles.Lookup profiles = MethodHandles.privateLookupIn(Profiles.class, MethodHandles.lookup());
      FROM_DBT = profiles.findStatic(Profiles.class, "fromDbt", MethodType.methodType(
          Profile.class, DbtSelection.class, HostKind.class, Map.class, BrickcheckOptions.class));
      FROM_SETTINGS = profiles.findStatic(Profiles.class, "fromDatabricksSettings", MethodType.methodType(
          Profile.class, CfgSelection.class, HostKind.class, BrickcheckOptions.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private ProfileSources() {}

  /**
   * A profile from a selected dbt output: renders its templates from {@code env} and applies every
   * rule. Generated factories whose values are {@code env_var} templates call this with the output
   * rebuilt by {@link io.brickcheck.internal.dbt.GeneratedDbtOutput} and {@code System.getenv()}.
   *
   * @param selection the selected output (or the problems that prevented selecting it)
   * @param hostKind what the host is, when its name alone does not say
   * @param env the environment the templates read; null reads as empty
   * @param options the probe mode, strictness, header style and HTTP client to use
   * @return the checked profile
   * @throws DatabricksProfileException with {@code MissingEnvironmentVariable} for an unset variable
   *     without default, or any rule's code, each message starting with its file position
   */
  public static Profile fromDbt(
      DbtSelection selection, HostKind hostKind, Map<String, String> env, BrickcheckOptions options) {
    try {
      return (Profile) FROM_DBT.invokeExact(selection, hostKind, env, options);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e); // Profiles.fromDbt declares no checked exception
    }
  }

  /**
   * A profile from settings already selected ({@code DatabricksCfg.fromFile}, {@code
   * DatabricksCfg.fromEnvironment}): applies every rule; the status block says where each value came
   * from.
   *
   * @param selection the settings, or the problems that prevented them
   * @param hostKind what the host is, when its name alone does not say
   * @param options the probe mode, strictness, header style and HTTP client to use
   * @return the checked profile
   * @throws DatabricksProfileException with every error, each message starting with its origin
   */
  public static Profile fromDatabricksSettings(CfgSelection selection, HostKind hostKind, BrickcheckOptions options) {
    try {
      return (Profile) FROM_SETTINGS.invokeExact(selection, hostKind, options);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e); // Profiles.fromDatabricksSettings declares no checked exception
    }
  }
}
