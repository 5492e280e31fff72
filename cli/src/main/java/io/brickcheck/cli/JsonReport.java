package io.brickcheck.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.brickcheck.internal.rules.ComputeReport;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileReport;

/** The machine-readable form of a report: exactly one JSON object (schema in docs/guide.md, "The check command line"). */
final class JsonReport {
  private JsonReport() {}

  static String render(ProfileReport report) {
    return render(report, null);
  }

  /** @param status the status block's JSON ({@code --probe blocking}), or null */
  static String render(ProfileReport report, String status) {
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
      problem.addProperty("location", location(p));
      problems.add(problem);
    }
    root.add("problems", problems);
    if (status != null) {
      root.add("status", JsonParser.parseString(status));
    }
    return new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create().toJson(root)
        + System.lineSeparator();
  }

  /**
   * Where a file source's problem is: {@code file:line:col} or {@code env:NAME}, the prefix its
   * message carries after the tag (dbt and .databrickscfg messages); null for flags.
   */
  static String location(Problem p) {
    String tag = p.code().tag() + " ";
    if (!p.message().startsWith(tag)) {
      return null;
    }
    java.util.regex.Matcher m = LOCATION.matcher(p.message().substring(tag.length()));
    return m.lookingAt() ? m.group(1) : null;
  }

  /**
   * {@code <file>:<line>:<col>: } (the file name has no line break), {@code env:<NAME>: } or
   * {@code JDBC URL, <key> at character <n>: }.
   */
  private static final java.util.regex.Pattern LOCATION =
      java.util.regex.Pattern.compile("(env:[A-Za-z_][A-Za-z0-9_]*|JDBC URL, [^\\n]{1,60}? at character \\d{1,9}"
          + "|[^\\n\"]{1,300}?:\\d{1,9}:\\d{1,9}): ");
}
