package io.brickcheck.processor;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.Text;
import io.brickcheck.rules.Severity;
import io.brickcheck.rules.Subject;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code -Abrickcheck.*} options, parsed and validated once in {@code init}. A bad value is an
 * {@link Code#InvalidOption} error that lists the valid values, and the default is used instead so
 * that every other problem still gets reported; an unknown {@code brickcheck.*} key is a warning.
 */
final class ProcessorOptions {
  static final String PREFIX = "brickcheck.";
  static final String STRICT = PREFIX + "strict";
  static final String VERBOSE = PREFIX + "verbose";
  static final String GENERATED_ANNOTATION = PREFIX + "generatedAnnotation";
  static final String PROFILES_FILE = PREFIX + "profilesFile";

  /** Every key, in the order docs/guide.md's options table lists them. */
  static final List<String> KEYS = List.of(STRICT, VERBOSE, GENERATED_ANNOTATION, PROFILES_FILE);

  /** Which {@code @Generated} annotation the factory carries. */
  enum GeneratedAnnotation {
    /** {@code javax.annotation.processing.Generated}, when the compilation can see it. */
    JDK,
    /** None; {@code @BrickcheckGenerated} is always there. */
    NONE
  }

  final boolean strict;
  final boolean verbose;
  final GeneratedAnnotation generatedAnnotation;
  /** The dbt profiles file every {@code dbtProfile} declaration reads, or null: look it up. */
  final Path profilesFile;
  /** True when the option was given, even with a bad value: YAML is in use. */
  final boolean profilesFileGiven;
  final List<Problem> problems;

  private ProcessorOptions(
      boolean strict,
      boolean verbose,
      GeneratedAnnotation generatedAnnotation,
      Path profilesFile,
      boolean profilesFileGiven,
      List<Problem> problems) {
    this.strict = strict;
    this.verbose = verbose;
    this.generatedAnnotation = generatedAnnotation;
    this.profilesFile = profilesFile;
    this.profilesFileGiven = profilesFileGiven;
    this.problems = List.copyOf(problems);
  }

  static ProcessorOptions parse(Map<String, String> raw) {
    // Sorted, so that problems come out in the same order on every compiler.
    Map<String, String> options = new TreeMap<>(raw);
    List<Problem> problems = new ArrayList<>();
    boolean strict = bool(options, STRICT, problems);
    boolean verbose = bool(options, VERBOSE, problems);
    GeneratedAnnotation generated = GeneratedAnnotation.JDK;
    if (options.containsKey(GENERATED_ANNOTATION)) {
      String value = options.get(GENERATED_ANNOTATION);
      generated = null;
      for (GeneratedAnnotation g : GeneratedAnnotation.values()) {
        if (g.name().equalsIgnoreCase(value)) {
          generated = g;
        }
      }
      if (generated == null) {
        problems.add(invalidValue(GENERATED_ANNOTATION, value, "jdk, none", "jdk"));
        generated = GeneratedAnnotation.JDK;
      }
    }
    Path profilesFile = null;
    if (options.containsKey(PROFILES_FILE)) {
      profilesFile = profilesFile(options.get(PROFILES_FILE), problems);
    }
    for (String key : options.keySet()) {
      if (key.startsWith(PREFIX) && !KEYS.contains(key)) {
        problems.add(unknownKey(key));
      }
    }
    return new ProcessorOptions(
        strict, verbose, generated, profilesFile, options.containsKey(PROFILES_FILE), problems);
  }

  /** What {@code getSupportedOptions()} declares, so javac never calls them unrecognised. */
  static Set<String> supported() {
    return Collections.unmodifiableSet(new TreeSet<>(KEYS));
  }

  private static boolean bool(Map<String, String> options, String key, List<Problem> problems) {
    if (!options.containsKey(key)) {
      return false;
    }
    String value = options.get(key);
    if ("true".equalsIgnoreCase(value)) {
      return true;
    }
    if (!"false".equalsIgnoreCase(value)) {
      problems.add(invalidValue(key, value, "true, false", "false"));
    }
    return false;
  }

  /** The option's file, or null after reporting why it cannot be used. */
  private static Path profilesFile(String value, List<Problem> problems) {
    String fix = ". A path to an existing dbt profiles.yml is expected (absolute, or relative to the"
        + " directory javac runs in). Write -A" + PROFILES_FILE + "=<path to profiles.yml>, or remove"
        + " the option to look the file up on the class output and source path";
    if (value == null || value.isBlank()) {
      problems.add(Problem.of(Code.InvalidOption, Subject.PROFILE, null,
          "option -A" + PROFILES_FILE + " has no value" + fix));
      return null;
    }
    try {
      Path path = Path.of(value);
      if (Files.isRegularFile(path)) {
        return path;
      }
    } catch (InvalidPathException e) {
      // reported below
    }
    problems.add(Problem.of(Code.InvalidOption, Subject.PROFILE, null,
        "option -A" + PROFILES_FILE + " names " + Text.quote(value) + ", which does not exist or"
            + " is not a file" + fix));
    return null;
  }

  private static Problem invalidValue(String key, String value, String valid, String fallback) {
    String shown = value == null ? "no value" : "value \"" + value + "\"";
    return Problem.of(
        Code.InvalidOption,
        Subject.PROFILE,
        null,
        "option -A" + key + " has " + shown + ". Valid values (case-insensitive): " + valid
            + ". Write -A" + key + "=" + fallback + " or another valid value; until then "
            + fallback + " is used");
  }

  private static Problem unknownKey(String key) {
    String hint = "Valid options: " + String.join(", ", KEYS) + ".";
    for (String known : KEYS) {
      if (known.equalsIgnoreCase(key)) {
        hint = "Did you mean -A" + known + "?";
      }
    }
    // The code's own severity is ERROR (a bad value); an unknown key is only ignored, so a warning.
    // No final full stop: the text is pinned as javac has always shown it.
    return new Problem(
        Code.InvalidOption,
        Severity.WARNING,
        Subject.PROFILE,
        Problem.NO_INDEX,
        null,
        "option -A" + key + " is not a Brickcheck option and is ignored. " + hint + " Remove it or correct its name",
        null,
        null);
  }
}
