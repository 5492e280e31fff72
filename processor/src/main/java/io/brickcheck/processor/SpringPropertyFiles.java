package io.brickcheck.processor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds the Spring Boot property files of the module being compiled, as the dbt form finds
 * profiles.yml ({@link DbtFiles}): the Filer's {@code CLASS_OUTPUT} first (Maven and Gradle copy
 * {@code src/main/resources} there before javac runs), then {@code SOURCE_PATH}; the first location
 * that has any wins. On disk, every {@code application.properties}, {@code application.yml}, {@code
 * application.yaml} and per-profile {@code application-<profile>.*} at the root and in {@code
 * config/} (Spring Boot's own classpath locations) is read; a location that is not on disk (a
 * compiler's in-memory file manager) is asked for the three plain names only.
 */
final class SpringPropertyFiles {
  /** Larger files are not read: a property file is small, and javac must not stall on one. */
  static final int MAX_BYTES = 1 << 20;

  private static final Pattern NAME = Pattern.compile("application(-[^/\\\\]+)?\\.(properties|ya?ml)");
  private static final List<String> PLAIN = List.of("application.properties", "application.yml", "application.yaml");

  /**
   * One property file.
   *
   * @param name its name relative to the resource root ({@code application-prod.yml}, {@code
   *     config/application.yml}), as messages show it
   * @param text its text (UTF-8, as Spring Boot reads both forms), or null when it could not be read
   * @param unreadable why it could not be read, or null
   */
  record SpringFile(String name, String text, String unreadable) {}

  private SpringPropertyFiles() {}

  static List<SpringFile> find(Filer filer) {
    for (StandardLocation location : List.of(StandardLocation.CLASS_OUTPUT, StandardLocation.SOURCE_PATH)) {
      List<SpringFile> found = find(filer, location);
      if (!found.isEmpty()) {
        return found;
      }
    }
    return List.of();
  }

  private static List<SpringFile> find(Filer filer, StandardLocation location) {
    // The folder is found through a plain file in it (a Filer cannot list): per-profile files sit
    // next to an application.* of the same module, as Spring Boot's own documentation lays them out.
    Path dir = null;
    for (String name : PLAIN) {
      try {
        Path p = DbtFiles.onDisk(filer.getResource(location, "", name));
        if (p != null && Files.isRegularFile(p)) {
          dir = p.getParent();
          break;
        }
      } catch (IOException | RuntimeException e) {
        // not in this location
      }
    }
    List<SpringFile> out = new ArrayList<>();
    if (dir != null) {
      for (String sub : List.of("", "config/")) {
        Path d = dir.resolve(sub);
        if (!Files.isDirectory(d)) {
          continue;
        }
        try (Stream<Path> files = Files.list(d)) {
          files.filter(p -> NAME.matcher(p.getFileName().toString()).matches())
              .filter(Files::isRegularFile) // never a FIFO: javac must not hang
              .sorted()
              .forEach(p -> out.add(read(sub + p.getFileName(), p)));
        } catch (IOException | RuntimeException e) {
          // an unlistable folder holds nothing we can check
        }
      }
      return out;
    }
    for (String name : PLAIN) {
      try {
        FileObject f = filer.getResource(location, "", name);
        try (InputStream in = f.openInputStream()) {
          out.add(decode(name, in.readNBytes(MAX_BYTES + 1)));
        }
      } catch (IOException | RuntimeException e) {
        // not there
      }
    }
    return out;
  }

  private static SpringFile read(String name, Path file) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        return new SpringFile(name, null, "it is larger than " + MAX_BYTES + " bytes");
      }
      return decode(name, Files.readAllBytes(file));
    } catch (IOException e) {
      return new SpringFile(name, null, "it cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static SpringFile decode(String name, byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      return new SpringFile(name, null, "it is larger than " + MAX_BYTES + " bytes");
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
      return new SpringFile(name, text, null);
    } catch (CharacterCodingException e) {
      return new SpringFile(name, null, "it is not UTF-8");
    }
  }
}
