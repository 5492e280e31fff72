package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.PathKind;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import io.brickcheck.rules.WorkspaceIdSource;
import static io.brickcheck.internal.rules.Text.quote;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and checks an http path as docs/rules.md, "Http paths", says. Pure and thread-safe; never
 * throws; linear in the length of the input.
 */
public final class HttpPathParser {
  private static final Pattern WAREHOUSE = Pattern.compile("sql/1\\.0/warehouses/([^/]+)");
  private static final Pattern ENDPOINT = Pattern.compile("sql/1\\.0/endpoints/([^/]+)");
  private static final Pattern CLUSTER = Pattern.compile("sql/protocolv1/o/([0-9]+)/([^/]+)");
  private static final String EXPECTED_SHAPES =
      "\"/sql/1.0/warehouses/<id>\", \"/sql/1.0/endpoints/<id>\" or"
          + " \"sql/protocolv1/o/<workspace-id>/<cluster-id>\"";

  private HttpPathParser() {}

  /**
   * Parses and checks an http path as a user wrote it.
   *
   * @param input the http path
   * @return its kind, workspace id and source, and the problems
   */
  public static HttpPathResult parse(String input) {
    String path = input == null ? "" : input;
    int hidden = Text.firstHidden(path);
    if (hidden >= 0) {
      Problem problem = Text.hidden(Subject.HTTP_PATH, null, "http path", path, hidden);
      return new HttpPathResult(path, PathKind.INVALID, null, null, WorkspaceIdSource.NONE, List.of(problem));
    }
    String invalid = invalidReason(path);
    if (invalid != null) {
      // Whitespace only (a copied newline, "?o = 123"): the path without it is the fix, if it is one.
      String fix = withoutWhitespace(path);
      if (fix != null) {
        invalid = invalid.replace(WHITESPACE_FIX, "Use " + quote(fix));
      }
      Problem problem = Problem.of(Code.InvalidHttpPath, Subject.HTTP_PATH, null, invalid).withSuggestion(fix);
      return new HttpPathResult(path, PathKind.INVALID, null, null, WorkspaceIdSource.NONE, List.of(problem));
    }
    List<Problem> problems = new ArrayList<>();
    int q = path.indexOf('?');
    String query = q < 0 ? "" : path.substring(q + 1);
    String queryId = workspaceIdFromQuery(path, query, problems);
    nearMissInPath(path, q < 0 ? path : path.substring(0, q), problems);

    String bare = q < 0 ? path : path.substring(0, q);
    if (bare.startsWith("/")) {
      bare = bare.substring(1);
    }
    boolean trailingSlash = bare.endsWith("/");
    if (trailingSlash) {
      bare = bare.substring(0, bare.length() - 1);
    }
    PathKind kind = PathKind.UNRECOGNIZED;
    String resourceId = null;
    String pathId = null;
    Matcher m;
    if ((m = WAREHOUSE.matcher(bare)).matches()) {
      kind = PathKind.WAREHOUSE;
      resourceId = m.group(1);
    } else if ((m = ENDPOINT.matcher(bare)).matches()) {
      kind = PathKind.ENDPOINT;
      resourceId = m.group(1);
    } else if ((m = CLUSTER.matcher(bare)).matches()) {
      kind = PathKind.CLUSTER;
      resourceId = m.group(2);
      pathId = clusterPathId(path, m.group(1), problems);
    } else {
      problems.add(
          Problem.of(
              Code.UnrecognizedHttpPath,
              Subject.HTTP_PATH,
              null,
              "http path " + quote(path) + " is not a known Databricks compute path. " + EXPECTED_SHAPES
                  + " is expected. Copy the path from the compute's Connection details tab, or"
                  + " suppress this warning if a gateway of yours uses another path"));
    }

    if (kind != PathKind.UNRECOGNIZED) {
      misread(path, q, kind, resourceId, trailingSlash, problems);
    }

    String workspaceId = queryId;
    WorkspaceIdSource source = queryId != null ? WorkspaceIdSource.QUERY : WorkspaceIdSource.NONE;
    if (pathId != null) {
      if (queryId == null) {
        workspaceId = pathId;
        source = WorkspaceIdSource.CLUSTER_PATH;
      } else if (!queryId.equals(pathId)) {
        problems.add(
            Problem.of(
                Code.PathQueryMismatch,
                Subject.HTTP_PATH,
                null,
                "cluster path " + quote(path) + " names workspace " + quote(pathId) + " in /o/"
                    + pathId + "/ but " + quote(queryId) + " in ?o=. Both must name the same"
                    + " workspace. Correct the one that is wrong, or drop ?o= (the cluster path"
                    + " already names the workspace)")
                .withSuggestion(withoutQuery(path)));
        workspaceId = null;
      }
    }
    return new HttpPathResult(path, kind, resourceId, workspaceId, source, problems);
  }

  /**
   * Steps 1 to 4 on a literal query alone, for a path whose part before {@code ?} is known only at
   * run time (a dbt value such as {@code /sql/1.0/warehouses/{{ env_var('WH') }}?o=123}). Messages
   * quote {@code shownPath}, the value as written. The path's shape and a cluster path's id need
   * the whole path, so they are not judged here: the caller checks the rendered path again, with
   * {@link #parse}, once it is known.
   *
   * @return the problems of the query, in order
   * @param shownPath the value as the user wrote it, for messages
   * @param query the text after the first {@code ?}, which must not depend on the run time
   */
  public static List<Problem> checkQuery(String shownPath, String query) {
    String q = query == null ? "" : query;
    if (Text.firstHidden(q) >= 0) {
      String shown = shownPath == null ? q : shownPath;
      int at = Text.firstHidden(shown);
      return List.of(Text.hidden(Subject.HTTP_PATH, null, "http path", at < 0 ? q : shown, at < 0 ? Text.firstHidden(q) : at));
    }
    String invalid = invalidCharacterReason(shownPath, q, " in its query");
    if (invalid != null) {
      return List.of(Problem.of(Code.InvalidHttpPath, Subject.HTTP_PATH, null, invalid));
    }
    List<Problem> problems = new ArrayList<>();
    workspaceIdFromQuery(shownPath, q, problems);
    return problems;
  }

  private static final String WHITESPACE_FIX = "Remove it (copied values often end in a newline)";

  /**
   * The path without whitespace at its ends and around {@code ? & =} ({@code "?o = 123"}), when
   * that leaves a usable path; else null. Whitespace inside a value ({@code ?o=1 23}) is not
   * removed: joining the digits would propose an id the user never wrote.
   */
  private static String withoutWhitespace(String path) {
    if (path.isBlank() || Text.firstBlankOrControl(path) < 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(path.length());
    int i = 0;
    while (i < path.length()) {
      if (!Text.isBlankOrControl(path.charAt(i))) {
        out.append(path.charAt(i++));
        continue;
      }
      // One run of whitespace, looked at once (linear): dropped at the ends and beside a delimiter.
      int end = i;
      while (end < path.length() && Text.isBlankOrControl(path.charAt(end))) {
        end++;
      }
      boolean drop = out.length() == 0 || end == path.length()
          || "?&=".indexOf(out.charAt(out.length() - 1)) >= 0 || "?&=".indexOf(path.charAt(end)) >= 0;
      if (!drop) {
        return null;
      }
      i = end;
    }
    String fix = out.toString();
    return invalidReason(fix) == null ? fix : null;
  }

  /** Step 1: a reason the path is unusable, or null. */
  private static String invalidReason(String path) {
    if (path.isBlank()) {
      // A message never quotes an empty value: "http path \"\"" tells the user nothing.
      return "http path " + (path.isEmpty() ? "" : quote(path) + " ") + "is empty. A path such as"
          + " \"/sql/1.0/warehouses/<id>\" is expected. Copy it from the compute's Connection details tab";
    }
    String invalid = invalidCharacterReason(path, path, "");
    if (invalid != null) {
      return invalid;
    }
    if (hasSchemeOrHost(path)) {
      return "http path " + quote(path) + " contains a scheme or a host. Only the path is expected,"
          + " such as \"/sql/1.0/warehouses/<id>\". Put the host in host and keep the path here";
    }
    return null;
  }

  /**
   * Whitespace, {@code #}, {@code ;} or a malformed escape in {@code text} (the whole path, or its
   * query when {@code where} says so); messages quote {@code shown}.
   */
  private static String invalidCharacterReason(String shown, String text, String where) {
    int blank = Text.firstBlankOrControl(text);
    if (blank >= 0) {
      return "http path " + quote(shown) + " contains whitespace or a control character" + where
          + " at index " + blank + ". A path without spaces is expected. " + WHITESPACE_FIX;
    }
    int hash = text.indexOf('#');
    if (hash >= 0) {
      return "http path " + quote(shown) + " contains \"#\"" + where + " at index " + hash + ","
          + " which ends a URL. A path without fragments is expected. Remove it, or write %23 if it"
          + " belongs to a value";
    }
    int semicolon = text.indexOf(';');
    if (semicolon >= 0) {
      return "http path " + quote(shown) + " contains \";\"" + where + " at index " + semicolon + ","
          + " which separates JDBC URL properties. A path without \";\" is expected. Remove it, and"
          + " pass driver properties separately";
    }
    for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
      if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
        String escape = text.substring(i, Math.min(text.length(), i + 3));
        return "http path " + quote(shown) + " has a malformed percent escape " + quote(escape)
            + where + " at index " + i + ". \"%\" must be followed by two hex digits. Write %25 for"
            + " a literal \"%\"";
      }
    }
    return null;
  }

  private static boolean hasSchemeOrHost(String path) {
    int q = path.indexOf('?');
    String bare = q < 0 ? path : path.substring(0, q);
    if (bare.contains("://") || bare.startsWith("//") || startsWithScheme(bare)) {
      return true;
    }
    // "peco.azuredatabricks.net/sql/1.0/..." : a first segment that reads as a domain name.
    String first = bare.startsWith("/") ? bare.substring(1) : bare;
    int slash = first.indexOf('/');
    first = slash < 0 ? first : first.substring(0, slash);
    int dot = first.lastIndexOf('.');
    return dot > 0 && dot < first.length() - 1 && isLetters(first.substring(dot + 1));
  }

  /** Whether {@code path} starts with a URI scheme and its colon, {@code [A-Za-z][A-Za-z0-9+.-]*:}. */
  static boolean startsWithScheme(String path) {
    if (path.isEmpty() || !Ascii.isLetter(path.charAt(0))) {
      return false;
    }
    for (int i = 1; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == ':') {
        return true;
      }
      if (!Ascii.isLetter(c) && !Ascii.isDigit(c) && c != '+' && c != '.' && c != '-') {
        return false;
      }
    }
    return false;
  }

  /** Whether every character is a letter ({@link Character#isLetter(char)}; true for ""). */
  private static boolean isLetters(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isLetter(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Steps 2 to 4: the agreed canonical {@code ?o=} value, or null; problems go to the list. */
  private static String workspaceIdFromQuery(String path, String query, List<Problem> problems) {
    Set<String> ids = new LinkedHashSet<>();
    Set<String> reportedNearMiss = new LinkedHashSet<>();
    boolean reportedEmpty = false;
    boolean reportedUppercase = false;
    for (String segment : query.split("&", -1)) {
      if (segment.isEmpty()) {
        continue;
      }
      int eq = segment.indexOf('=');
      String key = decode(eq < 0 ? segment : segment.substring(0, eq));
      String value = eq < 0 ? "" : decode(segment.substring(eq + 1));
      if (key.equals("O") && !reportedUppercase) {
        reportedUppercase = true;
        problems.add(
            Problem.of(
                Code.UppercaseWorkspaceKey,
                Subject.HTTP_PATH,
                null,
                "http path " + quote(path) + " has a query key \"O\", but routing reads the"
                    + " lower-case \"o\" only. A lower-case key is expected. Write ?o=" + safeDigits(value)
                    + " instead")
                .withSuggestion(rewriteQuery(path, k -> k.equals("O"))));
      }
      if (isNearMiss(key) && reportedNearMiss.add(key)) {
        problems.add(
            Problem.of(
                Code.WorkspaceKeyNearMiss,
                Subject.HTTP_PATH,
                null,
                "http path " + quote(path) + " has a query key " + quote(key) + ", which no driver"
                    + " reads as the workspace id. The key \"o\" is expected (?o=<workspace-id>)."
                    + " Write ?o=" + safeDigits(value.isEmpty() ? afterEncodedEquals(key) : value)
                    + " instead")
                .withSuggestion(rewriteQuery(path, HttpPathParser::isNearMiss)));
      }
      if (!key.equals("o")) {
        continue;
      }
      if (value.isBlank()) {
        if (!reportedEmpty) {
          reportedEmpty = true;
          problems.add(
              Problem.of(
                  Code.EmptyWorkspaceId,
                  Subject.HTTP_PATH,
                  null,
                  "http path " + quote(path) + " has an \"o\" parameter with an empty value, which is"
                      + " ignored. A workspace id is expected after \"o=\". Give the id"
                      + " (?o=<digits>) or remove the empty parameter")
                  .withSuggestion(withoutEmptyWorkspaceKeys(path)));
        }
      } else if (!WorkspaceIds.isValid(value)) {
        problems.add(
            invalidWorkspaceId(value, "http path " + quote(path),
                "Use the numeric id from your workspace URL (?o=<digits>)"));
      } else {
        ids.add(WorkspaceIds.canonical(value));
      }
    }
    if (ids.size() > 1) {
      List<String> distinct = List.copyOf(ids);
      problems.add(
          Problem.of(
              Code.ConflictingWorkspaceIds,
              Subject.HTTP_PATH,
              null,
              "http path " + quote(path) + " names different workspaces, " + quote(distinct.get(0))
                  + " and " + quote(distinct.get(1)) + ". One workspace id per path is expected"
                  + " (drivers silently take the first). Keep only the right ?o="));
      return null;
    }
    return ids.isEmpty() ? null : ids.iterator().next();
  }

  /** Step 5: the id in a cluster path's {@code /o/<digits>/}, canonical, or null if invalid. */
  private static String clusterPathId(String path, String digits, List<Problem> problems) {
    if (WorkspaceIds.isValid(digits)) {
      return WorkspaceIds.canonical(digits);
    }
    problems.add(
        invalidWorkspaceId(digits, "cluster path " + quote(path),
            "Copy the path from the cluster's JDBC/ODBC tab"));
    return null;
  }

  private static Problem invalidWorkspaceId(String value, String where, String fix) {
    return Problem.of(
        Code.InvalidWorkspaceId,
        Subject.HTTP_PATH,
        null,
        "workspace id " + quote(value) + " in " + where + " is not a workspace id. 1 to 19 ASCII"
            + " digits, at most " + Long.MAX_VALUE + ", are expected. " + fix);
  }

  /**
   * Decoded query keys that mean the workspace but are not {@code o}: the digit zero, names other
   * tools use, an encoded {@code =} ({@code o%3D123}), stray punctuation ({@code ??o=}, {@code o%20=}).
   * {@code O} is {@link Code#UppercaseWorkspaceKey}'s.
   */
  private static final Set<String> NEAR_MISS_KEYS = Set.of(
      "0", "org", "orgid", "organization", "organizationid", "workspace", "workspaceid", "w", "wid", "o");

  static boolean isNearMiss(String key) {
    if (key.equals("o") || key.equals("O")) {
      return false;
    }
    int eq = key.indexOf('=');
    String name = (eq >= 0 ? key.substring(0, eq) : key).toLowerCase(java.util.Locale.ROOT);
    StringBuilder letters = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
        letters.append(c);
      }
    }
    // "oo" and "xo" are other parameters; only punctuation around "o" makes a near miss of it.
    return NEAR_MISS_KEYS.contains(letters.toString());
  }

  /** The value after an encoded {@code =} inside a key ({@code o%3D123}), or empty. */
  private static String afterEncodedEquals(String key) {
    int eq = key.indexOf('=');
    return eq < 0 ? "" : key.substring(eq + 1);
  }

  /**
   * A workspace key that never reaches the query: {@code &o=} with no {@code ?} before it, or
   * {@code ?o=} percent-encoded ({@code %3Fo%3D}) so that it is part of the path.
   */
  private static void nearMissInPath(String path, String beforeQuery, List<Problem> problems) {
    String lower = beforeQuery.toLowerCase(java.util.Locale.ROOT);
    int encoded = lower.indexOf("%3fo%3d");
    if (encoded < 0) {
      encoded = lower.indexOf("%3fo=");
    }
    int amp = lower.indexOf("&o=");
    if (encoded >= 0) {
      String found = beforeQuery.substring(encoded, encoded + (lower.startsWith("%3fo%3d", encoded) ? 7 : 5));
      String fix = beforeQuery.substring(0, encoded) + "?o=" + beforeQuery.substring(encoded + found.length())
          + path.substring(beforeQuery.length());
      // One encoded key only: with more, no single edit is the fix (and no re-parse: stays linear).
      boolean single = lower.indexOf("%3fo", encoded + 1) < 0 && fix.indexOf('?', encoded + 3) < 0;
      problems.add(nearMiss(path, found, ", an encoded \"?o=\",", single ? fix : null));
    } else if (amp >= 0 && path.indexOf('?') < 0) {
      String fix = beforeQuery.substring(0, amp) + "?" + beforeQuery.substring(amp + 1);
      problems.add(nearMiss(path, beforeQuery.substring(amp, amp + 3), " with no \"?\" before it", fix));
    }
  }

  private static Problem nearMiss(String path, String found, String what, String fix) {
    return Problem.of(
            Code.WorkspaceKeyNearMiss,
            Subject.HTTP_PATH,
            null,
            "http path " + quote(path) + " has " + quote(found) + what + ", so it is part of the path"
                + " and no driver reads the workspace id. The query key \"o\" after \"?\" is expected"
                + " (?o=<workspace-id>). "
                + (fix == null ? "Write ?o= unencoded" : "Use " + quote(fix)))
        .withSuggestion(fix);
  }

  /**
   * A form databricks-jdbc misreads (its {@code DatabricksConnectionContext} takes everything after
   * the last {@code /} of a warehouse path, and everything after the cluster path's last {@code /},
   * query included, as the id): a {@code /} after the id, or a query after a cluster id.
   * HttpPathParserTest runs the driver's own parser on each form.
   */
  private static void misread(
      String path, int q, PathKind kind, String resourceId, boolean trailingSlash, List<Problem> problems) {
    boolean clusterQuery = kind == PathKind.CLUSTER && q >= 0;
    if (!clusterQuery && !trailingSlash) {
      return;
    }
    String fixed = clusterQuery ? withoutQuery(path) : path;
    int fq = fixed.indexOf('?');
    String fixedBare = fq < 0 ? fixed : fixed.substring(0, fq);
    if (fixedBare.endsWith("/")) {
      fixed = fixedBare.substring(0, fixedBare.length() - 1) + (fq < 0 ? "" : fixed.substring(fq));
    }
    String what = kind == PathKind.CLUSTER ? "cluster id" : "warehouse id";
    String read = clusterQuery
        ? resourceId + (trailingSlash ? "/" : "") + path.substring(q)
        : resourceId + "/";
    String text = clusterQuery
        ? "http path " + quote(path) + " has a query after its cluster id, and databricks-jdbc reads"
            + " cluster id " + quote(read) + " from it. A cluster path ends with the cluster id (its"
            + " /o/<id>/ already names the workspace). Use " + quote(fixed)
        : "http path " + quote(path) + " has \"/\" after its " + what + ", and databricks-jdbc reads "
            + what + " " + quote(read) + " from it. No \"/\" after the id is expected. Use " + quote(fixed);
    problems.add(Problem.of(Code.DriverMisreadsHttpPath, Subject.HTTP_PATH, null, text).withSuggestion(fixed));
  }

  /**
   * The path without its {@code o} parameters (and without a {@code ?} left with nothing after
   * it): the fix for an id a per-workspace host does not need.
   *
   * @param path a path whose query parsed
   * @return the path without {@code o}
   */
  static String withoutWorkspaceKey(String path) {
    int q = path.indexOf('?');
    if (q < 0) {
      return path;
    }
    List<String> kept = new ArrayList<>();
    for (String segment : path.substring(q + 1).split("&", -1)) {
      int eq = segment.indexOf('=');
      if (!segment.isEmpty() && !decode(eq < 0 ? segment : segment.substring(0, eq)).equals("o")) {
        kept.add(segment);
      }
    }
    return path.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
  }

  /**
   * The path routed to workspace {@code id}: its {@code o} parameters replaced by {@code o=<id>},
   * and a trailing {@code /} before the query dropped (databricks-jdbc misreads it).
   *
   * @param path a warehouse or endpoint path whose query parsed
   * @param id a canonical workspace id
   * @return the path with {@code ?o=<id>}
   */
  static String withWorkspaceId(String path, String id) {
    String rest = withoutWorkspaceKey(path);
    int q = rest.indexOf('?');
    String bare = q < 0 ? rest : rest.substring(0, q);
    String query = q < 0 ? "" : rest.substring(q + 1);
    if (bare.endsWith("/") && bare.length() > 1) {
      bare = bare.substring(0, bare.length() - 1);
    }
    return bare + "?o=" + id + (query.isEmpty() ? "" : "&" + query);
  }

  /** The path with its query (and the {@code ?}) removed. */
  private static String withoutQuery(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  /** The path with every query key for which {@code wrong} holds renamed {@code o}. */
  private static String rewriteQuery(String path, java.util.function.Predicate<String> wrong) {
    int q = path.indexOf('?');
    if (q < 0) {
      return null;
    }
    StringBuilder out = new StringBuilder(path.substring(0, q + 1));
    String[] segments = path.substring(q + 1).split("&", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      int eq = segment.indexOf('=');
      String key = decode(eq < 0 ? segment : segment.substring(0, eq));
      if (!segment.isEmpty() && wrong.test(key)) {
        String value = eq < 0 ? afterEncodedEquals(key) : segment.substring(eq + 1);
        segment = "o=" + value;
      }
      out.append(i == 0 ? "" : "&").append(segment);
    }
    return out.toString();
  }

  /** The path without its blank {@code o} parameters (and without a {@code ?} left with nothing after it). */
  private static String withoutEmptyWorkspaceKeys(String path) {
    int q = path.indexOf('?');
    if (q < 0) {
      return null;
    }
    List<String> kept = new ArrayList<>();
    for (String segment : path.substring(q + 1).split("&", -1)) {
      int eq = segment.indexOf('=');
      String key = decode(eq < 0 ? segment : segment.substring(0, eq));
      String value = eq < 0 ? "" : decode(segment.substring(eq + 1));
      if (!segment.isEmpty() && !(key.equals("o") && value.isBlank())) {
        kept.add(segment);
      }
    }
    return path.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
  }

  private static String decode(String s) {
    // Escapes were validated in step 1, so this cannot throw.
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String safeDigits(String value) {
    return WorkspaceIds.isValid(value) ? WorkspaceIds.canonical(value) : "<workspace-id>";
  }

  private static boolean isHex(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
