package io.brickcheck.internal.cfg;

import io.brickcheck.rules.Problem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one Databricks CLI profile as a Databricks SDK would resolve them: each value
 * with its origin (a {@code .databrickscfg} position or a {@code DATABRICKS_*} variable), secrets
 * as presence only. Immutable.
 */
public final class DatabricksSettings {
  private final String name;
  private final Origin origin;
  private final Map<String, Setting> values;
  private final List<Problem> problems;

  DatabricksSettings(String name, Origin origin, Map<String, Setting> values, List<Problem> problems) {
    this.name = name;
    this.origin = origin;
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    this.problems = List.copyOf(problems);
  }

  /**
   * The profile's name: the section's name, or {@code env} for settings from the environment only.
   *
   * @return the name the rule engine's messages and the status block use
   */
  public String name() {
    return name;
  }

  /**
   * Where the profile as a whole is: its section header, or null when it comes from the environment.
   *
   * @return the origin, or empty
   */
  public Optional<Origin> origin() {
    return Optional.ofNullable(origin);
  }

  /**
   * One setting.
   *
   * @param key a key as the file spells it, such as {@code host}
   * @return the setting, or empty when it is unset or empty
   */
  public Optional<Setting> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /**
   * The value of a non-secret setting.
   *
   * @param key a key such as {@code warehouse_id}
   * @return the value, or null when unset (always null for a secret)
   */
  String value(String key) {
    Setting s = values.get(key);
    return s == null ? null : s.value();
  }

  /**
   * Every setting, in the order of {@link DatabricksCfg#KEYS}.
   *
   * @return the settings, secrets without values
   */
  public List<Setting> settings() {
    return new ArrayList<>(values.values());
  }

  /**
   * What was found while reading that is not a rule-engine problem: a value the CLI and the Java SDK
   * read differently, a misspelled key, a variable that overrides the file.
   *
   * @return the problems, each starting with its origin
   */
  public List<Problem> problems() {
    return problems;
  }

  @Override
  public String toString() {
    return "DatabricksSettings[" + name + ", " + values.values() + "]";
  }
}
