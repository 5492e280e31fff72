package io.brickcheck.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Location;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileReport;
import io.brickcheck.rules.Severity;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The report as SARIF 2.1.0 (OASIS, "Static Analysis Results Interchange Format"), for code-scanning
 * tools: one run whose driver lists every {@link Code} as a rule, one result per problem with its
 * rule, level, the message as printed elsewhere, and where it is: a file region for dbt and
 * {@code .databrickscfg} values, a logical location for a variable or a JDBC URL property.
 */
final class SarifReport {
  static final String VERSION = "2.1.0";
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final String CATALOGUE = "https://github.com/brickcheck/brickcheck/blob/main/docs/catalogue.md#";

  private SarifReport() {}

  /**
   * @param source the profile and target the source names
   * @param toolVersion Brickcheck's version, or null when unknown
   */
  static String render(ProfileReport report, ReportSource source, String toolVersion) {
    JsonObject driver = new JsonObject();
    driver.addProperty("name", "brickcheck");
    if (toolVersion != null) {
      driver.addProperty("version", toolVersion);
    }
    driver.addProperty("informationUri", "https://github.com/brickcheck/brickcheck");
    JsonArray rules = new JsonArray();
    for (Code code : Code.values()) {
      JsonObject rule = new JsonObject();
      rule.addProperty("id", code.name());
      rule.addProperty("name", code.name());
      rule.addProperty("helpUri", CATALOGUE + code.name().toLowerCase(Locale.ROOT));
      JsonObject configuration = new JsonObject();
      configuration.addProperty("level", level(code.defaultSeverity()));
      rule.add("defaultConfiguration", configuration);
      rules.add(rule);
    }
    driver.add("rules", rules);
    JsonObject tool = new JsonObject();
    tool.add("driver", driver);

    JsonArray results = new JsonArray();
    for (Problem p : report.problems()) {
      JsonObject result = new JsonObject();
      result.addProperty("ruleId", p.code().name());
      result.addProperty("ruleIndex", p.code().ordinal());
      result.addProperty("level", level(p.severity()));
      JsonObject message = new JsonObject();
      message.addProperty("text", p.message());
      result.add("message", message);
      JsonArray locations = new JsonArray();
      if (p.location() != null) {
        locations.add(location(p.location()));
      }
      result.add("locations", locations);
      JsonObject properties = new JsonObject();
      properties.addProperty("severity", p.severity().name());
      if (p.compute() != null) {
        properties.addProperty("compute", p.compute());
      }
      if (p.computeIndex() != Problem.NO_INDEX) {
        properties.addProperty("computeIndex", p.computeIndex());
      }
      if (source.profile() != null) {
        properties.addProperty("profile", source.profile());
      }
      if (source.target() != null) {
        properties.addProperty("target", source.target());
      }
      result.add("properties", properties);
      results.add(result);
    }

    JsonObject run = new JsonObject();
    run.add("tool", tool);
    // Columns count code points, as every Brickcheck position does.
    run.addProperty("columnKind", "unicodeCodePoints");
    run.add("results", results);
    JsonArray runs = new JsonArray();
    runs.add(run);
    JsonObject root = new JsonObject();
    root.addProperty("$schema", SCHEMA);
    root.addProperty("version", VERSION);
    root.add("runs", runs);
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + System.lineSeparator();
  }

  /** SARIF's {@code level}: a note stays a note; a warning made an error by strict mode is an error. */
  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTE -> "note";
    };
  }

  private static JsonObject location(Location where) {
    JsonObject location = new JsonObject();
    if (where.kind() == Location.Kind.FILE) {
      JsonObject artifact = new JsonObject();
      artifact.addProperty("uri", uri(where.file()));
      JsonObject region = new JsonObject();
      region.addProperty("startLine", Math.max(1, where.line()));
      region.addProperty("startColumn", Math.max(1, where.column()));
      JsonObject physical = new JsonObject();
      physical.add("artifactLocation", artifact);
      physical.add("region", region);
      location.add("physicalLocation", physical);
    } else {
      JsonObject logical = new JsonObject();
      logical.addProperty("name", where.name());
      logical.addProperty("fullyQualifiedName", where.toString());
      logical.addProperty("kind", where.kind() == Location.Kind.ENVIRONMENT ? "variable" : "property");
      JsonArray logicals = new JsonArray();
      logicals.add(logical);
      location.add("logicalLocations", logicals);
    }
    return location;
  }

  /**
   * A file name as a URI reference: an absolute path as a {@code file:} URI, a relative one
   * percent-encoded with {@code /} separators (SARIF consumers resolve it against the checkout).
   */
  static String uri(String file) {
    try {
      Path path = Path.of(file);
      if (path.isAbsolute()) {
        return path.toUri().toASCIIString();
      }
    } catch (InvalidPathException e) {
      // Not a path on this system: encoded as a relative reference below.
    }
    try {
      return new URI(null, null, file.replace('\\', '/'), null).toASCIIString();
    } catch (URISyntaxException e) {
      return "unknown";
    }
  }
}
