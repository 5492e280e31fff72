package io.brickcheck.processor;

import io.brickcheck.dbt.DbtProfiles;
import io.brickcheck.dbt.DbtProfilesFile;
import io.brickcheck.rules.Text;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
      return new Found(DbtProfiles.read(option), looked);
    }
    for (StandardLocation location : List.of(StandardLocation.CLASS_OUTPUT, StandardLocation.SOURCE_PATH)) {
      looked.add(Text.quote(name) + " on " + location.getName());
      String text = read(location, name);
      if (text != null) {
        return new Found(DbtProfiles.parse(text, fileName(name)), looked);
      }
    }
    return new Found(null, looked);
  }

  /** The resource's text, or null when the location does not have it (or cannot be searched). */
  private String read(StandardLocation location, String name) {
    byte[] bytes;
    try {
      FileObject resource = filer.getResource(location, "", name);
      try (InputStream in = resource.openInputStream()) {
        // One byte more than any acceptable file, so that the reader refuses an oversized one.
        bytes = in.readNBytes(4 * DbtProfiles.MAX_CHARACTERS + 1);
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
    // Malformed UTF-8 becomes U+FFFD, which the rules then refuse in any value that holds it.
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** {@code config/profiles.yml} is called {@code profiles.yml} in messages, as dbt does. */
  private static String fileName(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }
}
