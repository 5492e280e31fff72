package io.brickcheck.internal.dbt;

import static io.brickcheck.internal.rules.Text.quote;

import io.brickcheck.internal.rules.ComputeNames;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Rebuilds a dbt output that the annotation processor read from {@code profiles.yml} at compile
 * time, for a generated factory whose values are {@code {{ env_var(...) }}} templates. The factory
 * keeps the values as written (hosts and http paths only; secrets never reach generated code) with
 * their positions in the file, and hands them here at run time; {@link DbtSelection#check} then
 * renders them from the environment and applies every rule, with the same codes and the same
 * {@code profiles.yml:<line>:<column>} positions as the reader itself.
 *
 * <pre>{@code
 * DbtSelection selection = GeneratedDbtOutput.builder("profiles.yml", "jaffle_shop", "prod", "4:5")
 *     .host(HOST, "6:13")
 *     .defaultHttpPath(DEFAULT_HTTP_PATH, "7:18", "7:39")   // the value, then each env_var in it
 *     .selection();
 * }</pre>
 *
 * <p>A value is the recipe itself: the builder parses it with the reader's own parser, so a filter
 * chain ({@code {{ env_var('H') | replace('https://', '') }}}) is replayed from the text, never from
 * generated code. A position is {@code "<line>:<column>"}, 1-based, in the file the builder names;
 * this class alone writes ({@link #recipe}) and reads ({@link Builder}) that form. Credentials are
 * not part of the recipe: {@code MissingSecretVariable} comes from {@code Profiles.load} and
 * {@code check --profiles}, which read the file itself.
 */
public final class GeneratedDbtOutput {
  private GeneratedDbtOutput() {}

  /**
   * What a generated factory hands to {@link #builder} and its methods, as plain strings: the
   * arguments of {@code builder(file, profile, target, targetPosition)}, {@code host(...)},
   * {@code defaultHttpPath(...)} and one {@code compute(...)} per entry.
   *
   * @param file the file's name, as messages show it
   * @param profile the dbt profile
   * @param target the target selected at compile time
   * @param targetPosition {@code "<line>:<column>"} of the target's key
   * @param host the host
   * @param defaultHttpPath the http path of the compute named {@code default}
   * @param computes the {@code compute:} entries, in file order
   */
  public record Recipe(
      String file,
      String profile,
      String target,
      String targetPosition,
      Value host,
      Value defaultHttpPath,
      List<Compute> computes) {

    /**
     * Copies the list, so the record stays immutable.
     *
     * @param file the file's name, as messages show it
     * @param profile the dbt profile
     * @param target the target selected at compile time
     * @param targetPosition {@code "<line>:<column>"} of the target's key
     * @param host the host
     * @param defaultHttpPath the http path of the compute named {@code default}
     * @param computes the {@code compute:} entries, in file order
     */
    public Recipe {
      computes = List.copyOf(computes);
    }

    /**
     * Replays the recipe through the builder, as a generated factory does.
     *
     * @return the selection the builder makes of it
     */
    public DbtSelection selection() {
      Builder b = builder(file, profile, target, targetPosition)
          .host(host.source(), host.positionArray())
          .defaultHttpPath(defaultHttpPath.source(), defaultHttpPath.positionArray());
      computes.forEach(c -> b.compute(c.name(), c.namePosition(), c.httpPath().source(), c.httpPath().positionArray()));
      return b.selection();
    }
  }

  /**
   * A value as written, with where it and each of its templates start.
   *
   * @param source the value as written, templates included
   * @param positions {@code "<line>:<column>"} of the value, then of each template in it, in order
   */
  public record Value(String source, List<String> positions) {
    /**
     * Copies the list, so the record stays immutable.
     *
     * @param source the value as written, templates included
     * @param positions {@code "<line>:<column>"} of the value, then of each template in it
     */
    public Value {
      positions = List.copyOf(positions);
    }

    private String[] positionArray() {
      return positions.toArray(new String[0]);
    }
  }

  /**
   * One entry of the {@code compute:} block.
   *
   * @param name the compute's name
   * @param namePosition {@code "<line>:<column>"} of the name
   * @param httpPath its http path
   */
  public record Compute(String name, String namePosition, Value httpPath) {}

  /**
   * The recipe of an output the reader read: what a generated factory must hand back for
   * {@link Recipe#selection} to rebuild the same output.
   *
   * @param output an output read from profiles.yml
   * @return its values as written and their positions, as strings
   */
  public static Recipe recipe(DbtOutput output) {
    List<Compute> computes = new ArrayList<>();
    for (DbtCompute c : output.computes()) {
      computes.add(new Compute(c.name(), lineColumn(c.namePosition()), value(c.httpPath())));
    }
    return new Recipe(
        output.file(),
        output.profile(),
        output.target(),
        lineColumn(output.position()),
        value(output.host()),
        value(output.httpPath()),
        computes);
  }

  private static Value value(DbtValue value) {
    List<String> positions = new ArrayList<>();
    positions.add(lineColumn(value.position()));
    for (DbtValue.Part part : value.parts()) {
      if (part instanceof DbtValue.EnvVar var) {
        positions.add(lineColumn(var.position()));
      }
    }
    return new Value(value.source(), positions);
  }

  /** {@code "<line>:<column>"}: the one writer of the form {@link Builder} parses. */
  private static String lineColumn(YamlPosition p) {
    return p.line() + ":" + p.column();
  }

  /**
   * Starts an output.
   *
   * @param file the file's name, as messages show it
   * @param profile the dbt profile
   * @param target the target that was selected at compile time
   * @param targetPosition where the target's key ({@code prod:}) is written
   * @return a builder
   */
  public static Builder builder(String file, String profile, String target, String targetPosition) {
    return new Builder(file, profile, target, targetPosition);
  }

  /** Collects the values of one output. Not thread-safe. */
  public static final class Builder {
    private final String file;
    private final String profile;
    private final String target;
    private final YamlPosition position;
    private final String where;
    private DbtValue host;
    private DbtValue httpPath;
    private final List<DbtCompute> computes = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private Builder(String file, String profile, String target, String targetPosition) {
      this.file = Objects.requireNonNull(file, "file");
      this.profile = Objects.requireNonNull(profile, "profile");
      this.target = Objects.requireNonNull(target, "target");
      this.position = position(targetPosition);
      this.where = "target " + quote(target) + " of profile " + quote(profile);
    }

    /**
     * The host.
     *
     * @param source the value as written, templates included
     * @param positions the value's position, then the position of each template in it, in order
     * @return this builder
     */
    public Builder host(String source, String... positions) {
      host = value(source, "host of " + where, Subject.HOST, null, positions);
      return this;
    }

    /**
     * The http path of the compute named {@code default}.
     *
     * @param source the value as written, templates included
     * @param positions the value's position, then the position of each template in it, in order
     * @return this builder
     */
    public Builder defaultHttpPath(String source, String... positions) {
      httpPath = value(source, "http_path of " + where, Subject.HTTP_PATH, ComputeNames.DEFAULT, positions);
      return this;
    }

    /**
     * A named compute of the {@code compute:} block; order is kept.
     *
     * @param name the compute's name
     * @param namePosition where the name is written
     * @param source the http path as written, templates included
     * @param positions the value's position, then the position of each template in it, in order
     * @return this builder
     */
    public Builder compute(String name, String namePosition, String source, String... positions) {
      String field = "http_path of compute " + quote(name) + " of " + where;
      DbtValue path = value(source, field, Subject.HTTP_PATH, name, positions);
      if (path != null) {
        computes.add(new DbtCompute(name, position(namePosition), path));
      }
      return this;
    }

    /**
     * The output, ready for {@link DbtSelection#check}.
     *
     * @return the selection; it carries problems only if a value was not a supported template,
     *     which the processor has already refused at compile time
     * @throws IllegalStateException if the host or the default http path was not given
     */
    public DbtSelection selection() {
      if (!problems.isEmpty()) {
        return DbtSelection.failed(problems);
      }
      if (host == null || httpPath == null) {
        throw new IllegalStateException("host and defaultHttpPath are required");
      }
      return new DbtSelection(
          new DbtOutput(file, profile, target, position, host, httpPath, computes, List.of()), List.of());
    }

    private DbtValue value(String source, String field, Subject subject, String compute, String... positions) {
      Objects.requireNonNull(source, "source");
      if (positions.length == 0) {
        throw new IllegalArgumentException("the value's position is required");
      }
      YamlPosition valuePosition = position(positions[0]);
      int[] next = {1};
      EnvVarTemplates.Parsed parsed = EnvVarTemplates.parse(source, field, subject, compute, false,
          offset -> next[0] < positions.length ? position(positions[next[0]++]) : valuePosition,
          valuePosition);
      if (parsed.problem() != null) {
        problems.add(parsed.problem());
        return null;
      }
      return parsed.value();
    }

    private YamlPosition position(String lineColumn) {
      String[] parts = Objects.requireNonNull(lineColumn, "position").split(":");
      if (parts.length != 2) {
        throw new IllegalArgumentException("a position is \"<line>:<column>\", not " + quote(lineColumn));
      }
      return new YamlPosition(file, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
  }
}
