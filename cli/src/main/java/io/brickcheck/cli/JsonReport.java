package io.brickcheck.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.brickcheck.internal.rules.ComputeReport;
import io.brickcheck.rules.Location;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileReport;

/**
 * The machine-readable form of a report: exactly one JSON object (schema in docs/guide.md, "The
 * check command line"). Each problem's place comes from its fields ({@link Problem#location()},
 * its compute and index, the report's source), never from its message text.
 */
final class JsonReport {
  private JsonReport() {}

  static String render(ProfileReport report) {
    return render(report, ReportSource.NONE, null);
  }

  /**
   * {@code {"error": kind, "message": ..., "help": ...}}, nulls kept. Here rather than in {@link
   * BrickcheckCli}, so that verifying that class does not load Gson on every run.
   */
  static String error(String kind, String message, String help) {
    JsonObject error = new JsonObject();
    error.addProperty("error", kind);
    error.addProperty("message", message);
    error.addProperty("help", help);
    return new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create().toJson(error);
  }

  /**
   * @param source the profile and target the source names
   * @param status the status block's JSON ({@code --probe blocking}), or null
   */
  static String render(ProfileReport report, ReportSource source, String status) {
    JsonObject root = new JsonObject();
    root.addProperty("host", report.host().hostIfValid().map(Object::toString).orElse(report.host().safeInput()));
    root.addProperty("hostKind", report.hostKind().name());
    root.addProperty("workspaceId", report.workspaceId());
    JsonArray computes = new JsonArray();
    for (ComputeReport c : report.computes()) {
      JsonObject compute = new JsonObject();
      compute.addProperty("name", c.name());
      compute.addProperty("httpPath", c.path().input());
      compute.addProperty("workspaceId", c.path().workspaceId());
      compute.addProperty("source", c.workspaceIdSource().name());
      computes.add(compute);
    }
    root.add("computes", computes);
    JsonArray problems = new JsonArray();
    for (Problem p : report.problems()) {
      JsonObject problem = new JsonObject();
      problem.addProperty("code", p.code().name());
      problem.addProperty("severity", p.severity().name());
      problem.addProperty("compute", p.compute());
      problem.addProperty("message", p.message());
      Location where = p.location();
      problem.addProperty("location", where == null ? null : where.toString());
      problem.addProperty("computeIndex", p.computeIndex() == Problem.NO_INDEX ? null : p.computeIndex());
      boolean inFile = where != null && where.kind() == Location.Kind.FILE;
      problem.addProperty("file", inFile ? where.file() : null);
      problem.addProperty("line", inFile ? where.line() : null);
      problem.addProperty("column", where == null || where.kind() == Location.Kind.ENVIRONMENT ? null : where.column());
      problem.addProperty("variable", where != null && where.kind() == Location.Kind.ENVIRONMENT ? where.name() : null);
      problem.addProperty("key", where != null && where.kind() == Location.Kind.JDBC_URL ? where.name() : null);
      problem.addProperty("profile", source.profile());
      problem.addProperty("target", source.target());
      problems.add(problem);
    }
    root.add("problems", problems);
    if (status != null) {
      root.add("status", JsonParser.parseString(status));
    }
    return new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create().toJson(root)
        + System.lineSeparator();
  }
}
