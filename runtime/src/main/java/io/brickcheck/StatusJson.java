package io.brickcheck;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.List;

/**
 * The JSON form of a status block's facts ({@link StatusFact}). In a class of its own so that Gson
 * is loaded by {@link ProfileStatus#toJson()} only, never with {@code ProfileStatus} itself: a
 * program that renders the text block (or never asks for a status) loads no Gson class.
 */
final class StatusJson {
  private StatusJson() {}

  /** {@return the facts as one pretty-printed JSON object, nulls kept, no HTML escaping} */
  static String write(List<StatusFact> facts) {
    return new GsonBuilder().serializeNulls().setPrettyPrinting().disableHtmlEscaping().create().toJson(object(facts));
  }

  private static JsonObject object(List<StatusFact> facts) {
    JsonObject out = new JsonObject();
    for (StatusFact f : facts) {
      if (f.name() != null) {
        out.add(f.name(), element(f.value()));
      }
    }
    return out;
  }

  private static JsonElement element(Object value) {
    if (value == null) {
      return JsonNull.INSTANCE;
    }
    if (value instanceof String s) {
      return new JsonPrimitive(s);
    }
    if (value instanceof Number n) {
      return new JsonPrimitive(n);
    }
    if (value instanceof Boolean b) {
      return new JsonPrimitive(b);
    }
    if (value instanceof StatusFact.Group g) {
      return object(g.members());
    }
    if (value instanceof StatusFact.Items items) {
      JsonArray array = new JsonArray();
      items.values().forEach(v -> array.add(element(v)));
      return array;
    }
    throw new IllegalArgumentException("not a status value: " + value.getClass().getName());
  }
}
