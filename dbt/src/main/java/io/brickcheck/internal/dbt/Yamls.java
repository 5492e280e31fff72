package io.brickcheck.internal.dbt;

import io.brickcheck.internal.rules.Text;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * profiles.yml as YAML: composed into a node tree with the safe loader's limits, refused where
 * dbt's own safe loader would refuse it (duplicate keys, tags it cannot construct) so that a file
 * Brickcheck accepts is a file dbt accepts, then read as PyYAML's safe loader (dbt's) would see
 * it: merge keys ({@code <<: *base}) resolved with the mapping's own keys winning, null scalars as
 * absent. Nothing is ever constructed from the tree: no Java type named in the file can be
 * instantiated.
 */
final class Yamls {
  /** profiles.yml files are a few kilobytes; a megabyte is generous and keeps javac fast. */
  static final int MAX_CHARACTERS = 1 << 20;
  /** Anchors are fine for sharing a base output; more than this is an attack (billion laughs). */
  static final int MAX_ALIASES = 50;
  /** dbt's shape is six levels deep; deeper nesting is not a profiles file. */
  static final int MAX_DEPTH = 32;
  /** One broken file can have thousands of faults; the first few say what to fix. */
  static final int MAX_PROBLEMS = 20;

  /** The tags PyYAML's safe loader constructs; any other tag fails dbt too. */
  private static final Set<Tag> SAFE_TAGS = Set.of(
      Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ, Tag.MERGE, Tag.BINARY,
      Tag.TIMESTAMP, Tag.SET, Tag.OMAP, Tag.PAIRS);

  /** How SnakeYAML words a refused global tag ({@code !!java.lang.Object}). */
  private static final String GLOBAL_TAG = "Global tag is not allowed:";

  /** The composed root (null when the file is empty or broken) and every file-level problem. */
  record Loaded(Node root, List<Problem> problems) {}

  static Loaded load(String text, String file) {
    if (text.length() > MAX_CHARACTERS) {
      return broken(YamlPosition.start(file), "is " + text.length() + " characters long, more than"
          + " the " + MAX_CHARACTERS + " a profiles file may have. A small dbt profiles file is"
          + " expected. Point Brickcheck at the right file");
    }
    // A byte order mark is invisible: columns are counted without it, as editors do.
    String body = text.startsWith("\ufeff") ? text.substring(1) : text;
    Node root;
    try {
      root = yaml().compose(new StringReader(body));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() == null ? "" : e.getProblem();
      if (problem.startsWith(GLOBAL_TAG)) {
        return broken(YamlPosition.of(file, mark), badTag(problem.substring(GLOBAL_TAG.length()).strip()));
      }
      // Only SnakeYAML's short reason: its full message quotes the source line, which may hold a token.
      return broken(YamlPosition.of(file, mark), "is not valid YAML: " + reason(e.getProblem()) + ". Valid"
          + " YAML is expected (dbt could not read this file either). Fix the syntax at this position");
    } catch (YAMLException e) {
      return broken(YamlPosition.start(file), limitReason(e.getMessage()));
    } catch (RuntimeException | StackOverflowError e) {
      // SnakeYAML is not supposed to throw anything else; a reader must still never throw.
      return broken(YamlPosition.start(file), "cannot be read as YAML (" + e.getClass().getSimpleName()
          + "). Valid YAML is expected. Check the file with dbt debug");
    }
    if (root == null) {
      return broken(YamlPosition.start(file), "is empty. A mapping from profile names to profiles is"
          + " expected. Add a profile, such as jaffle_shop: with target: and outputs:");
    }
    List<Problem> problems = check(root, file);
    if (problems.isEmpty() && !(root instanceof MappingNode)) {
      problems.add(problem(YamlPosition.of(file, root.getStartMark()), "must be a mapping from profile"
          + " names to profiles, found " + describe(root) + ". A mapping such as jaffle_shop:"
          + " is expected. Write each profile name at the start of a line, followed by \":\""));
    }
    return new Loaded(problems.isEmpty() ? root : null, problems);
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(MAX_CHARACTERS);
    options.setAllowRecursiveKeys(false);
    options.setProcessComments(false);
    // No global tag (!!java.lang.Object, tag:...) is ever allowed; SnakeYAML refuses it while composing.
    options.setTagInspector(tag -> false);
    return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options);
  }

  /**
   * Duplicate keys, unknown tags and malformed merges anywhere in the file. The walk visits each
   * node once even when aliases share it, so it stays linear in the size of the file.
   */
  private static List<Problem> check(Node root, String file) {
    List<Problem> problems = new ArrayList<>();
    Map<Node, Boolean> visited = new IdentityHashMap<>();
    Deque<Node> todo = new ArrayDeque<>();
    todo.push(root);
    while (!todo.isEmpty() && problems.size() < MAX_PROBLEMS) {
      Node node = todo.pop();
      if (visited.put(node, Boolean.TRUE) != null) {
        continue;
      }
      if (!SAFE_TAGS.contains(node.getTag())) {
        problems.add(problem(YamlPosition.of(file, node.getStartMark()), badTag(node.getTag().getValue())));
        continue;
      }
      if (node instanceof MappingNode map) {
        checkMapping(map, file, problems);
        for (int i = map.getValue().size() - 1; i >= 0; i--) {
          todo.push(map.getValue().get(i).getValueNode());
          todo.push(map.getValue().get(i).getKeyNode());
        }
      } else if (node instanceof SequenceNode seq) {
        for (int i = seq.getValue().size() - 1; i >= 0; i--) {
          todo.push(seq.getValue().get(i));
        }
      }
    }
    return problems;
  }

  private static void checkMapping(MappingNode map, String file, List<Problem> problems) {
    Map<String, Node> keys = new HashMap<>();
    for (NodeTuple t : map.getValue()) {
      Node key = t.getKeyNode();
      if (isMergeKey(key)) {
        Node value = t.getValueNode();
        boolean ok = value instanceof MappingNode
            || value instanceof SequenceNode seq && seq.getValue().stream().allMatch(MappingNode.class::isInstance);
        if (!ok) {
          problems.add(problem(YamlPosition.of(file, value.getStartMark()), "merges " + describe(value)
              + " with \"<<\". A mapping, or a list of mappings, is expected after \"<<:\". Merge an"
              + " anchored mapping, such as <<: *base"));
        }
        continue;
      }
      String identity = keyIdentity(key);
      if (identity == null) {
        continue;
      }
      Node first = keys.putIfAbsent(identity, key);
      if (first != null) {
        YamlPosition was = YamlPosition.of(file, first.getStartMark());
        problems.add(problem(YamlPosition.of(file, key.getStartMark()), "repeats the key "
            + Text.quote(keyText(key)) + ", first written at line " + was.line() + ". Each key"
            + " once per mapping is expected (YAML forbids duplicates; dbt would silently keep the"
            + " last). Remove or rename one of them"));
      }
    }
  }

  private static String badTag(String tag) {
    return "uses the tag " + Text.quote(tag) + ", which a profiles file cannot use. Plain YAML values"
        + " are expected (dbt's safe loader refuses such tags too). Remove the tag";
  }

  private static String limitReason(String message) {
    String m = message == null ? "" : message;
    if (m.startsWith("Number of aliases")) {
      return "uses more than " + MAX_ALIASES + " aliases to lists or mappings, which is how"
          + " \"billion laughs\" documents explode in memory. A few anchors at most are expected."
          + " Write the values out, or share fewer of them";
    }
    if (m.startsWith("Nesting Depth")) {
      return "nests lists or mappings more than " + MAX_DEPTH + " levels deep. A profiles file is"
          + " about six levels deep. Check the indentation and the brackets";
    }
    if (m.contains("exceeds the limit")) {
      return "is longer than " + MAX_CHARACTERS + " characters. A small dbt profiles file is"
          + " expected. Point Brickcheck at the right file";
    }
    return "cannot be read as YAML: " + reason(m) + ". Valid YAML is expected. Fix the file";
  }

  /** SnakeYAML's reason on one line, bounded and escaped. */
  private static String reason(String problem) {
    String text = problem == null ? "unknown problem" : problem.lines().findFirst().orElse("").strip();
    return Text.quote(text);
  }

  private static Loaded broken(YamlPosition position, String text) {
    return new Loaded(null, List.of(problem(position, text)));
  }

  /** A file-level problem: its text starts with the file's name ("profiles.yml is empty"). */
  private static Problem problem(YamlPosition position, String text) {
    return DbtProblems.at(Code.InvalidProfilesFile, Subject.PROFILE, null, position, position.file() + " " + text);
  }

  private Yamls() {}

  /** The entries of a mapping: its own (without merge keys) in order, then merged ones not overridden. */
  static List<NodeTuple> entries(MappingNode map) {
    List<NodeTuple> out = new ArrayList<>();
    collect(map, out, new HashSet<>(), new IdentityHashMap<>());
    return out;
  }

  private static void collect(
      MappingNode map, List<NodeTuple> out, Set<String> seen, Map<Node, Boolean> visiting) {
    if (visiting.put(map, Boolean.TRUE) != null) {
      return; // a merge cycle through aliases: each mapping contributes once
    }
    List<Node> merged = new ArrayList<>();
    for (NodeTuple t : map.getValue()) {
      if (isMergeKey(t.getKeyNode())) {
        Node v = t.getValueNode();
        if (v instanceof SequenceNode seq) {
          merged.addAll(seq.getValue());
        } else {
          merged.add(v);
        }
      } else if (keyIdentity(t.getKeyNode()) == null || seen.add(keyIdentity(t.getKeyNode()))) {
        out.add(t);
      }
    }
    for (Node source : merged) {
      if (source instanceof MappingNode m) {
        collect(m, out, seen, visiting);
      }
    }
  }

  /** The value under a text key, or null when absent. */
  static NodeTuple entry(MappingNode map, String key) {
    for (NodeTuple t : entries(map)) {
      if (key.equals(keyText(t.getKeyNode()))) {
        return t;
      }
    }
    return null;
  }

  static boolean isMergeKey(Node key) {
    return key instanceof ScalarNode && Tag.MERGE.equals(key.getTag());
  }

  /** The text of a scalar key, or null for a mapping or list used as a key. */
  static String keyText(Node key) {
    return key instanceof ScalarNode s ? s.getValue() : null;
  }

  /**
   * Keys compare as PyYAML's would: by type and text ({@code 1} and {@code "1"} differ). Null for a
   * mapping or list used as a key, which Brickcheck never looks up.
   */
  static String keyIdentity(Node key) {
    return key instanceof ScalarNode s ? s.getTag().getValue() + "\u0000" + s.getValue() : null;
  }

  /** {@code ~}, {@code null} or nothing at all. */
  static boolean isNull(Node node) {
    return node == null || node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
  }

  /** What the node is, for "found ..." in messages. */
  static String describe(Node node) {
    if (isNull(node)) {
      return "an empty value";
    }
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "text";
  }

  /**
   * A hint for a mapping found where text belongs: an unquoted {@code {{ ... }}} is a YAML flow
   * mapping, the commonest way to get there.
   */
  static String flowHint(Node node) {
    return node instanceof MappingNode m && m.getFlowStyle() == FlowStyle.FLOW
        ? " (an unquoted {{ ... }} is read as a YAML mapping: put the template in quotes)"
        : "";
  }
}
