package io.brickcheck.probe;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Turns the body of {@code /.well-known/databricks-config} into {@link HostMetadata}: strict UTF-8,
 * strict JSON, a top-level object only, a nesting limit, typed known fields, unknown fields
 * skipped. Streaming, so unknown fields never become a tree in memory.
 */
final class MetadataParser {
  /** The real document is flat; deep nesting is an attack or a mistake, never metadata. */
  static final int NESTING_LIMIT = 32;

  private static final String PLACEHOLDER = "{account_id}";
  // The account id becomes a path segment of the OAuth token URL: no '/', '?', '%' or '..'.
  private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");

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

  private static HostMetadata readObject(JsonReader r) throws IOException, BadMetadata {
    String hostType = null;
    String accountId = null;
    String workspaceId = null;
    String cloud = null;
    String oidc = null;
    List<String> audiences = List.of();
    Set<String> seen = new HashSet<>();
    r.beginObject();
    while (r.hasNext()) {
      String name = r.nextName();
      boolean known = true;
      switch (name) {
        case "host_type" -> hostType = bounded(string(r, name), 64);
        case "account_id" -> accountId = accountId(string(r, name));
        case "workspace_id" -> workspaceId = workspaceId(r);
        case "cloud" -> cloud = bounded(string(r, name), 64);
        case "oidc_endpoint" -> oidc = string(r, name);
        case "token_federation_default_oidc_audiences" -> audiences = audiences(r);
        default -> {
          known = false;
          r.skipValue();
        }
      }
      // A repeated known field is ambiguous (parsers disagree on which wins): refuse it.
      if (known && !seen.add(name)) {
        throw new BadMetadata("field \"" + name + "\" appears twice");
      }
    }
    r.endObject();
    return new HostMetadata(hostType, accountId, workspaceId, cloud, oidc(oidc, accountId), audiences);
  }

  private static String string(JsonReader r, String name) throws IOException, BadMetadata {
    JsonToken t = r.peek();
    if (t == JsonToken.NULL) {
      r.nextNull();
      return null;
    }
    if (t != JsonToken.STRING) {
      throw new BadMetadata("field \"" + name + "\" is " + describe(t) + ", not a string");
    }
    return r.nextString();
  }

  private static String accountId(String value) throws BadMetadata {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!ACCOUNT_ID.matcher(value).matches() || value.contains("..")) {
      throw new BadMetadata(
          "field \"account_id\" is \"" + SafeText.clean(value, 80) + "\", not a plain account id");
    }
    return value;
  }

  private static String workspaceId(JsonReader r) throws IOException, BadMetadata {
    JsonToken t = r.peek();
    if (t == JsonToken.NULL) {
      r.nextNull();
      return null;
    }
    if (t != JsonToken.STRING && t != JsonToken.NUMBER) {
      throw new BadMetadata("field \"workspace_id\" is " + describe(t) + ", not a string");
    }
    String value = r.nextString();
    if (value.isEmpty()) {
      return null;
    }
    if (!DIGITS.matcher(value).matches()) {
      throw new BadMetadata(
          "field \"workspace_id\" is \"" + SafeText.clean(value, 80) + "\", not 1-19 digits");
    }
    try {
      return Long.toString(Long.parseLong(value));
    } catch (NumberFormatException e) {
      throw new BadMetadata("field \"workspace_id\" is \"" + value + "\", above the largest id");
    }
  }

  private static List<String> audiences(JsonReader r) throws IOException, BadMetadata {
    String name = "token_federation_default_oidc_audiences";
    JsonToken t = r.peek();
    if (t == JsonToken.NULL) {
      r.nextNull();
      return List.of();
    }
    if (t != JsonToken.BEGIN_ARRAY) {
      throw new BadMetadata("field \"" + name + "\" is " + describe(t) + ", not an array");
    }
    List<String> out = new ArrayList<>();
    r.beginArray();
    while (r.hasNext()) {
      JsonToken e = r.peek();
      if (e != JsonToken.STRING) {
        throw new BadMetadata("field \"" + name + "\" holds " + describe(e) + ", not a string");
      }
      out.add(r.nextString());
    }
    r.endArray();
    return out;
  }

  private static String oidc(String value, String accountId) throws BadMetadata {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.contains(PLACEHOLDER)) {
      if (accountId == null) {
        return null; // Nothing to fill it with: an unusable endpoint is no endpoint.
      }
      value = value.replace(PLACEHOLDER, accountId);
    }
    if (HttpUrl.parse(value) == null) {
      throw new BadMetadata(
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
