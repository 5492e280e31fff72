package io.brickcheck.internal.dbt;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import io.brickcheck.internal.rules.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads dbt's {@code profiles.yml} as a Brickcheck profile source; the entry point of the processor
 * and of the runtime alike. Never throws on bad input: every fault is a problem whose message starts
 * with {@code <file>:<line>:<column>: }.
 *
 * <pre>{@code
 * DbtProfilesFile file = DbtProfilesReader.parse(yaml, "profiles.yml");
 * DbtSelection selection = file.select("jaffle_shop", null);   // the profile's own target:
 * ProfileReport report = selection.check(System.getenv(), HostClassification.UNKNOWN);
 * }</pre>
 *
 * <p>SnakeYAML composes the file into a node tree, never objects, with duplicate keys refused,
 * aliases, nesting and size capped, and no tag beyond plain YAML allowed.
 */
public final class DbtProfilesReader {
  /** The file dbt reads. */
  public static final String FILE_NAME = "profiles.yml";

  /** The largest file read, in characters. */
  public static final int MAX_CHARACTERS = Yamls.MAX_CHARACTERS;

  private DbtProfilesReader() {}

  /**
   * Parses {@code yamlText}; {@code fileName} is what messages call the file (its plain name, such
   * as {@code profiles.yml}).
   *
   * @param yamlText the file's content
   * @param fileName the name to show in messages
   * @return the file, or its problems
   */
  public static DbtProfilesFile parse(String yamlText, String fileName) {
    String name = displayName(fileName);
    if (yamlText == null) {
      return new DbtProfilesFile(name, null, List.of(DbtProblems.at(Code.InvalidProfilesFile, Subject.PROFILE,
          null, YamlPosition.start(name), name + " has no text. A dbt profiles file is expected. Pass its"
              + " contents")));
    }
    Yamls.Loaded loaded = Yamls.load(yamlText, name);
    return new DbtProfilesFile(name, loaded.root(), loaded.problems());
  }

  /**
   * Reads and parses a file, strictly as UTF-8 (dbt's encoding). A missing, unreadable, oversized
   * or badly encoded file is a problem, not an exception; a huge file is refused before it is read,
   * and anything but a regular file (a FIFO, a device, a directory) before it is opened, so that
   * reading can never block. The processor, {@code Profiles.load} and the {@code check} command line
   * all read through here or {@link #decode}.
   *
   * @param file the profiles.yml to read
   * @return the file, or its problems
   */
  public static DbtProfilesFile read(Path file) {
    String name = displayName(file == null || file.getFileName() == null ? FILE_NAME : file.getFileName().toString());
    try {
      if (file == null || !Files.exists(file)) {
        return unreadable(Code.ProfilesFileNotFound, name, (file == null ? name : Text.quote(file.toString()))
            + " does not exist or is not a file. A dbt profiles file is expected. Check the path");
      }
      if (!Files.isRegularFile(file)) {
        return unreadable(Code.InvalidProfilesFile, name, Text.quote(file.toString()) + " is not a regular file"
            + " (a directory, a pipe or a device). A dbt profiles file is expected. Point Brickcheck at the file"
            + " itself");
      }
      long size = Files.size(file);
      // UTF-8 needs at most 4 bytes a character: anything larger cannot be within the limit.
      if (size > 4L * MAX_CHARACTERS) {
        return oversized(name, size);
      }
      return decode(Files.readAllBytes(file), name);
    } catch (IOException | SecurityException e) {
      return unreadable(Code.InvalidProfilesFile, name, name + " cannot be read (" + e.getClass().getSimpleName()
          + "). A readable file is expected. Check its permissions");
    }
  }

  /**
   * Decodes and parses a file's bytes, strictly as UTF-8: the one decision every reader shares. A
   * malformed byte is an {@code InvalidProfilesFile} at its line and column; a leading byte order
   * mark is allowed.
   *
   * @param bytes the file's content; more than {@code 4 * MAX_CHARACTERS} bytes is refused
   * @param fileName the name to show in messages
   * @return the file, or its problems
   */
  public static DbtProfilesFile decode(byte[] bytes, String fileName) {
    String name = displayName(fileName);
    if (bytes == null) {
      return parse(null, name);
    }
    if (bytes.length > 4L * MAX_CHARACTERS) {
      return oversized(name, bytes.length);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      int line = 1;
      int column = 1;
      for (int i = 0; i < out.limit(); i++) {
        char c = out.get(i);
        if (c == '\n') {
          line++;
          column = 1;
        } else if (c != '\ufeff' || i > 0) {
          column++;
        }
      }
      YamlPosition at = new YamlPosition(name, line, column);
      return new DbtProfilesFile(name, null, List.of(DbtProblems.at(Code.InvalidProfilesFile, Subject.PROFILE, null,
          at, name + " is not valid UTF-8 (byte " + String.format("0x%02X", bytes[in.position()] & 0xff)
              + " at line " + line + ", column " + column + "). dbt reads profiles files as UTF-8. Save the file"
              + " as UTF-8")));
    }
    out.flip();
    return parse(out.toString(), name);
  }

  private static DbtProfilesFile oversized(String name, long size) {
    return unreadable(Code.InvalidProfilesFile, name, name + " is " + size + " bytes long, more than a"
        + " profiles file may have (" + MAX_CHARACTERS + " characters). A small dbt profiles file is"
        + " expected. Point Brickcheck at the right file");
  }

  /** No position for a file that is missing or unreadable; line 1 for one whose content is refused. */
  private static DbtProfilesFile unreadable(Code code, String name, String text) {
    Problem problem = code == Code.ProfilesFileNotFound || text.contains("cannot be read")
        ? Problem.of(code, Subject.PROFILE, null, text)
        : DbtProblems.at(code, Subject.PROFILE, null, YamlPosition.start(name), text);
    return new DbtProfilesFile(name, null, List.of(problem));
  }

  /** A name fit for a message: one line, bounded; {@code profiles.yml} when none is given. */
  static String displayName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return FILE_NAME;
    }
    String quoted = Text.quote(fileName);
    // Text.quote escapes control characters; drop its quotes, keep the escaping.
    return quoted.startsWith("\"") && quoted.endsWith("\"") ? quoted.substring(1, quoted.length() - 1) : quoted;
  }
}
