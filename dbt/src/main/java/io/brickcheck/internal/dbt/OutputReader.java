package io.brickcheck.internal.dbt;

import static io.brickcheck.internal.rules.Text.quote;

import io.brickcheck.rules.Code;
import io.brickcheck.internal.rules.ComputeNames;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads one target's output mapping into a {@link DbtOutput}, reporting every problem it finds
 * (not just the first), each at its position. Keys Brickcheck does not use are ignored, templates
 * in them included, as dbt-databricks' other settings are none of Brickcheck's business.
 */
final class OutputReader {
  static final String TYPE = "databricks";
  static final Set<String> SECRET_KEYS =
      Set.of("token", "client_id", "client_secret", "azure_client_id", "azure_client_secret");

  private final String file;
  private final String profile;
  private final String target;
  private final List<Problem> problems = new ArrayList<>();

  private OutputReader(String file, String profile, String target) {
    this.file = file;
    this.profile = profile;
    this.target = target;
  }

  /** The output under {@code targetEntry}, or the problems that prevent reading it. */
  static DbtSelection read(String file, String profile, NodeTuple targetEntry) {
    String target = Yamls.keyText(targetEntry.getKeyNode());
    OutputReader reader = new OutputReader(file, profile, target);
    DbtOutput output = reader.read(targetEntry);
    return reader.problems.isEmpty()
        ? new DbtSelection(output, List.of())
        : new DbtSelection(null, reader.problems);
  }

  private DbtOutput read(NodeTuple targetEntry) {
    YamlPosition keyPosition = at(targetEntry.getKeyNode());
    String where = "target " + quote(target) + " of profile " + quote(profile);
    Node value = targetEntry.getValueNode();
    if (!(value instanceof MappingNode output)) {
      problems.add(DbtProblems.at(Code.InvalidProfilesFile, Subject.PROFILE, null, at(value),
          where + " must be a mapping of connection settings, found " + Yamls.describe(value)
              + Yamls.flowHint(value) + ". Keys such as type:, host: and http_path: are expected."
              + " Indent them under " + quote(target + ":")));
      return null;
    }
    checkType(output, keyPosition, where);
    DbtValue host = text(output, "host", Subject.HOST, null, keyPosition, where,
        "A Databricks host such as \"peco.azuredatabricks.net\" is expected. Add host: <your"
            + " workspace or SPOG host>");
    DbtValue httpPath = text(output, "http_path", Subject.HTTP_PATH, ComputeNames.DEFAULT, keyPosition, where,
        "An http path such as \"/sql/1.0/warehouses/<id>?o=<workspace-id>\" is expected. Add"
            + " http_path: from the compute's Connection details tab");
    List<DbtCompute> computes = computes(output, where);
    List<DbtSecret> secrets = secrets(output);
    return problems.isEmpty()
        ? new DbtOutput(file, profile, target, keyPosition, host, httpPath, computes, secrets)
        : null;
  }

  private void checkType(MappingNode output, YamlPosition keyPosition, String where) {
    NodeTuple entry = Yamls.entry(output, "type");
    Node type = entry == null ? null : entry.getValueNode();
    if (Yamls.isNull(type)) {
      problems.add(DbtProblems.at(Code.MissingDbtField, Subject.PROFILE, null,
          entry == null ? keyPosition : at(entry.getKeyNode()),
          where + " has no type. \"type: databricks\" is expected. Add type: databricks"));
    } else if (!(type instanceof ScalarNode scalar) || !TYPE.equals(scalar.getValue())) {
      String found = type instanceof ScalarNode s ? "type " + quote(s.getValue()) : "type " + Yamls.describe(type);
      problems.add(DbtProblems.at(Code.UnsupportedProfileType, Subject.PROFILE, null, at(type),
          where + " has " + found + ". Brickcheck reads \"type: databricks\" outputs only. Select a"
              + " databricks target, or set type: databricks"));
    }
  }

  /** A text value that must be present: the host or an http path. */
  private DbtValue text(MappingNode map, String key, Subject subject, String compute,
      YamlPosition ownerPosition, String where, String expected) {
    NodeTuple entry = Yamls.entry(map, key);
    Node node = entry == null ? null : entry.getValueNode();
    if (Yamls.isNull(node)) {
      problems.add(DbtProblems.at(Code.MissingDbtField, subject, compute,
          entry == null ? ownerPosition : at(entry.getKeyNode()), where + " has no " + key + ". " + expected));
      return null;
    }
    if (!(node instanceof ScalarNode scalar)) {
      problems.add(DbtProblems.at(Code.InvalidProfilesFile, subject, compute, at(node),
          key + " of " + where + " must be text, found " + Yamls.describe(node) + Yamls.flowHint(node)
              + ". " + expected));
      return null;
    }
    String field = key + " of " + where;
    EnvVarTemplates.Parsed parsed = EnvVarTemplates.parse(scalar, file, field, subject, compute, false);
    if (parsed.problem() != null) {
      problems.add(parsed.problem());
    }
    return parsed.value();
  }

  private List<DbtCompute> computes(MappingNode output, String where) {
    NodeTuple entry = Yamls.entry(output, "compute");
    if (entry == null || Yamls.isNull(entry.getValueNode())) {
      return List.of();
    }
    if (!(entry.getValueNode() instanceof MappingNode block)) {
      problems.add(DbtProblems.at(Code.InvalidProfilesFile, Subject.PROFILE, null, at(entry.getValueNode()),
          "compute of " + where + " must be a mapping from compute names to settings, found "
              + Yamls.describe(entry.getValueNode()) + ". Entries such as Cluster1: {http_path: ...}"
              + " are expected. Write one name per line under compute:"));
      return List.of();
    }
    List<DbtCompute> computes = new ArrayList<>();
    for (NodeTuple t : Yamls.entries(block)) {
      String name = Yamls.keyText(t.getKeyNode());
      if (name == null) {
        problems.add(DbtProblems.at(Code.InvalidProfilesFile, Subject.COMPUTE_NAME, null, at(t.getKeyNode()),
            "a compute of " + where + " is named by " + Yamls.describe(t.getKeyNode()) + ". A name"
                + " such as \"etl\" is expected. Write the compute's name as plain text"));
        continue;
      }
      String computeWhere = "compute " + quote(name) + " of " + where;
      if (!(t.getValueNode() instanceof MappingNode settings)) {
        problems.add(DbtProblems.at(Code.InvalidProfilesFile, Subject.HTTP_PATH, name, at(t.getValueNode()),
            computeWhere + " must be a mapping with http_path:, found " + Yamls.describe(t.getValueNode())
                + Yamls.flowHint(t.getValueNode()) + ". Write http_path: <path> indented under "
                + quote(name + ":")));
        continue;
      }
      DbtValue path = text(settings, "http_path", Subject.HTTP_PATH, name, at(t.getKeyNode()), computeWhere,
          "An http path such as \"sql/protocolv1/o/<workspace-id>/<cluster-id>\" is expected. Add"
              + " http_path: under " + quote(name + ":"));
      if (path != null) {
        computes.add(new DbtCompute(name, at(t.getKeyNode()), path));
      }
    }
    return computes;
  }

  /** Presence and form of each credential; never the value, and never a problem about it. */
  private List<DbtSecret> secrets(MappingNode output) {
    List<DbtSecret> secrets = new ArrayList<>();
    for (NodeTuple t : Yamls.entries(output)) {
      String key = Yamls.keyText(t.getKeyNode());
      Node node = t.getValueNode();
      if (key == null || !SECRET_KEYS.contains(key) || Yamls.isNull(node)) {
        continue;
      }
      DbtSecret.Source source = DbtSecret.Source.UNSUPPORTED;
      List<String> names = List.of();
      List<DbtValue.EnvVar> required = List.of();
      if (node instanceof ScalarNode scalar) {
        EnvVarTemplates.Parsed parsed = EnvVarTemplates.parse(scalar, file, key, Subject.PROFILE, null, true);
        if (parsed.problem() == null) {
          names = parsed.envVarNames();
          required = parsed.requiredEnvVars();
          source = names.isEmpty() ? DbtSecret.Source.LITERAL : DbtSecret.Source.ENV_VAR;
        }
      }
      secrets.add(new DbtSecret(key, at(node), source, names, required));
    }
    return secrets;
  }

  private YamlPosition at(Node node) {
    return YamlPosition.of(file, node.getStartMark());
  }
}
