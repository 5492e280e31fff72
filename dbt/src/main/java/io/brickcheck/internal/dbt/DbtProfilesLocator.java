package io.brickcheck.internal.dbt;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import io.brickcheck.internal.rules.Text;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds {@code profiles.yml} at run time in dbt's order: an explicit directory, then
 * {@code DBT_PROFILES_DIR}, then the working directory, then {@code ~/.dbt/}. As in dbt, an explicit
 * directory or {@code DBT_PROFILES_DIR} is the only place looked when given: a file elsewhere is
 * not silently used instead.
 */
public final class DbtProfilesLocator {
  /** The environment variable dbt reads. */
  public static final String ENV = "DBT_PROFILES_DIR";

  /**
   * The file found, or the problem that lists every place looked.
   *
   * @param file the file, or null
   * @param looked each place looked, in order, with why it was looked at
   * @param problem a {@code ProfilesFileNotFound} problem when {@code file} is null
   */
  public record Located(Path file, List<String> looked, Problem problem) {
    /**
     * Copies the list, so the record stays immutable.
     *
     * @param file the file, or null
     * @param looked each place looked, in order, with why it was looked at
     * @param problem a {@code ProfilesFileNotFound} problem when {@code file} is null
     */
    public Located {
      looked = List.copyOf(looked);
    }

    /**
     * The profiles file found.
     *
     * @return the file, or empty when none was found
     */
    public Optional<Path> fileIfFound() {
      return Optional.ofNullable(file);
    }
  }

  private DbtProfilesLocator() {}

  /**
   * Looks for {@code profiles.yml}.
   *
   * @return where the file is, or every place looked
   * @param explicitDir a directory the user named (a {@code --profiles-dir}), or null
   * @param env the environment ({@code System.getenv()} in production)
   * @param workingDir the working directory
   * @param home the user's home directory, or null when unknown
   */
  public static Located locate(Path explicitDir, Map<String, String> env, Path workingDir, Path home) {
    List<String> looked = new ArrayList<>();
    String fromEnv = env == null ? null : env.get(ENV);
    if (explicitDir != null) {
      return only(explicitDir, "the directory given", looked);
    }
    if (fromEnv != null && !fromEnv.isBlank()) {
      try {
        return only(Path.of(fromEnv), ENV, looked);
      } catch (InvalidPathException e) {
        looked.add(Text.quote(fromEnv) + " (" + ENV + ", not a valid path)");
        return notFound(looked);
      }
    }
    if (workingDir != null) {
      Path candidate = workingDir.resolve(DbtProfilesReader.FILE_NAME);
      looked.add(Text.quote(candidate.toString()) + " (the working directory)");
      if (Files.isRegularFile(candidate)) {
        return new Located(candidate, looked, null);
      }
    }
    if (home != null) {
      Path candidate = home.resolve(".dbt").resolve(DbtProfilesReader.FILE_NAME);
      looked.add(Text.quote(candidate.toString()) + " (~/.dbt)");
      if (Files.isRegularFile(candidate)) {
        return new Located(candidate, looked, null);
      }
    }
    return notFound(looked);
  }

  private static Located only(Path dir, String why, List<String> looked) {
    Path candidate = dir.resolve(DbtProfilesReader.FILE_NAME);
    looked.add(Text.quote(candidate.toString()) + " (" + why + ")");
    return Files.isRegularFile(candidate) ? new Located(candidate, looked, null) : notFound(looked);
  }

  private static Located notFound(List<String> looked) {
    String text = DbtProfilesReader.FILE_NAME + " was not found. Looked in " + String.join(", ", looked)
        + ". A dbt profiles file is expected in one of these places. Create it there, or set " + ENV
        + " to the directory that holds it";
    return new Located(null, looked, Problem.of(Code.ProfilesFileNotFound, Subject.PROFILE, null, text));
  }
}
