package io.brickcheck.internal.dbt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The YAML files under {@code src/test/resources/dbt/}. */
final class DbtTestFiles {
  private DbtTestFiles() {}

  static String text(String name) {
    try (InputStream in = DbtTestFiles.class.getResourceAsStream("/dbt/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test file dbt/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file parsed under its own name, as messages show it. */
  static DbtProfilesFile parse(String name) {
    return DbtProfilesReader.parse(text(name), name);
  }
}
