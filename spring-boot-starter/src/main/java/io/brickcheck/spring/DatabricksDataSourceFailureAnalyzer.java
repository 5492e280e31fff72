package io.brickcheck.spring;

import io.brickcheck.rules.Problem;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Spring Boot's start-up report for a {@code jdbc:databricks:} DataSource with errors: every code
 * and message (the value quoted, secrets never), the property, the file and line it came from, the
 * URL without secrets, and what to do. Registered in {@code META-INF/spring.factories}.
 */
public final class DatabricksDataSourceFailureAnalyzer extends AbstractFailureAnalyzer<DatabricksDataSourceException> {

  /** The instance Spring Boot's factories loader creates. */
  public DatabricksDataSourceFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, DatabricksDataSourceException cause) {
    String nl = System.lineSeparator();
    StringBuilder description = new StringBuilder("Brickcheck refused the Databricks DataSource '")
        .append(cause.beanName()).append("'.").append(nl).append(nl);
    description.append("    Property: ").append(cause.property() == null ? "(not found in the environment)" : cause.property()).append(nl);
    description.append("    Origin: ").append(cause.origin() == null ? "(unknown)" : cause.origin()).append(nl);
    if (cause.redactedUrl() != null) {
      description.append("    Value: \"").append(cause.redactedUrl()).append('"').append(nl);
    }
    description.append(nl);
    for (Problem p : cause.problems()) {
      description.append("    ").append(p.message()).append(nl);
    }
    String where = cause.property() == null ? "the DataSource's URL" : cause.property()
        + (cause.origin() == null ? "" : " in " + cause.origin());
    String action = "Correct " + where + " as each message says (docs/rules.md lists every code)."
        + " Keep secrets out of the URL: set spring.datasource.password instead.";
    return new FailureAnalysis(description.toString().stripTrailing(), action, cause);
  }
}
