package io.brickcheck.internal.cfg;

import static io.brickcheck.internal.rules.Text.quote;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A small strict reader of the INI dialect of {@code .databrickscfg}, keeping the line and column
 * of every section, key and value.
 *
 * <p>Why not a library: the Java SDK reads the file with commons-configuration2's {@code
 * INIConfiguration} (databricks-sdk-java {@code ConfigLoader.parseDatabricksCfg}), the CLI and the
 * Go SDK with go-ini ({@code config/config_file.go}); ini4j is a third choice. None of the three
 * reports where a value is written, and every Brickcheck message must name {@code file:line:col}.
 * So this reader follows what both real readers agree on, and refuses, with a message, what they
 * read differently:
 *
 * <ul>
 *   <li>Lines are trimmed; blank lines and lines starting with {@code #} or {@code ;} are comments.
 *   <li>{@code [name]} starts a section; the name is trimmed and compared case-sensitively (both).
 *       A header without {@code ]}, or text after it, fails the whole file (go-ini refuses it, so
 *       the CLI cannot read the file either).
 *   <li>{@code key = value} or {@code key: value}: the first {@code =} or {@code :} separates
 *       (both); keys and values are trimmed; keys are case-sensitive (both: {@code Host} is not
 *       {@code host}). A line that is none of these fails the whole file (go-ini: "key-value
 *       delimiter not found").
 *   <li>A value in matching double or single quotes is taken literally without them (both).
 *   <li>{@code #} or {@code ;} after a blank starts an inline comment (both). Without a blank
 *       before it ({@code token = abc#def}) go-ini cuts the value there and INIConfiguration keeps
 *       it: refused in the selected section.
 *   <li>A value ending in {@code \} continues on the next line (both); no setting Brickcheck reads
 *       spans lines, so this is refused in the selected section (the lines are still consumed as
 *       both readers consume them).
 *   <li>Keys before the first header belong to {@code DEFAULT} for go-ini but to no section for
 *       the Java SDK: refused when {@code DEFAULT} is selected.
 *   <li>A key repeated in one section (go-ini keeps the last, INIConfiguration the first), and a
 *       section header repeated (go-ini merges them): refused when that section is selected.
 * </ul>
 *
 * <p>JavaSdkReaderAgreementTest holds this reader to INIConfiguration itself: every value of a
 * profile it accepts is the value the Java SDK reads.
 */
final class CfgReader {
  /** The largest file read, in characters: a CLI config is a few kilobytes. */
  static final int MAX_CHARACTERS = 1 << 20;

  /** The section go-ini gives to keys before the first header. */
  static final String DEFAULT = "DEFAULT";

  /**
   * Keys whose values are credentials: never kept, never quoted. Any key naming a token, secret,
   * password or credentials counts, so that a tool's own key (say {@code databricks_token}) is safe.
   */
  static boolean isSecretKey(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.contains("token") && !k.contains("token_audience") && !k.contains("filepath") && !k.endsWith("_env")
        || k.contains("secret")
        || k.contains("password")
        || k.contains("credentials");
  }

  /** Keys Brickcheck and the SDKs read; a near spelling of one is {@code MisspelledConfigKey}. */
  static final Set<String> KNOWN_KEYS = Set.of(
      "host", "workspace_id", "account_id", "warehouse_id", "cluster_id", "http_path", "token",
      "client_id", "client_secret", "username", "password", "auth_type", "azure_client_id",
      "azure_client_secret", "azure_tenant_id", "serverless_compute_id");

  private CfgReader() {}

  static DatabricksCfgFile parse(String text, String file) {
    return parse(text, file, false);
  }

  /**
   * Parses {@code text}; with {@code keepSecrets}, secret values are kept in their entries (for
   * {@link DatabricksCfg#credentials} only, which uses them at once and drops the file).
   */
  static DatabricksCfgFile parse(String text, String file, boolean keepSecrets) {
    List<Problem> fatal = new ArrayList<>();
    List<SectionBuilder> sections = new ArrayList<>();
    SectionBuilder current = null;
    String[] lines = text.split("\r\n|\r|\n", -1);
    if (lines.length > 0 && lines[0].startsWith("\ufeff")) {
      lines[0] = lines[0].substring(1);
    }
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      int lineNo = i + 1;
      int lead = 0;
      while (lead < raw.length() && Character.isWhitespace(raw.charAt(lead))) {
        lead++;
      }
      String t = raw.strip();
      if (t.isEmpty() || t.charAt(0) == '#' || t.charAt(0) == ';') {
        continue;
      }
      Origin lineStart = Origin.at(file, lineNo, column(raw, lead));
      if (t.charAt(0) == '[') {
        int close = t.indexOf(']');
        String after = close < 0 ? "" : t.substring(close + 1).strip();
        String name = close < 0 ? "" : t.substring(1, close).strip();
        if (close < 0 || name.isEmpty() || !after.isEmpty() && after.charAt(0) != '#' && after.charAt(0) != ';') {
          fatal.add(at(Code.InvalidConfigFile, lineStart, "section header " + quote(t) + " is not [name]. A"
              + " header such as [DEFAULT] or [prod] is expected (the Databricks CLI refuses the whole file"
              + " otherwise). Write the profile's name between [ and ]"));
          return new DatabricksCfgFile(file, List.of(), fatal);
        }
        current = new SectionBuilder(name, lineStart, false, keepSecrets);
        sections.add(current);
        continue;
      }
      int sep = indexOfAny(raw, "=:", lead);
      if (sep < 0 || raw.substring(lead, sep).isBlank()) {
        fatal.add(at(Code.InvalidConfigFile, lineStart, "line " + lineNo + " is neither a [section], a"
            + " comment nor key = value. Lines such as \"host = https://peco.azuredatabricks.net\" are"
            + " expected (the Databricks CLI refuses the whole file otherwise). Fix or comment out the"
            + " line"));
        return new DatabricksCfgFile(file, List.of(), fatal);
      }
      if (current == null) {
        current = new SectionBuilder(DEFAULT, Origin.at(file, lineNo, 1), true, keepSecrets);
        sections.add(current);
      }
      String key = raw.substring(lead, sep).strip();
      Origin keyOrigin = lineStart;
      int start = sep + 1;
      while (start < raw.length() && Character.isWhitespace(raw.charAt(start))) {
        start++;
      }
      Origin valueOrigin = Origin.at(file, lineNo, column(raw, start));
      String value = raw.substring(start).strip();
      boolean continued = false;
      if (value.endsWith("\\") && i + 1 < lines.length) {
        // One builder for the whole run: joining line by line would copy the value each time.
        StringBuilder joined = new StringBuilder(value);
        while (joined.length() > 0 && joined.charAt(joined.length() - 1) == '\\' && i + 1 < lines.length) {
          continued = true;
          i++;
          joined.setLength(joined.length() - 1);
          joined.append(lines[i].strip());
        }
        value = joined.toString();
      }
      current.add(key, value, continued, keyOrigin, valueOrigin);
    }
    List<CfgSection> built = new ArrayList<>();
    for (SectionBuilder b : sections) {
      built.add(b.build());
    }
    return new DatabricksCfgFile(file, built, fatal);
  }

  /** Collects one section's lines and what is wrong inside it. */
  private static final class SectionBuilder {
    private final String name;
    private final Origin origin;
    private final boolean beforeHeader;
    private final List<CfgEntry> entries = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, CfgEntry> firstByKey = new HashMap<>();

    private final boolean keepSecrets;

    SectionBuilder(String name, Origin origin, boolean beforeHeader, boolean keepSecrets) {
      this.keepSecrets = keepSecrets;
      this.name = name;
      this.origin = origin;
      this.beforeHeader = beforeHeader;
    }

    void add(String key, String rawValue, boolean continued, Origin keyOrigin, Origin valueOrigin) {
      boolean secret = isSecretKey(key);
      String shown = secret ? "the value of " + quote(key) : "the value " + quote(rawValue) + " of " + quote(key);
      if (beforeHeader) {
        problems.add(at(Code.InvalidConfigFile, keyOrigin, "key " + quote(key) + " comes before any [section]"
            + " header. The Databricks CLI reads it as part of [DEFAULT], the Java SDK ignores it. Put"
            + " [DEFAULT] on the line above it"));
      }
      if (continued) {
        problems.add(at(Code.InvalidConfigFile, valueOrigin, shown + " ends in \"\\\", so the CLI and the"
            + " SDKs join it with the next line. A value on one line is expected. Remove the \"\\\""));
      }
      String value = rawValue;
      char first = rawValue.isEmpty() ? 0 : rawValue.charAt(0);
      if (first == '"' || first == '\'') {
        int close = rawValue.indexOf(first, 1);
        String after = close < 0 ? "" : rawValue.substring(close + 1).strip();
        if (close < 0 || !after.isEmpty() && after.charAt(0) != '#' && after.charAt(0) != ';') {
          problems.add(at(Code.InvalidConfigFile, valueOrigin, shown + " opens a quote " + quote(String.valueOf(first))
              + " that does not close the value. A value in matching quotes, or none, is expected. Close"
              + " the quote or remove it"));
        } else {
          value = rawValue.substring(1, close);
          valueOrigin = Origin.at(valueOrigin.file(), valueOrigin.line(), valueOrigin.column() + 1);
        }
      } else {
        int comment = indexOfAny(rawValue, "#;", 0);
        if (comment == 0) {
          value = "";
        } else if (comment > 0 && Character.isWhitespace(rawValue.charAt(comment - 1))) {
          value = rawValue.substring(0, comment).strip();
        } else if (comment > 0) {
          problems.add(at(Code.InvalidConfigFile, valueOrigin, shown + " contains " + quote(String.valueOf(rawValue.charAt(comment)))
              + " without a blank before it: the Databricks CLI (go-ini) cuts the value there, the Java SDK"
              + " (INIConfiguration) keeps it. A value both read alike is expected. Put the value in double"
              + " quotes, or a blank before an inline comment"));
        }
      }
      CfgEntry entry = new CfgEntry(key, secret && !keepSecrets ? null : value, !value.isEmpty(), secret, keyOrigin, valueOrigin);
      CfgEntry earlier = firstByKey.putIfAbsent(key, entry);
      if (earlier != null) {
        problems.add(at(Code.InvalidConfigFile, keyOrigin, "key " + quote(key) + " is given again, first at line "
            + earlier.keyOrigin().line() + ". Each key once per profile is expected (the Databricks CLI"
            + " keeps the last, the Java SDK the first). Remove one of them"));
      }
      String known = nearKnownKey(key);
      if (known != null) {
        problems.add(at(Code.MisspelledConfigKey, keyOrigin, "key " + quote(key) + " is not read by"
            + " the Databricks CLI or SDKs, which compare keys exactly. " + quote(known) + " is expected."
            + " Rename it to " + known + "."));
      }
      entries.add(entry);
    }

    CfgSection build() {
      return new CfgSection(name, origin, entries, problems);
    }
  }

  /** A known key that {@code key} spells differently (case, {@code -} for {@code _}), or null. */
  static String nearKnownKey(String key) {
    if (KNOWN_KEYS.contains(key)) {
      return null;
    }
    String folded = key.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    return KNOWN_KEYS.contains(folded) ? folded : null;
  }

  /** A problem at {@code origin} with the code's default severity; a full stop ends the text. */
  static Problem at(Code code, Origin origin, String text) {
    return at(code, Subject.PROFILE, null, origin, text);
  }

  static Problem at(Code code, Subject subject, String compute, Origin origin, String text) {
    String sentence = text.endsWith(".") || text.endsWith("?") ? text : text + ".";
    return new Problem(code, code.defaultSeverity(), subject, Problem.NO_INDEX, compute, sentence,
        origin == null ? null : origin.location(), null);
  }

  /**
   * A rule-engine problem moved to the value it is about. It proposes no value: the engine's
   * suggestion is in the annotation's terms, and a setting may be assembled from several.
   */
  static Problem moved(Problem problem, Origin origin) {
    if (origin == null) {
      return problem;
    }
    return problem.at(origin.location()).withSuggestion(null);
  }

  private static int column(String line, int charIndex) {
    return line.codePointCount(0, Math.min(charIndex, line.length())) + 1;
  }

  private static int indexOfAny(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
