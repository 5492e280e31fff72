package io.brickcheck.processor;

import io.brickcheck.internal.dbt.DbtProfilesReader;
import io.brickcheck.internal.dbt.DbtProfilesFile;
import io.brickcheck.internal.rules.Text;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds and reads the dbt profiles files that {@code dbtProfile} declarations name, each once per
 * processor instance. The order is fixed and no folder is ever guessed: the {@code
 * -Abrickcheck.profilesFile} option, then the Filer's {@code CLASS_OUTPUT} (Maven copies {@code
 * src/main/resources} there before compiling), then {@code SOURCE_PATH}.
 */
final class DbtFiles {
  /**
   * A file read, or where it was looked for.
   *
   * @param file the parsed file, or null when it was not found
   * @param looked each place looked, in order
   */
  record Found(DbtProfilesFile file, List<String> looked) {}

  private final Filer filer;
  private final Path option;
  private final Map<String, Found> byName = new HashMap<>();

  DbtFiles(Filer filer, Path option) {
    this.filer = filer;
    this.option = option;
  }

  /** The file for resource {@code name} ({@code profiles.yml} by default). */
  Found find(String name) {
    return byName.computeIfAbsent(option != null ? "" : name, k -> lookup(name));
  }

  private Found lookup(String name) {
    List<String> looked = new ArrayList<>();
    if (option != null) {
      looked.add(Text.quote(option.toString()) + " (-A" + ProcessorOptions.PROFILES_FILE + ")");
      return new Found(DbtProfilesReader.read(option), looked);
    }
    for (StandardLocation location : List.of(StandardLocation.CLASS_OUTPUT, StandardLocation.SOURCE_PATH)) {
      looked.add(Text.quote(name) + " on " + location.getName());
      DbtProfilesFile file = read(location, name);
      if (file != null) {
        return new Found(file, looked);
      }
    }
    return new Found(null, looked);
  }

  /**
   * The resource read by the runtime's own reader (strict UTF-8, regular files only: a FIFO named
   * profiles.yml must not hang javac), or null when the location does not have it (or cannot be
   * searched). A resource on disk is read as {@code Profiles.load} reads it; one in memory (a
   * compiler's own file manager) is decoded by the same {@link DbtProfilesReader#decode}.
   */
  private DbtProfilesFile read(StandardLocation location, String name) {
    FileObject resource;
    try {
      resource = filer.getResource(location, "", name);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    Path onDisk = onDisk(resource);
    if (onDisk != null) {
      // Never opened unless it is a regular file: DbtProfilesReader.read checks before opening.
      return Files.exists(onDisk) ? DbtProfilesReader.read(onDisk) : null;
    }
    byte[] bytes;
    try (InputStream in = resource.openInputStream()) {
      // One byte more than any acceptable file, so that the reader refuses an oversized one.
      bytes = in.readNBytes(4 * DbtProfilesReader.MAX_CHARACTERS + 1);
    } catch (IOException | RuntimeException e) {
      return null;
    }
    return DbtProfilesReader.decode(bytes, fileName(name));
  }

  /** The file behind a {@code file:} resource, or null for any other kind (also for Spring's files). */
  static Path onDisk(FileObject resource) {
    try {
      URI uri = resource.toUri();
      return "file".equalsIgnoreCase(uri.getScheme()) ? Path.of(uri) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** {@code config/profiles.yml} is called {@code profiles.yml} in messages, as dbt does. */
  private static String fileName(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }
}
