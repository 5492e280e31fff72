package io.brickcheck.internal.dbt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reading the composed node tree as PyYAML's safe loader (dbt's) would see it: merge keys
 * ({@code <<: *base}) resolved with the mapping's own keys winning, null scalars as absent.
 */
final class Yamls {
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
