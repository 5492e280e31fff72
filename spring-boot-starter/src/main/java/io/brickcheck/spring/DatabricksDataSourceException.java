package io.brickcheck.spring;

import io.brickcheck.rules.Problem;
import java.util.List;

/**
 * A {@code jdbc:databricks:} DataSource the rule engine refused at start-up; {@link
 * DatabricksDataSourceFailureAnalyzer} turns it into Spring Boot's start-up report. Its message
 * holds the problems' messages (each quotes the offending value, never a secret), the property and
 * where it was set.
 */
public final class DatabricksDataSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The problems, errors only (warnings of a strict check included as errors). */
  private final transient List<Problem> problems;

  /** The DataSource's bean name. */
  private final String beanName;

  /** The property the URL came from ({@code spring.datasource.url}), or null when unknown. */
  private final String property;

  /** Where the property was set ({@code class path resource [application.yml] - 3:10}), or null. */
  private final String origin;

  /** The URL with its secrets replaced by {@code ***}, or null when it could not be split. */
  private final String redactedUrl;

  DatabricksDataSourceException(
      List<Problem> problems, String beanName, String property, String origin, String redactedUrl) {
    super(text(problems, beanName, property, origin));
    this.problems = List.copyOf(problems);
    this.beanName = beanName;
    this.property = property;
    this.origin = origin;
    this.redactedUrl = redactedUrl;
  }

  private static String text(List<Problem> problems, String beanName, String property, String origin) {
    StringBuilder out = new StringBuilder("DataSource '").append(beanName).append("'");
    if (property != null) {
      out.append(", ").append(property);
    }
    if (origin != null) {
      out.append(" (").append(origin).append(')');
    }
    out.append(": ").append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
    for (Problem p : problems) {
      out.append(System.lineSeparator()).append("  ").append(p.message());
    }
    return out.toString();
  }

  /**
   * The errors that stopped the DataSource.
   *
   * @return the problems, in the rule engine's order
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * The DataSource's bean name.
   *
   * @return the bean name
   */
  public String beanName() {
    return beanName;
  }

  /**
   * The property the URL was read from.
   *
   * @return the property name, such as {@code spring.datasource.url}, or null when unknown
   */
  public String property() {
    return property;
  }

  /**
   * Where the property was set, as Spring's {@code Origin} shows it.
   *
   * @return the origin, such as {@code class path resource [application-prod.yml] - 3:10}, or null
   */
  public String origin() {
    return origin;
  }

  /**
   * The URL without secrets.
   *
   * @return the URL with every secret value replaced by {@code ***}, or null
   */
  public String redactedUrl() {
    return redactedUrl;
  }
}
