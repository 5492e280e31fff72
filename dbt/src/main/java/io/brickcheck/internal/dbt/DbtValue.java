package io.brickcheck.internal.dbt;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import io.brickcheck.internal.rules.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One value Brickcheck reads from {@code profiles.yml} (a host or an http path): literal text, or a
 * template made of literal parts and {@code {{ env_var('NAME'[, 'default']) | filter ... }}} parts that
 * only the run-time environment completes. Never holds a secret: tokens and client secrets are
 * {@link DbtSecret}s, which keep no value at all.
 */
public final class DbtValue {
  /** A piece of a value. */
  public sealed interface Part permits Literal, EnvVar {}

  /** Text written in the file. */
  public record Literal(String text) implements Part {
    /**
     * Checks that the text is present.
     *
     * @param text see {@link #text()}
     */
    public Literal {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * {@code {{ env_var('name'[, 'defaultValue']) | filter ... }}}.
   *
   * @param name the environment variable
   * @param defaultValue the value used when the variable is unset, or null for none
   * @param filters applied in order to the variable's value (or the default), never to an unset
   *     variable: dbt's env_var raises before any filter runs
   * @param position where the template starts in the file
   */
  public record EnvVar(String name, String defaultValue, List<DbtFilter> filters, YamlPosition position)
      implements Part {
    /**
     * Checks that the name and position are present and copies the filters.
     *
     * @param name the environment variable
     * @param defaultValue the value used when the variable is unset, or null for none
     * @param filters applied in order to the variable's value (or the default)
     * @param position where the template starts in the file
     */
    public EnvVar {
      Objects.requireNonNull(name, "name");
      filters = List.copyOf(filters);
      Objects.requireNonNull(position, "position");
    }

    /**
     * A template without filters.
     *
     * @param name the environment variable
     * @param defaultValue the value used when the variable is unset, or null for none
     * @param position where the template starts in the file
     */
    public EnvVar(String name, String defaultValue, YamlPosition position) {
      this(name, defaultValue, List.of(), position);
    }

    /**
     * The template as dbt would read it, for messages.
     *
     * @return the template as dbt would read it, for messages
     */
    public String source() {
      StringBuilder out = new StringBuilder("{{ env_var('").append(name).append("'");
      if (defaultValue != null) {
        out.append(", '").append(defaultValue).append("'");
      }
      out.append(")");
      filters.forEach(f -> out.append(" | ").append(f.source()));
      return out.append(" }}").toString();
    }

    /**
     * The value dbt renders for this part.
     *
     * @param env the environment variables
     * @return the variable's value (or the default) through every filter, or null when the
     *     variable is unset and there is no default
     */
    public String render(Map<String, String> env) {
      String value = env == null ? null : env.get(name);
      if (value == null) {
        value = defaultValue;
      }
      if (value == null) {
        return null;
      }
      for (DbtFilter filter : filters) {
        value = filter.apply(value);
      }
      return value;
    }
  }

  /**
   * The outcome of {@link #render}.
   *
   * @param value the rendered text, or null when a variable is missing
   * @param problems one {@code MissingEnvironmentVariable} per unset variable without default
   */
  public record Rendered(String value, List<Problem> problems) {
    /**
     * Copies the list, so the record stays immutable.
     *
     * @param value the rendered text, or null when a variable is missing
     * @param problems one {@code MissingEnvironmentVariable} per unset variable without default
     */
    public Rendered {
      problems = List.copyOf(problems);
    }

    /**
     * Whether the value rendered.
     *
     * @return true when there is no problem
     */
    public boolean isOk() {
      return problems.isEmpty();
    }
  }

  private final String field;
  private final Subject subject;
  private final String compute;
  private final String source;
  private final List<Part> parts;
  private final YamlPosition position;

  DbtValue(String field, Subject subject, String compute, String source, List<Part> parts, YamlPosition position) {
    this.field = Objects.requireNonNull(field, "field");
    this.subject = Objects.requireNonNull(subject, "subject");
    this.compute = compute;
    this.source = Objects.requireNonNull(source, "source");
    this.parts = List.copyOf(parts);
    this.position = Objects.requireNonNull(position, "position");
  }

  /**
   * What the value is, for messages: {@code host}, {@code http_path of compute "etl"}.
   *
   * @return what the value is, for messages
   */
  public String field() {
    return field;
  }

  /**
   * What the rule engine's problems about this value are about.
   *
   * @return what the rule engine's problems about this value are about
   */
  public Subject subject() {
    return subject;
  }

  /**
   * The compute whose http path this is ({@code default} for the target's own), or null for the host.
   *
   * @return the compute whose http path this is
   */
  public String compute() {
    return compute;
  }

  /**
   * The value exactly as written in the file (templates included).
   *
   * @return the value exactly as written in the file (templates included)
   */
  public String source() {
    return source;
  }

  /**
   * The value split into literal text and templates.
   *
   * @return the parts, in order
   */
  public List<Part> parts() {
    return parts;
  }

  /**
   * Where the value starts in the file.
   *
   * @return where the value starts in the file
   */
  public YamlPosition position() {
    return position;
  }

  /**
   * True when some part is an env_var template: the value is known only at run time.
   *
   * @return true when some part is an env_var template
   */
  public boolean isTemplate() {
    return parts.stream().anyMatch(EnvVar.class::isInstance);
  }

  /**
   * The text when the value is literal.
   *
   * @return the text when the value is literal
   */
  public Optional<String> literal() {
    return isTemplate() ? Optional.empty() : Optional.of(source);
  }

  /**
   * The environment variables the value reads, in order, each once.
   *
   * @return the environment variables the value reads, in order, each once
   */
  public List<String> envVarNames() {
    return parts.stream()
        .filter(EnvVar.class::isInstance)
        .map(p -> ((EnvVar) p).name())
        .distinct()
        .toList();
  }

  /**
   * The value with every env_var replaced, as dbt renders it: a set variable wins (even when
   * empty), then the default, then the filters in order; an unset variable without default is a
   * {@code MissingEnvironmentVariable} problem naming the variable and its position.
   *
   * @param env the environment variables that templates read
   * @return the rendered text, or the problem
   */
  public Rendered render(Map<String, String> env) {
    StringBuilder out = new StringBuilder();
    List<Problem> problems = new ArrayList<>();
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        out.append(literal.text());
      } else if (part instanceof EnvVar var) {
        String value = var.render(env);
        if (value == null) {
          problems.add(missing(var));
        } else {
          out.append(value);
        }
      }
    }
    return problems.isEmpty() ? new Rendered(out.toString(), List.of()) : new Rendered(null, problems);
  }

  private Problem missing(EnvVar var) {
    return DbtProblems.at(
        Code.MissingEnvironmentVariable,
        subject,
        compute,
        var.position(),
        "environment variable " + Text.quote(var.name()) + " is not set, and " + field
            + " has no default for it. A value for " + var.name() + " is expected when the"
            + " connection is made. Set " + var.name() + ", or give a default: {{ env_var('"
            + var.name() + "', '<default>') }}"
            + (var.filters().stream().anyMatch(DbtFilter.Default.class::isInstance)
                ? " (the default filter does not help: dbt's env_var fails before any filter runs)"
                : ""));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DbtValue v
        && field.equals(v.field)
        && subject == v.subject
        && Objects.equals(compute, v.compute)
        && source.equals(v.source)
        && parts.equals(v.parts)
        && position.equals(v.position);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, subject, compute, source, parts, position);
  }

  /** Hosts and http paths are not secrets: showing them as written helps. */
  @Override
  public String toString() {
    return field + " " + Text.quote(source) + " at " + position;
  }
}
