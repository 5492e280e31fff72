package io.brickcheck.processor;

import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The {@code key = value} pairs of a Spring Boot property file with where each value starts, read
 * as Spring Boot reads them: {@code .properties} by {@link java.util.Properties}' rules (separators
 * {@code =}, {@code :} or blanks, {@code #}/{@code !} comments, {@code \} continuations and escapes;
 * {@code #---} document separators change nothing here), YAML as composed nodes of every document,
 * nested keys joined with {@code .} and list items as {@code key[i]}. Pure; never throws on any text.
 */
final class SpringProperties {
  private SpringProperties() {}

  /**
   * One value.
   *
   * @param key the full key ({@code spring.datasource.url})
   * @param value the value, unescaped; placeholders as written
   * @param line 1-based line of the value's first character
   * @param column 1-based column of the value's first character
   */
  record Entry(String key, String value, int line, int column) {}

  /**
   * The entries, or the reason the file could not be read.
   *
   * @param entries every scalar value, in file order
   * @param problem why the file could not be read ({@code 3:7: ...}), or null
   */
  record Read(List<Entry> entries, String problem) {}

  static Read read(String fileName, String text) {
    return fileName.endsWith(".properties") ? new Read(properties(text), null) : yaml(text);
  }

  static List<Entry> properties(String text) {
    List<Entry> out = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    int i = 0;
    while (i < lines.length) {
      String first = lines[i];
      int startLine = i + 1;
      int p = skipBlanks(first, 0);
      if (p >= first.length() || first.charAt(p) == '#' || first.charAt(p) == '!') {
        i++;
        continue;
      }
      // The logical line: physical lines joined while one ends with an odd number of backslashes.
      StringBuilder logical = new StringBuilder(first.substring(p));
      List<int[]> map = new ArrayList<>(); // logical index -> {line, column} at each join
      map.add(new int[] {0, startLine, p + 1});
      while (endsWithContinuation(logical) && i + 1 < lines.length) {
        logical.setLength(logical.length() - 1);
        i++;
        String next = lines[i];
        int q = skipBlanks(next, 0);
        map.add(new int[] {logical.length(), i + 1, q + 1});
        logical.append(next.substring(q));
      }
      i++;
      String s = logical.toString();
      int k = 0;
      StringBuilder key = new StringBuilder();
      while (k < s.length()) {
        char c = s.charAt(k);
        if (c == '\\' && k + 1 < s.length()) {
          k = unescape(s, k, key);
          continue;
        }
        if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
          break;
        }
        key.append(c);
        k++;
      }
      k = skipBlanks(s, k);
      if (k < s.length() && (s.charAt(k) == '=' || s.charAt(k) == ':')) {
        k = skipBlanks(s, k + 1);
      }
      int[] at = position(map, k);
      StringBuilder value = new StringBuilder();
      while (k < s.length()) {
        if (s.charAt(k) == '\\' && k + 1 < s.length()) {
          k = unescape(s, k, value);
        } else {
          value.append(s.charAt(k++));
        }
      }
      out.add(new Entry(key.toString(), value.toString(), at[0], at[1]));
    }
    return out;
  }

  private static int[] position(List<int[]> map, int index) {
    int[] best = map.get(0);
    for (int[] m : map) {
      if (m[0] <= index) {
        best = m;
      }
    }
    return new int[] {best[1], best[2] + (index - best[0])};
  }

  private static boolean endsWithContinuation(CharSequence s) {
    int n = 0;
    for (int j = s.length() - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
      n++;
    }
    return n % 2 == 1;
  }

  private static int skipBlanks(String s, int from) {
    int k = from;
    while (k < s.length() && (s.charAt(k) == ' ' || s.charAt(k) == '\t' || s.charAt(k) == '\f')) {
      k++;
    }
    return k;
  }

  /** Appends the character the escape at {@code k} stands for; returns the index after it. */
  private static int unescape(String s, int k, StringBuilder out) {
    char c = s.charAt(k + 1);
    switch (c) {
      case 't' -> out.append('\t');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 'f' -> out.append('\f');
      case 'u' -> {
        if (k + 6 <= s.length()) {
          try {
            out.append((char) Integer.parseInt(s.substring(k + 2, k + 6), 16));
            return k + 6;
          } catch (NumberFormatException e) {
            // as written: Properties would refuse it, Spring fails at start-up
          }
        }
        out.append('u');
      }
      default -> out.append(c);
    }
    return k + 2;
  }

  static Read yaml(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(64);
    options.setCodePointLimit(SpringPropertyFiles.MAX_BYTES);
    Yaml yaml = new Yaml(new SafeConstructor(options));
    List<Entry> out = new ArrayList<>();
    try {
      for (Node document : yaml.composeAll(new java.io.StringReader(text))) {
        flatten("", document, out, 0);
      }
      return new Read(out, null);
    } catch (RuntimeException e) {
      Mark mark = e instanceof org.yaml.snakeyaml.error.MarkedYAMLException m ? m.getProblemMark() : null;
      String where = mark == null ? "" : (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": ";
      return new Read(out, where + "it is not valid YAML");
    }
  }

  private static void flatten(String prefix, Node node, List<Entry> out, int depth) {
    if (node == null || depth > 64) {
      return;
    }
    if (node instanceof ScalarNode s) {
      if (!prefix.isEmpty()) {
        out.add(new Entry(prefix, s.getValue(), s.getStartMark().getLine() + 1, s.getStartMark().getColumn() + 1));
      }
    } else if (node instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          flatten(prefix.isEmpty() ? k.getValue() : prefix + "." + k.getValue(), t.getValueNode(), out, depth + 1);
        }
      }
    } else if (node instanceof SequenceNode q) {
      List<Node> items = q.getValue();
      for (int j = 0; j < items.size(); j++) {
        flatten(prefix + "[" + j + "]", items.get(j), out, depth + 1);
      }
    }
  }
}
