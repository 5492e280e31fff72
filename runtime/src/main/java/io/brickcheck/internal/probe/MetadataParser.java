package io.brickcheck.internal.probe;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Turns the body of {@code /.well-known/databricks-config} into {@link HostMetadata}: strict UTF-8,
 * strict JSON, a top-level object only, a nesting limit; known fields read one by one (a field
 * with a wrong type or a malformed value is dropped and named in {@link
 * HostMetadata#droppedFields()}, the others kept), unknown fields skipped. Streaming, so unknown
 * fields never become a tree in memory.
 */
final class MetadataParser {
  /** The real document is flat; deep nesting is an attack or a mistake, never metadata. */
  static final int NESTING_LIMIT = 32;

  private static final String PLACEHOLDER = "{account_id}";
  // The account id becomes a path segment of the OAuth token URL: no '/', '?', '%' or '..'.
  private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
  private static final Pattern CLOUD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
  private static final String AUDIENCES = "token_federation_default_oidc_audiences";
  private static final int MAX_AUDIENCES = 64;
  private static final Set<String> KNOWN =
      Set.of("host_type", "account_id", "workspace_id", "cloud", "oidc_endpoint", AUDIENCES);

  /** Why a body is not usable metadata; the message is the reason shown to people. */
  static final class BadMetadata extends Exception {
    private static final long serialVersionUID = 1L;

    BadMetadata(String reason) {
      super(reason, null, false, false);
    }
  }

  private MetadataParser() {}

  static HostMetadata parse(byte[] body) throws BadMetadata {
    String text = decodeUtf8(body);
    if (text.startsWith("\ufeff")) {
      text = text.substring(1);
    }
    try {
      JsonReader r = new JsonReader(new StringReader(text));
      r.setStrictness(Strictness.STRICT);
      r.setNestingLimit(NESTING_LIMIT);
      JsonToken first = r.peek();
      if (first != JsonToken.BEGIN_OBJECT) {
        throw new BadMetadata("the body is " + describe(first) + ", not a JSON object");
      }
      HostMetadata m = readObject(r);
      if (!atEnd(r)) {
        throw new BadMetadata("the body has data after the JSON object");
      }
      return m;
    } catch (EOFException e) {
      throw new BadMetadata(text.isBlank() ? "the body is empty" : "the body is truncated JSON");
    } catch (IOException | IllegalStateException e) {
      throw new BadMetadata("the body is not valid JSON: " + gsonMessage(e));
    }
  }

  /** Strict Gson throws on a second top-level value; either way it is trailing data. */
  private static boolean atEnd(JsonReader r) {
    try {
      return r.peek() == JsonToken.END_DOCUMENT;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Reads the object field by field: a known field with a wrong type or a malformed value is
   * dropped (its reason kept for the status block) and the rest is used, because one odd optional
   * field must not hide a valid {@code host_type} or {@code account_id}. Only a body that is not a
   * JSON object at all is refused ({@link BadMetadata}).
   */
  private static HostMetadata readObject(JsonReader r) throws IOException {
    Map<String, String> values = new HashMap<>();
    List<String> audiences = List.of();
    Map<String, String> dropped = new LinkedHashMap<>();
    Set<String> seen = new HashSet<>();
    r.beginObject();
    while (r.hasNext()) {
      String name = r.nextName();
      if (!KNOWN.contains(name)) {
        r.skipValue();
        continue;
      }
      if (!seen.add(name)) {
        // A repeated known field is ambiguous (parsers disagree on which wins): use neither.
        r.skipValue();
        values.remove(name);
        if (name.equals(AUDIENCES)) {
          audiences = List.of();
        }
        dropped.put(name, "field \"" + name + "\" appears twice");
        continue;
      }
      try {
        if (name.equals(AUDIENCES)) {
          audiences = audiences(r);
        } else {
          String value = name.equals("workspace_id") ? scalar(r, name) : string(r, name);
          if (value != null) {
            values.put(name, value);
          }
        }
      } catch (BadField e) {
        dropped.put(name, e.getMessage());
      }
    }
    r.endObject();
    String hostType = bounded(values.get("host_type"), 64);
    String accountId = keep(values.get("account_id"), MetadataParser::accountId, dropped, "account_id");
    String workspaceId = keep(values.get("workspace_id"), MetadataParser::workspaceId, dropped, "workspace_id");
    String cloud = keep(values.get("cloud"), MetadataParser::cloud, dropped, "cloud");
    String oidc = null;
    if (!dropped.containsKey("oidc_endpoint")) {
      try {
        oidc = oidc(values.get("oidc_endpoint"), accountId);
      } catch (BadField e) {
        dropped.put("oidc_endpoint", e.getMessage());
      }
    }
    return new HostMetadata(
        hostType, accountId, workspaceId, cloud, oidc, audiences, List.copyOf(dropped.values()));
  }

  /** A field value check: the value to keep (null for none), or {@link BadField}. */
  private interface FieldCheck {
    String apply(String value) throws BadField;
  }

  private static String keep(String value, FieldCheck check, Map<String, String> dropped, String name) {
    if (value == null || dropped.containsKey(name)) {
      return null;
    }
    try {
      return check.apply(value);
    } catch (BadField e) {
      dropped.put(name, e.getMessage());
      return null;
    }
  }

  /** One field is unusable; the rest of the answer is not. The message is shown to people. */
  private static final class BadField extends Exception {
    private static final long serialVersionUID = 1L;

    BadField(String reason) {
      super(reason, null, false, false);
    }
  }

  private static String string(JsonReader r, String name) throws IOException, BadField {
    JsonToken t = r.peek();
    if (t == JsonToken.NULL) {
      r.nextNull();
      return null;
    }
    if (t != JsonToken.STRING) {
      r.skipValue();
      throw new BadField("field \"" + name + "\" is " + describe(t) + ", not a string");
    }
    return r.nextString();
  }

  /** A string or a number, as text (the SDKs accept both for {@code workspace_id}). */
  private static String scalar(JsonReader r, String name) throws IOException, BadField {
    JsonToken t = r.peek();
    if (t == JsonToken.NUMBER) {
      return r.nextString();
    }
    return string(r, name);
  }

  private static String accountId(String value) throws BadField {
    if (value.isEmpty()) {
      return null;
    }
    if (!ACCOUNT_ID.matcher(value).matches() || value.contains("..")) {
      throw new BadField(
          "field \"account_id\" is \"" + SafeText.clean(value, 80) + "\", not a plain account id");
    }
    return value;
  }

  /**
   * Canonical digits when the value is 1-19 digits within a long; otherwise kept as an opaque
   * identifier (the SDKs accept non-numeric workspace ids) when {@link
   * io.brickcheck.internal.rules.WorkspaceIdentifiers#isSafeForWorkspaceIdHeader} allows it, since it may be
   * sent as a header value; else dropped.
   */
  private static String workspaceId(String value) throws BadField {
    if (value.isEmpty()) {
      return null;
    }
    if (DIGITS.matcher(value).matches()) {
      try {
        return Long.toString(Long.parseLong(value));
      } catch (NumberFormatException e) {
        return value; // 19 digits above the largest long: an opaque identifier, not a number
      }
    }
    if (!io.brickcheck.internal.rules.WorkspaceIdentifiers.isSafeForWorkspaceIdHeader(value)) {
      throw new BadField("field \"workspace_id\" is \"" + SafeText.clean(value, 80)
          + "\", neither digits nor a printable identifier of at most 128 safe characters"
          + " (A-Z a-z 0-9 . _ ~ : + / = -)");
    }
    return value;
  }

  private static String cloud(String value) throws BadField {
    if (value.isEmpty()) {
      return null;
    }
    if (!CLOUD.matcher(value).matches()) {
      throw new BadField("field \"cloud\" is \"" + SafeText.clean(value, 80) + "\", not a cloud name");
    }
    return value;
  }

  private static List<String> audiences(JsonReader r) throws IOException, BadField {
    JsonToken t = r.peek();
    if (t == JsonToken.NULL) {
      r.nextNull();
      return List.of();
    }
    if (t != JsonToken.BEGIN_ARRAY) {
      r.skipValue();
      throw new BadField("field \"" + AUDIENCES + "\" is " + describe(t) + ", not an array");
    }
    List<String> out = new ArrayList<>();
    JsonToken wrong = null;
    r.beginArray();
    while (r.hasNext()) {
      JsonToken e = r.peek();
      if (e == JsonToken.STRING && out.size() < MAX_AUDIENCES) {
        out.add(SafeText.clean(r.nextString(), 256));
      } else {
        wrong = wrong == null ? e : wrong;
        r.skipValue();
      }
    }
    r.endArray();
    if (wrong != null) {
      throw new BadField(wrong == JsonToken.STRING
          ? "field \"" + AUDIENCES + "\" holds more than " + MAX_AUDIENCES + " values"
          : "field \"" + AUDIENCES + "\" holds " + describe(wrong) + ", not a string");
    }
    return out;
  }

  private static String oidc(String value, String accountId) throws BadField {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.contains(PLACEHOLDER)) {
      if (accountId == null) {
        throw new BadField("field \"oidc_endpoint\" has " + PLACEHOLDER + " but there is no usable account_id");
      }
      value = value.replace(PLACEHOLDER, accountId);
    }
    if (HttpUrl.parse(value) == null) {
      throw new BadField(
          "field \"oidc_endpoint\" is \"" + SafeText.clean(value, 80) + "\", not an http(s) URL");
    }
    return value;
  }

  private static String bounded(String value, int max) {
    return value == null ? null : SafeText.clean(value, max);
  }

  private static String decodeUtf8(byte[] body) throws BadMetadata {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      throw new BadMetadata("the body is not valid UTF-8");
    }
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case BEGIN_ARRAY -> "a JSON array";
      case BEGIN_OBJECT -> "a JSON object";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "nothing";
    };
  }

  /** Gson's message without its troubleshooting link: the reason must stay one short line. */
  private static String gsonMessage(Exception e) {
    String m = String.valueOf(e.getMessage());
    int see = m.indexOf("\nSee ");
    if (see < 0) {
      see = m.indexOf(" See https://");
    }
    m = see >= 0 ? m.substring(0, see) : m;
    // Gson's advice to the programmer is noise to the user reading a log line.
    return m.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "malformed JSON");
  }
}
