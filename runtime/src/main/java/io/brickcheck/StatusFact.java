package io.brickcheck;

import java.util.List;

/**
 * One fact of a {@link ProfileStatus}, as a person reads it (a line {@code label  text}) and as a
 * machine does (a JSON member {@code name: value}); either side may be absent. The status block is
 * one ordered list of these, which {@link ProfileStatus#render()} and {@link StatusJson} both walk,
 * so a new fact is added once, with both of its forms side by side.
 *
 * @param label the line's key, or null for a fact with no line of its own
 * @param text the line's value (escaped when rendered), or null for no line
 * @param name the JSON member's name, or null for a fact that is text only
 * @param value the JSON value: null, a {@code String}, {@code Number} or {@code Boolean}, a {@link
 *     Group} (an object; its facts' lines are rendered too) or an {@link Items} (an array)
 */
record StatusFact(String label, String text, String name, Object value) {

  /** A JSON object: its members are facts, and their lines are part of the text block. */
  record Group(List<StatusFact> members) {}

  /**
   * A JSON array of plain values or {@link Group}s; a labelled fact shows each plain value as one
   * line of its own, and each group's lines as they are.
   */
  record Items(List<?> values) {}

  /** {@return a fact shown in both forms} */
  static StatusFact both(String label, String text, String name, Object value) {
    return new StatusFact(label, text, name, value);
  }

  /** {@return a line only} */
  static StatusFact line(String label, String text) {
    return new StatusFact(label, text, null, null);
  }

  /** {@return a JSON member only} */
  static StatusFact json(String name, Object value) {
    return new StatusFact(null, null, name, value);
  }

  /** {@return a JSON object whose members carry their own lines} */
  static StatusFact group(String name, List<StatusFact> members) {
    return new StatusFact(null, null, name, new Group(members));
  }

  /** {@return one line {@code label  value} per value, and a JSON array of them} */
  static StatusFact lines(String label, String name, List<String> values) {
    return new StatusFact(label, null, name, new Items(values));
  }

  /** {@return a JSON array of objects, each with its own lines} */
  static StatusFact groups(String name, List<List<StatusFact>> items) {
    return new StatusFact(null, null, name, new Items(items.stream().map(Group::new).toList()));
  }
}
