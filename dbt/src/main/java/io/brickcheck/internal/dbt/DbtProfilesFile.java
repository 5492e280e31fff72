package io.brickcheck.internal.dbt;

import static io.brickcheck.internal.rules.Text.quote;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileNames;
import io.brickcheck.rules.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A parsed {@code profiles.yml}: the profiles it defines, or the problems that make it unreadable.
 * Immutable and thread-safe; read it once and select from it as often as needed. Only the selected
 * profile and target are judged, as dbt does: a broken target you do not use is not your problem.
 */
public final class DbtProfilesFile {
  /** A top-level key dbt reads as settings, not as a profile. */
  static final String CONFIG_KEY = "config";

  private final String fileName;
  private final MappingNode root;
  private final List<Problem> problems;

  DbtProfilesFile(String fileName, Node root, List<Problem> problems) {
    this.fileName = fileName;
    this.root = root instanceof MappingNode m && problems.isEmpty() ? m : null;
    this.problems = List.copyOf(problems);
  }

  /**
   * The file's name, as every message shows it.
   *
   * @return the file's name, as every message shows it
   */
  public String fileName() {
    return fileName;
  }

  /**
   * Problems with the file as a whole (syntax, limits, tags, duplicate keys); empty when readable.
   *
   * @return the problems, empty when readable
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * Whether the file could be read and parsed.
   *
   * @return false when {@link #problems()} holds why not
   */
  public boolean isReadable() {
    return root != null;
  }

  /**
   * The profiles defined, in file order.
   *
   * @return the profiles defined, in file order
   */
  public List<String> profileNames() {
    List<String> names = new ArrayList<>();
    if (root != null) {
      for (NodeTuple t : Yamls.entries(root)) {
        String name = Yamls.keyText(t.getKeyNode());
        if (name != null && !CONFIG_KEY.equals(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /**
   * Selects a profile's output without the environment (compile time). {@code target} null means
   * the profile's own {@code target:}, or {@code default} when it has none (dbt's rule); a
   * {@code target:} that is a template cannot be known now and is a problem that asks for the
   * target by name.
   *
   * @param profile the dbt profile's name
   * @param target the target's name, or null for the profile's own {@code target:}
   * @return the selection, or its problems
   */
  public DbtSelection select(String profile, String target) {
    return select(profile, target, null);
  }

  /**
   * Selects a profile's output at run time: a templated {@code target:} is rendered from
   * {@code env}, as dbt renders it.
   *
   * @param profile the dbt profile's name
   * @param target the target's name, or null for the profile's own {@code target:}
   * @param env the environment variables that templates read
   * @return the selection, or its problems
   */
  public DbtSelection select(String profile, String target, Map<String, String> env) {
    if (root == null) {
      return DbtSelection.failed(problems);
    }
    NodeTuple profileEntry = CONFIG_KEY.equals(profile) ? null : Yamls.entry(root, profile == null ? "" : profile);
    DbtSelection badName = refusedName("profile", profile, "", profileEntry == null ? null : profileEntry.getKeyNode());
    if (badName != null) {
      return badName;
    }
    if (profileEntry == null) {
      List<String> names = profileNames();
      String hint = DbtProblems.didYouMean(profile, names);
      String text = names.isEmpty()
          ? "profile " + quote(profile) + " is not in " + fileName + ", which defines no profiles. A"
              + " mapping from profile names to profiles is expected. Add " + quote(profile) + " to it"
          : "profile " + quote(profile) + " is not in " + fileName + ". Profiles: " + DbtProblems.listing(names)
              + "." + (hint.isEmpty() ? " Name one of them, or add " + quote(profile) + " to " + fileName : hint);
      return fail(Code.UnknownDbtProfile, at(root), text);
    }
    String where = "profile " + quote(profile);
    if (!(profileEntry.getValueNode() instanceof MappingNode body)) {
      Node value = profileEntry.getValueNode();
      return fail(Code.InvalidProfilesFile, at(value), where + " must be a mapping with target: and"
          + " outputs:, found " + Yamls.describe(value) + ". Indent target: and outputs: under "
          + quote(profile + ":"));
    }
    NodeTuple outputsEntry = Yamls.entry(body, "outputs");
    if (outputsEntry == null || Yamls.isNull(outputsEntry.getValueNode())) {
      return fail(Code.MissingDbtField, outputsEntry == null ? at(profileEntry.getKeyNode()) : at(outputsEntry.getKeyNode()),
          where + " has no outputs. A mapping from target names to connections is expected. Add"
              + " outputs: with a target such as prod:");
    }
    if (!(outputsEntry.getValueNode() instanceof MappingNode outputs)) {
      return fail(Code.InvalidProfilesFile, at(outputsEntry.getValueNode()), "outputs of " + where
          + " must be a mapping from target names to connections, found "
          + Yamls.describe(outputsEntry.getValueNode()) + ". Entries such as prod: are expected."
          + " Write one target name per line under outputs:");
    }
    return selectTarget(profile, body, outputsEntry, outputs, target, env);
  }

  private DbtSelection selectTarget(String profile, MappingNode body, NodeTuple outputsEntry,
      MappingNode outputs, String explicitTarget, Map<String, String> env) {
    String where = "profile " + quote(profile);
    String target = explicitTarget;
    YamlPosition targetPosition = at(outputsEntry.getKeyNode());
    String origin = "";
    if (target == null) {
      NodeTuple targetEntry = Yamls.entry(body, "target");
      Node node = targetEntry == null ? null : targetEntry.getValueNode();
      if (Yamls.isNull(node)) {
        target = "default"; // dbt's own fallback when a profile names no target
        origin = " (" + where + " has no target:, so dbt uses \"default\")";
      } else if (!(node instanceof ScalarNode scalar)) {
        return fail(Code.InvalidProfilesFile, at(node), "target of " + where + " must be text, found "
            + Yamls.describe(node) + Yamls.flowHint(node) + ". A target name such as \"prod\" is"
            + " expected. Write target: <name>");
      } else {
        targetPosition = at(node);
        EnvVarTemplates.Parsed parsed = EnvVarTemplates.parse(scalar, fileName, "target of " + where, Subject.PROFILE, null, false);
        if (parsed.problem() != null) {
          return DbtSelection.failed(List.of(parsed.problem()));
        }
        if (parsed.value().isTemplate() && env == null) {
          return fail(Code.UnsupportedTemplate, targetPosition, "target of " + where + " is "
              + quote(scalar.getValue()) + ", known only at run time. A target known now is expected"
              + " here. Name the target explicitly");
        }
        DbtValue.Rendered rendered = parsed.value().render(env);
        if (!rendered.isOk()) {
          return DbtSelection.failed(rendered.problems());
        }
        target = rendered.value();
      }
    }
    // A name from the file is shown where it is written; one the caller gave, at its output if any.
    YamlPosition namePosition = targetPosition;
    if (explicitTarget != null) {
      namePosition = null;
      for (NodeTuple t : Yamls.entries(outputs)) {
        namePosition = target.equals(Yamls.keyText(t.getKeyNode())) ? at(t.getKeyNode()) : namePosition;
      }
    }
    DbtSelection badTarget = refusedName("target", target, " of " + where, namePosition);
    if (badTarget != null) {
      return badTarget;
    }
    for (NodeTuple t : Yamls.entries(outputs)) {
      if (target.equals(Yamls.keyText(t.getKeyNode()))) {
        return OutputReader.read(fileName, profile, t);
      }
    }
    List<String> targets = new ArrayList<>();
    Yamls.entries(outputs).forEach(t -> {
      String name = Yamls.keyText(t.getKeyNode());
      if (name != null) {
        targets.add(name);
      }
    });
    String text = "target " + quote(target) + " is not in " + where + origin + ". Targets: "
        + (targets.isEmpty() ? "none" : DbtProblems.listing(targets)) + ".";
    String hint = DbtProblems.didYouMean(target, targets);
    return fail(Code.UnknownDbtTarget, targetPosition,
        text + (hint.isEmpty() ? " Name one of them, or add " + quote(target) + " under outputs:" : hint));
  }

  /**
   * {@link Code#InvalidProfileName} when {@code name} breaks {@link ProfileNames}' rule, at the
   * name's place in the file when it is written there, else without a position (a name given by
   * the caller); null when the name passes.
   */
  private DbtSelection refusedName(String what, String name, String context, Node writtenAt) {
    return refusedName(what, name, context, writtenAt == null ? null : at(writtenAt));
  }

  private DbtSelection refusedName(String what, String name, String context, YamlPosition writtenAt) {
    return ProfileNames.defect(what, name, context)
        .map(text -> writtenAt == null
            ? DbtSelection.failed(List.of(Problem.of(Code.InvalidProfileName, Subject.PROFILE, null, text)))
            : fail(Code.InvalidProfileName, writtenAt, text))
        .orElse(null);
  }

  private DbtSelection fail(Code code, YamlPosition position, String text) {
    return DbtSelection.failed(List.of(DbtProblems.at(code, Subject.PROFILE, null, position, text)));
  }

  private YamlPosition at(Node node) {
    return YamlPosition.of(fileName, node.getStartMark());
  }

  /** Names the file and its profiles only: the file may hold secrets. */
  @Override
  public String toString() {
    return "DbtProfilesFile[" + fileName + ", profiles=" + profileNames() + ", problems=" + problems.size() + "]";
  }
}
