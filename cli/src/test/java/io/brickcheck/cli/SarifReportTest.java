package io.brickcheck.cli;

import static io.brickcheck.cli.CheckDbtProfilesTest.file;
import static io.brickcheck.cli.CheckDbtProfilesTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.brickcheck.rules.Code;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --format sarif}: the output is checked against the SARIF 2.1.0 schema's rules for every
 * object it uses (required properties, the properties each object may have, enumerations and
 * minimums; OASIS SARIF 2.1.0, sarif-schema-2.1.0.json), by the small validator below, then for
 * what each result says.
 */
class SarifReportTest {
  static final String ID = "6436897454825492";

  @TempDir Path home;

  /** One object type of the schema: the properties it allows, those it requires, and its children's types. */
  record Type(Set<String> allowed, Set<String> required, Map<String, String> objects, Map<String, String> arrays) {}

  /** The schema's definitions for the objects Brickcheck writes; "propertyBag" allows anything. */
  static final Map<String, Type> SCHEMA = Map.ofEntries(
      Map.entry("sarifLog", new Type(Set.of("$schema", "version", "runs", "inlineExternalProperties", "properties"),
          Set.of("version", "runs"), Map.of(), Map.of("runs", "run"))),
      Map.entry("run", new Type(Set.of("tool", "invocations", "conversion", "language", "versionControlProvenance",
          "originalUriBaseIds", "artifacts", "logicalLocations", "graphs", "results", "automationDetails",
          "runAggregates", "baselineGuid", "redactionTokens", "defaultEncoding", "defaultSourceLanguage",
          "newlineSequences", "columnKind", "externalPropertyFileReferences", "threadFlowLocations", "taxonomies",
          "addresses", "translations", "policies", "webRequests", "webResponses", "specialLocations", "properties"),
          Set.of("tool"), Map.of("tool", "tool", "properties", "propertyBag"), Map.of("results", "result"))),
      Map.entry("tool", new Type(Set.of("driver", "extensions", "properties"), Set.of("driver"),
          Map.of("driver", "toolComponent"), Map.of())),
      Map.entry("toolComponent", new Type(Set.of("guid", "name", "organization", "product", "productSuffix",
          "shortDescription", "fullDescription", "fullName", "version", "semanticVersion", "dottedQuadFileVersion",
          "releaseDateUtc", "downloadUri", "informationUri", "globalMessageStrings", "notifications", "rules", "taxa",
          "locations", "language", "contents", "isComprehensive", "localizedDataSemanticVersion",
          "minimumRequiredLocalizedDataSemanticVersion", "associatedComponent", "translationMetadata",
          "supportedTaxonomies", "properties"), Set.of("name"), Map.of(), Map.of("rules", "reportingDescriptor"))),
      Map.entry("reportingDescriptor", new Type(Set.of("id", "deprecatedIds", "guid", "deprecatedGuids", "name",
          "deprecatedNames", "shortDescription", "fullDescription", "messageStrings", "defaultConfiguration", "helpUri",
          "help", "relationships", "properties"), Set.of("id"),
          Map.of("defaultConfiguration", "reportingConfiguration"), Map.of())),
      Map.entry("reportingConfiguration", new Type(Set.of("enabled", "level", "rank", "parameters", "properties"),
          Set.of(), Map.of(), Map.of())),
      Map.entry("result", new Type(Set.of("ruleId", "ruleIndex", "rule", "kind", "level", "message", "analysisTarget",
          "locations", "guid", "correlationGuid", "occurrenceCount", "partialFingerprints", "fingerprints", "stacks",
          "codeFlows", "graphs", "graphTraversals", "relatedLocations", "suppressions", "baselineState", "rank",
          "attachments", "hostedViewerUri", "workItemUris", "provenance", "fixes", "taxa", "webRequest", "webResponse",
          "properties"), Set.of("message"), Map.of("message", "message", "properties", "propertyBag"),
          Map.of("locations", "location"))),
      Map.entry("message", new Type(Set.of("text", "markdown", "id", "arguments", "properties"), Set.of(), Map.of(),
          Map.of())),
      Map.entry("location", new Type(Set.of("id", "physicalLocation", "logicalLocations", "message", "annotations",
          "relationships", "properties"), Set.of(), Map.of("physicalLocation", "physicalLocation"),
          Map.of("logicalLocations", "logicalLocation"))),
      Map.entry("physicalLocation", new Type(Set.of("address", "artifactLocation", "region", "contextRegion",
          "properties"), Set.of(), Map.of("artifactLocation", "artifactLocation", "region", "region"), Map.of())),
      Map.entry("artifactLocation", new Type(Set.of("uri", "uriBaseId", "index", "description", "properties"),
          Set.of(), Map.of(), Map.of())),
      Map.entry("region", new Type(Set.of("startLine", "startColumn", "endLine", "endColumn", "charOffset",
          "charLength", "byteOffset", "byteLength", "snippet", "message", "sourceLanguage", "properties"), Set.of(),
          Map.of(), Map.of())),
      Map.entry("logicalLocation", new Type(Set.of("name", "index", "fullyQualifiedName", "decoratedName",
          "parentIndex", "kind", "properties"), Set.of(), Map.of(), Map.of())));

  static final Set<String> LEVELS = Set.of("none", "note", "warning", "error");

  /** Every way {@code value} breaks the schema as a {@code type}, with its JSON path. */
  static List<String> violations(JsonElement value, String type, String path) {
    List<String> out = new ArrayList<>();
    if ("propertyBag".equals(type)) {
      if (!value.isJsonObject()) {
        out.add(path + ": not an object");
      }
      return out;
    }
    if (!value.isJsonObject()) {
      out.add(path + ": not an object");
      return out;
    }
    JsonObject o = value.getAsJsonObject();
    Type t = SCHEMA.get(type);
    for (String key : o.keySet()) {
      if (!t.allowed().contains(key)) {
        out.add(path + "." + key + ": not a property of " + type);
      }
    }
    for (String key : t.required()) {
      if (!o.has(key)) {
        out.add(path + ": " + type + " requires " + key);
      }
    }
    t.objects().forEach((key, child) -> {
      if (o.has(key)) {
        out.addAll(violations(o.get(key), child, path + "." + key));
      }
    });
    t.arrays().forEach((key, child) -> {
      if (o.has(key)) {
        if (!o.get(key).isJsonArray()) {
          out.add(path + "." + key + ": not an array");
        } else {
          JsonArray a = o.getAsJsonArray(key);
          for (int i = 0; i < a.size(); i++) {
            out.addAll(violations(a.get(i), child, path + "." + key + "[" + i + "]"));
          }
        }
      }
    });
    // The constraints beyond shape, for the properties Brickcheck writes.
    switch (type) {
      case "sarifLog" -> {
        if (!o.has("version") || !"2.1.0".equals(o.get("version").getAsString())) {
          out.add(path + ".version: must be 2.1.0");
        }
      }
      case "run" -> {
        if (o.has("columnKind") && !Set.of("utf16CodeUnits", "unicodeCodePoints").contains(o.get("columnKind").getAsString())) {
          out.add(path + ".columnKind: not in the enumeration");
        }
      }
      case "result", "reportingConfiguration" -> {
        if (o.has("level") && !LEVELS.contains(o.get("level").getAsString())) {
          out.add(path + ".level: not in the enumeration");
        }
        if (o.has("ruleIndex") && o.get("ruleIndex").getAsInt() < -1) {
          out.add(path + ".ruleIndex: below -1");
        }
      }
      case "message" -> {
        if (!o.has("text") && !o.has("id")) {
          out.add(path + ": message requires text or id");
        }
      }
      case "physicalLocation" -> {
        if (!o.has("address") && !o.has("artifactLocation")) {
          out.add(path + ": physicalLocation requires address or artifactLocation");
        }
      }
      case "region" -> {
        for (String key : new String[] {"startLine", "startColumn"}) {
          if (o.has(key) && o.get(key).getAsInt() < 1) {
            out.add(path + "." + key + ": below 1");
          }
        }
      }
      default -> {}
    }
    return out;
  }

  /** Parses, validates against the schema, and returns the run. */
  static JsonObject validRun(CheckCommandTest.Run r) {
    JsonObject log = JsonParser.parseString(r.out()).getAsJsonObject();
    assertThat(violations(log, "sarifLog", "$")).isEmpty();
    assertThat(log.getAsJsonArray("runs")).hasSize(1);
    JsonObject run = log.getAsJsonArray("runs").get(0).getAsJsonObject();
    // ruleIndex points at the rule of ruleId in the driver's rules.
    JsonArray rules = run.getAsJsonObject("tool").getAsJsonObject("driver").getAsJsonArray("rules");
    for (JsonElement e : run.getAsJsonArray("results")) {
      JsonObject result = e.getAsJsonObject();
      assertThat(rules.get(result.get("ruleIndex").getAsInt()).getAsJsonObject().get("id").getAsString())
          .isEqualTo(result.get("ruleId").getAsString());
    }
    return run;
  }

  @Test
  void theValidatorRejectsWhatTheSchemaRejects() {
    JsonObject bad = JsonParser.parseString("{\"version\":\"2.0.0\",\"runs\":[{\"tool\":{\"driver\":{}},"
        + "\"results\":[{\"level\":\"fatal\",\"message\":{},\"locations\":[{\"physicalLocation\":{\"region\":"
        + "{\"startLine\":0}}}],\"extra\":1}]}]}").getAsJsonObject();

    assertThat(violations(bad, "sarifLog", "$")).containsExactlyInAnyOrder(
        "$.version: must be 2.1.0",
        "$.runs[0].tool.driver: toolComponent requires name",
        "$.runs[0].results[0].extra: not a property of result",
        "$.runs[0].results[0].level: not in the enumeration",
        "$.runs[0].results[0].message: message requires text or id",
        "$.runs[0].results[0].locations[0].physicalLocation: physicalLocation requires address or artifactLocation",
        "$.runs[0].results[0].locations[0].physicalLocation.region.startLine: below 1");
  }

  @Test
  void theDriverListsEveryCodeAsARuleWithItsDefaultLevel() {
    CheckCommandTest.Run r = CheckCommandTest.run("check", "--format", "sarif", "--host", "peco.azuredatabricks.net",
        "--http-path", "/sql/1.0/warehouses/a1b2c3d4e5f6a7b8?o=" + ID);

    assertThat(r.status()).isZero();
    JsonObject run = validRun(r);
    JsonObject driver = run.getAsJsonObject("tool").getAsJsonObject("driver");
    assertThat(driver.get("name").getAsString()).isEqualTo("brickcheck");
    assertThat(driver.get("version").getAsString()).isNotBlank();
    JsonArray rules = driver.getAsJsonArray("rules");
    assertThat(rules).hasSize(Code.values().length);
    assertThat(rules.get(Code.InvalidHost.ordinal()).getAsJsonObject().get("id").getAsString()).isEqualTo("InvalidHost");
    assertThat(rules.get(Code.UnrecognizedHttpPath.ordinal()).getAsJsonObject()
        .getAsJsonObject("defaultConfiguration").get("level").getAsString()).isEqualTo("warning");
    assertThat(rules.get(Code.UnclassifiedHost.ordinal()).getAsJsonObject()
        .getAsJsonObject("defaultConfiguration").get("level").getAsString()).isEqualTo("note");
    assertThat(run.get("columnKind").getAsString()).isEqualTo("unicodeCodePoints");
    assertThat(run.getAsJsonArray("results")).isEmpty();
  }

  @Test
  void aDbtProblemIsAFileRegionAndItsMessageIsTheJsonMessage() {
    String[] args = {"check", "--profiles", file("errors.yml"), "--profile", "rules", "--format"};
    CheckCommandTest.Run sarif = run(Map.of(), CheckCommandTest.append(args, "sarif"));
    CheckCommandTest.Run json = run(Map.of(), CheckCommandTest.append(args, "json"));

    assertThat(sarif.status()).isEqualTo(json.status()).isEqualTo(1);
    JsonArray results = validRun(sarif).getAsJsonArray("results");
    JsonArray problems = JsonLocationFieldsTest.problems(json);
    assertThat(results).hasSize(problems.size());
    for (int i = 0; i < results.size(); i++) {
      JsonObject result = results.get(i).getAsJsonObject();
      JsonObject problem = problems.get(i).getAsJsonObject();
      assertThat(result.get("ruleId").getAsString()).isEqualTo(problem.get("code").getAsString());
      assertThat(result.getAsJsonObject("message").get("text").getAsString()).isEqualTo(problem.get("message").getAsString());
      JsonObject physical = result.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation");
      assertThat(physical.getAsJsonObject("artifactLocation").get("uri").getAsString()).isEqualTo("errors.yml");
      assertThat(physical.getAsJsonObject("region").get("startLine").getAsInt()).isEqualTo(problem.get("line").getAsInt());
      assertThat(physical.getAsJsonObject("region").get("startColumn").getAsInt()).isEqualTo(problem.get("column").getAsInt());
      assertThat(result.get("level").getAsString()).isEqualTo(problem.get("severity").getAsString().toLowerCase(java.util.Locale.ROOT));
    }
    JsonObject first = results.get(0).getAsJsonObject();
    assertThat(first.getAsJsonObject("properties").get("profile").getAsString()).isEqualTo("rules");
    assertThat(first.getAsJsonObject("properties").get("target").getAsString()).isEqualTo("prod");
  }

  @Test
  void aConfigFileIsAFileUriAVariableAndAUrlPropertyAreLogicalLocations() throws Exception {
    Path cfg = home.resolve("my config.ini");
    Files.writeString(cfg, "[prod]\nhost = https://peco.azuredatabricks.net\nworkspace_id = 42x\nwarehouse_id = abc\n",
        StandardCharsets.UTF_8);
    JsonObject fromFile = validRun(run(Map.of(), "check", "--format", "sarif", "--databrickscfg", cfg.toString(),
        "--profile", "prod")).getAsJsonArray("results").get(0).getAsJsonObject();
    String uri = fromFile.getAsJsonArray("locations").get(0).getAsJsonObject().getAsJsonObject("physicalLocation")
        .getAsJsonObject("artifactLocation").get("uri").getAsString();
    assertThat(uri).startsWith("file:/").endsWith("/my%20config.ini");
    assertThat(Path.of(java.net.URI.create(uri))).isEqualTo(cfg);

    JsonObject fromEnv = validRun(run(Map.of("DATABRICKS_HOST", "https://peco.azuredatabricks.net",
        "DATABRICKS_WAREHOUSE_ID", "abc", "DATABRICKS_WORKSPACE_ID", "none"), "check", "--env", "--format", "sarif"))
        .getAsJsonArray("results").get(0).getAsJsonObject();
    JsonObject variable = fromEnv.getAsJsonArray("locations").get(0).getAsJsonObject()
        .getAsJsonArray("logicalLocations").get(0).getAsJsonObject();
    assertThat(variable.get("name").getAsString()).isEqualTo("DATABRICKS_WORKSPACE_ID");
    assertThat(variable.get("kind").getAsString()).isEqualTo("variable");

    String url = "jdbc:databricks://peco.azuredatabricks.net:443/default;transportMode=http;ssl=1;"
        + "httpPath=/sql/1.0/warehouses/abc?o=12a";
    JsonObject fromUrl = validRun(CheckCommandTest.run("check", "--format", "sarif", "--jdbc-url", url))
        .getAsJsonArray("results").get(0).getAsJsonObject();
    JsonObject property = fromUrl.getAsJsonArray("locations").get(0).getAsJsonObject()
        .getAsJsonArray("logicalLocations").get(0).getAsJsonObject();
    assertThat(property.get("name").getAsString()).isEqualTo("httpPath");
    assertThat(property.get("fullyQualifiedName").getAsString())
        .isEqualTo("JDBC URL, httpPath at character " + (url.indexOf("httpPath") + 1));
  }

  @Test
  void flagsHaveNoLocationStrictMakesWarningsErrorsAndANoteStaysANote() {
    CheckCommandTest.Run r = CheckCommandTest.run("check", "--format", "sarif", "--strict", "--host", "example.com",
        "--http-path", "/sql/1.0/warehouses/abc/");

    assertThat(r.status()).isEqualTo(1);
    JsonArray results = validRun(r).getAsJsonArray("results");
    List<String> levels = new ArrayList<>();
    for (JsonElement e : results) {
      JsonObject result = e.getAsJsonObject();
      levels.add(result.get("ruleId").getAsString() + ":" + result.get("level").getAsString());
      assertThat(result.getAsJsonArray("locations")).isEmpty();
    }
    assertThat(levels).contains("DriverMisreadsHttpPath:error", "UnclassifiedHost:note");
    JsonObject misread = results.get(levels.indexOf("DriverMisreadsHttpPath:error")).getAsJsonObject();
    assertThat(misread.getAsJsonObject("properties").get("compute").getAsString()).isEqualTo("default");
    assertThat(misread.getAsJsonObject("properties").get("computeIndex").getAsInt()).isZero();
  }
}
