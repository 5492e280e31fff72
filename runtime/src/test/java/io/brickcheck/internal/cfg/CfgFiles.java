package io.brickcheck.internal.cfg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real config files in a test's temporary directory. */
final class CfgFiles {
  private CfgFiles() {}

  static Path write(Path dir, String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks one profile of a file written to {@code dir/.databrickscfg}. */
  static CfgReport check(Path dir, String text, String profile) {
    Path file = write(dir, ".databrickscfg", text);
    return DatabricksCfg.fromFile(DatabricksCfg.read(file), profile).check(io.brickcheck.HostKind.AUTO.classification());
  }
}
