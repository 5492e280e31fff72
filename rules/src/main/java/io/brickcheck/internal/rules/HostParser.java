package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Host;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import static io.brickcheck.internal.rules.Text.quote;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses and checks a Databricks host (docs/rules.md, "Hosts"): a bare host, an optional
 * {@code :port}, an optional {@code https://} and one optional trailing {@code /}; {@code http://}
 * for loopback only. Names are classified by the SDKs' own environment table ({@link
 * DatabricksClouds}). Pure and thread-safe; never throws. Every fix a message proposes is parsed
 * again before it is offered ({@link Problem#suggestion()}).
 */
public final class HostParser {

  /** Query keys that carry a workspace id on a URL copied from the browser or another tool. */
  private static final Set<String> WORKSPACE_KEYS = Set.of("o", "w", "workspace_id", "workspaceid");

  private static final String EXAMPLE = "\"peco.azuredatabricks.net\"";

  private HostParser() {}

  /**
   * Parses and checks a host as a user wrote it in the annotation ({@link SpecForm#ANNOTATION}).
   *
   * @param input the host
   * @return the host, if valid, and the problems
   */
  public static HostResult parse(String input) {
    return parse(input, SpecForm.ANNOTATION);
  }

  /**
   * Parses and checks a host; messages name the settings as {@code form} spells them.
   *
   * @param input the host
   * @param form how the user wrote the profile
   * @return the host, if valid, and the problems
   */
  public static HostResult parse(String input, SpecForm form) {
    Problem problem = null;
    Host host = null;
    try {
      host = parseOrNull(input, form, true);
    } catch (InvalidHost e) {
      problem = Problem.of(e.code, Subject.HOST, null, e.text).withSuggestion(e.suggestion);
    }
    return new HostResult(input, host, problem == null ? List.of() : List.of(problem));
  }

  private static Host parseOrNull(String input, SpecForm form, boolean offerFixes) {
    if (input == null || input.isBlank()) {
      throw new InvalidHost(
          "host is empty. A Databricks host name is expected, such as " + EXAMPLE + ". Set "
              + form.host() + " to your workspace or SPOG host");
    }
    if (Text.firstHidden(input) >= 0) {
      // Shown and fixed without any user information, which may hold a token.
      String shown = Text.redactUserInfo(input);
      int hidden = Text.firstHidden(shown);
      if (hidden < 0) {
        throw new InvalidHost(
            Code.HiddenCharacter,
            "host " + quote(shown) + " has an invisible or bidirectional format character in its user"
                + " information. A bare host name is expected. Give the bare host name",
            null);
      }
      Problem p = Text.hidden(Subject.HOST, null, "host", shown, hidden);
      throw new InvalidHost(
          Code.HiddenCharacter, p.text(), p.suggestion());
    }
    int blank = Text.firstBlankOrControl(input);
    if (blank >= 0) {
      String fix = offerFixes ? clean(input.strip(), form) : null;
      throw new InvalidHost(
          "host " + quote(input) + " contains whitespace or a control character at index " + blank
              + ". A bare host name is expected. "
              + (fix == null ? "Remove it" : "Use " + quote(fix)) + " (copied values often end in a newline)",
          fix);
    }
    String rest = input;
    boolean secure = true;
    int schemeEnd = input.indexOf("://");
    if (schemeEnd >= 0) {
      String scheme = input.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
      rest = input.substring(schemeEnd + 3);
      if (scheme.equals("http")) {
        secure = false;
      } else if (!scheme.equals("https")) {
        String fix = offerFixes ? clean(bareName(rest), form) : null;
        throw new InvalidHost(
            "host " + quote(Text.redactUserInfo(input)) + " has the scheme " + quote(scheme)
                + ". Only https is accepted (http on loopback). "
                + (fix == null ? "Give the bare host name" : "Use " + quote(fix)),
            fix);
      }
    }
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    int at = indexOfAny(rest, "@");
    int pathStart = indexOfAny(rest, "/?#");
    if (at >= 0 && (pathStart < 0 || at < pathStart)) {
      // Userinfo may hold a token: never echo it.
      String fix = offerFixes ? clean(bareName(rest), form) : null;
      throw new InvalidHost(
          "host " + quote(Text.redactUserInfo(input)) + " contains user information before \"@\". The"
              + " host is the server name only; credentials go in Credentials. "
              + (fix == null ? "Give the bare host name" : "Use " + quote(fix)),
          fix);
    }
    String bare = pathStart >= 0 ? rest.substring(0, pathStart) : rest;
    String bareName = nameOf(bare);
    // Before the path: the fix for "accounts.gcp.databricks.com/workspaces/1" is not the console.
    if (DatabricksClouds.isAccountConsole(bareName)) {
      throw new InvalidHost(
          "host " + quote(input) + " is an account console, which serves no SQL warehouse or"
              + " cluster. A workspace host or a SPOG host is expected. Use your workspace URL or"
              + " your organisation's unified host");
    }
    if (pathStart >= 0) {
      throw pathOnHost(input, rest, pathStart, form, offerFixes);
    }
    List<String> cutZones = DatabricksClouds.truncatedZones(bareName);
    if (!cutZones.isEmpty()) {
      throw truncated(input, bare, bareName, cutZones, form, offerFixes);
    }
    if (rest.isEmpty()) {
      throw new InvalidHost(
          "host " + quote(input) + " has no host name. A Databricks host name is expected, such as "
              + EXAMPLE + ". Add the host name");
    }
    String name;
    String portText = null;
    if (rest.startsWith("[")) {
      int close = rest.indexOf(']');
      if (close < 0) {
        throw invalidName(input);
      }
      name = rest.substring(1, close).toLowerCase(Locale.ROOT);
      String after = rest.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          throw invalidName(input);
        }
        portText = after.substring(1);
      }
      if (!name.matches("[0-9a-f:.]+") || name.indexOf(':') < 0 || !isIpv6(name)) {
        throw invalidName(input);
      }
    } else {
      int colon = rest.indexOf(':');
      if (colon >= 0) {
        portText = rest.substring(colon + 1);
        rest = rest.substring(0, colon);
      }
      name = rest.toLowerCase(Locale.ROOT);
      checkHostName(input, name);
    }
    int port = secure ? 443 : 80;
    if (portText != null) {
      port = parsePort(input, portText);
    }
    boolean loopback = isLoopback(name);
    if (!secure && !loopback) {
      String fix = offerFixes ? clean(bareName(input.substring(7)), form) : null;
      throw new InvalidHost(
          "host " + quote(input) + " uses http. Databricks hosts are served over https only (http is"
              + " accepted for loopback test gateways). "
              + (fix == null ? "Use https" : "Use " + quote(fix)),
          fix);
    }
    return classify(name, port, secure, loopback);
  }

  /**
   * A host with a path, query or fragment. A workspace id in the query (a workspace URL pasted from
   * the browser) is named, with where it goes instead: Thrift routes by the http path, and the Java
   * SDK drops a host's query, so on the host it would route nothing.
   */
  private static InvalidHost pathOnHost(String input, String rest, int pathStart, SpecForm form, boolean offerFixes) {
    String bare = rest.substring(0, pathStart);
    String tail = rest.substring(pathStart);
    // "adb-1.2.azuredatabricks/net": a "/" typed for the zone's last dot.
    List<String> cutZones = DatabricksClouds.truncatedZones(nameOf(bare));
    if (!cutZones.isEmpty() && tail.startsWith("/")) {
      int end = indexOfAny(tail.substring(1), "/?#");
      String segment = end < 0 ? tail.substring(1) : tail.substring(1, end + 1);
      String joined = bare + "." + segment;
      if (endsWithAny(nameOf(joined).toLowerCase(Locale.ROOT), cutZones)) {
        String fix = offerFixes ? clean(joined, form) : null;
        if (fix != null) {
          return new InvalidHost(
              "host " + quote(input) + " has \"/\" where \".\" belongs in its domain name. A host name"
                  + " such as " + EXAMPLE + " is expected. Use " + quote(fix),
              fix);
        }
      }
    }
    String fix = offerFixes ? clean(bare, form) : null;
    String id = workspaceIdInQuery(tail);
    if (id != null) {
      boolean perWorkspace = fix != null && DatabricksClouds.perWorkspace(nameOf(fix).toLowerCase(Locale.ROOT)) != null;
      return new InvalidHost(
          "host " + quote(input) + " carries workspace id " + quote(id) + " in its query"
              + ". The host is the server name only, and a workspace id belongs on the http path"
              + " (Thrift routes by the path; the Java SDK drops a host's query). "
              + (fix == null ? "Give the bare host name in " + form.host() : "Use " + quote(fix) + " as " + form.host())
              + (perWorkspace
                  ? " (a per-workspace host needs no ?o=)"
                  : " and add ?o=" + id + " to " + form.httpPath() + " and to every compute's http path"),
          fix);
    }
    return new InvalidHost(
        "host " + quote(input) + " has a path, query or fragment " + quote(tail)
            + ". The host is the server name only. "
            + (fix == null ? "Give the bare host name" : "Use " + quote(fix))
            + " and put the http path in " + form.httpPath(),
        fix);
  }

  private static InvalidHost truncated(
      String input, String bare, String bareName, List<String> zones, SpecForm form, boolean offerFixes) {
    String cut = zones.get(0).substring(0, zones.get(0).lastIndexOf('.'));
    String fix = null;
    if (zones.size() == 1 && offerFixes) {
      int colon = bare.indexOf(':');
      String port = colon < 0 ? "" : bare.substring(colon);
      fix = clean(bareName + zones.get(0).substring(cut.length()) + port, form);
    }
    return new InvalidHost(
        "host " + quote(input) + " ends with " + quote(cut) + ", a Databricks domain cut short. A"
            + " whole domain is expected (" + quotedList(zones)
            + "). " + (fix == null ? "Complete the domain name" : "Use " + quote(fix)),
        fix);
  }

  private static boolean endsWithAny(String name, List<String> suffixes) {
    for (String suffix : suffixes) {
      if (name.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  /** {@code "a", "b"}: each value quoted, joined with commas. */
  private static String quotedList(List<String> values) {
    StringBuilder out = new StringBuilder();
    for (String value : values) {
      out.append(out.length() == 0 ? "" : ", ").append(quote(value));
    }
    return out.toString();
  }

  /** The canonical id of the first workspace key with a valid id in a URL's query, or null. */
  private static String workspaceIdInQuery(String tail) {
    int q = tail.indexOf('?');
    if (q < 0) {
      return null;
    }
    int hash = tail.indexOf('#', q);
    String query = hash < 0 ? tail.substring(q + 1) : tail.substring(q + 1, hash);
    for (String segment : query.split("&")) {
      int eq = segment.indexOf('=');
      if (eq > 0 && WORKSPACE_KEYS.contains(segment.substring(0, eq).toLowerCase(Locale.ROOT))) {
        String value = segment.substring(eq + 1);
        if (WorkspaceIds.isValid(value)) {
          return WorkspaceIds.canonical(value);
        }
      }
    }
    return null;
  }

  /** {@code candidate} when it passes every host rule, else null: a fix is never one that fails. */
  private static String clean(String candidate, SpecForm form) {
    return isClean(candidate, form) ? candidate : null;
  }

  private static boolean isClean(String candidate, SpecForm form) {
    if (candidate == null || candidate.isEmpty()) {
      return false;
    }
    try {
      parseOrNull(candidate, form, false);
      return true;
    } catch (InvalidHost e) {
      return false;
    }
  }

  /** The name part of {@code name[:port]} or {@code [v6]:port}. */
  private static String nameOf(String authority) {
    if (authority.startsWith("[")) {
      return authority;
    }
    int colon = authority.indexOf(':');
    return (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
  }

  private static Host classify(String name, int port, boolean secure, boolean loopback) {
    String perWorkspace = DatabricksClouds.perWorkspace(name);
    if (perWorkspace == null) {
      return new Host(name, port, secure, loopback, HostClassification.UNKNOWN, null);
    }
    return new Host(
        name, port, secure, loopback, HostClassification.WORKSPACE, perWorkspace.isEmpty() ? null : perWorkspace);
  }

  private static void checkHostName(String input, String name) {
    if (name.isEmpty() || name.length() > 253) {
      throw invalidName(input);
    }
    String[] labels = name.split("\\.", -1);
    boolean numeric = true;
    for (String label : labels) {
      if (!isLabel(label)) {
        throw invalidName(input);
      }
      numeric &= Ascii.isDigits(label);
    }
    if (numeric && !isIpv4(labels)) {
      throw invalidName(input);
    }
  }

  /**
   * One DNS label of a lower-cased name, {@code [a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?}: 1 to 63
   * characters of {@code a-z}, {@code 0-9} and {@code -}, not starting or ending with {@code -}.
   */
  static boolean isLabel(String label) {
    int n = label.length();
    if (n == 0 || n > 63 || label.charAt(0) == '-' || label.charAt(n - 1) == '-') {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = label.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * RFC 4291 text form: eight groups of 1-4 hex digits, or fewer around one "::", the last 32 bits
   * optionally as dotted IPv4. Found by ParserFuzzTest: "[:1]" passed the character check, and its
   * base URL "https://[:1]" is one no HTTP client can use.
   */
  static boolean isIpv6(String name) {
    int gap = name.indexOf("::");
    if (gap >= 0 && name.indexOf("::", gap + 1) >= 0) {
      return false;
    }
    String[] parts = gap < 0 ? new String[] {name} : new String[] {name.substring(0, gap), name.substring(gap + 2)};
    int bits = 0;
    for (int p = 0; p < parts.length; p++) {
      if (parts[p].isEmpty() && gap >= 0) {
        continue;
      }
      String[] groups = parts[p].split(":", -1);
      for (int g = 0; g < groups.length; g++) {
        String group = groups[g];
        if (group.indexOf('.') >= 0) {
          if (p != parts.length - 1 || g != groups.length - 1 || !isIpv4(group.split("\\.", -1))) {
            return false;
          }
          bits += 32;
        } else if (group.matches("[0-9a-f]{1,4}")) {
          bits += 16;
        } else {
          return false;
        }
      }
    }
    return gap < 0 ? bits == 128 : bits <= 112;
  }

  private static boolean isIpv4(String[] labels) {
    if (labels.length != 4) {
      return false;
    }
    for (String label : labels) {
      // Digits only before parseInt: isLoopback also asks about names such as "127.example.co.uk".
      if (label.isEmpty() || label.length() > 3 || !Ascii.isDigits(label)
          || Integer.parseInt(label) > 255) {
        return false;
      }
    }
    return true;
  }

  private static int parsePort(String input, String text) {
    if (text.isEmpty() || text.length() > 5 || !Ascii.isDigits(text)) {
      throw invalidPort(input, text);
    }
    int port = Integer.parseInt(text);
    if (port < 1 || port > 65535) {
      throw invalidPort(input, text);
    }
    return port;
  }

  static boolean isLoopback(String name) {
    if (name.equals("localhost") || name.equals("::1") || name.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] labels = name.split("\\.", -1);
    return labels[0].equals("127") && isIpv4(labels);
  }

  private static InvalidHost invalidName(String input) {
    return new InvalidHost(
        "host " + quote(input) + " is not a valid host name. Letters, digits, hyphens and dots are"
            + " expected, in labels of at most 63 characters, such as " + EXAMPLE
            + ". Check the value for typos");
  }

  private static InvalidHost invalidPort(String input, String port) {
    return new InvalidHost(
        "host " + quote(input) + " has an invalid port " + quote(port) + ". A port from 1 to 65535"
            + " is expected. Fix the port or drop it (https uses 443)");
  }

  /** The host part of an authority-like string, for the suggested fix. */
  private static String bareName(String rest) {
    int at = rest.lastIndexOf('@');
    String s = at >= 0 ? rest.substring(at + 1) : rest;
    int end = indexOfAny(s, "/?#");
    return end >= 0 ? s.substring(0, end) : s;
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** Control flow inside the parser only: carries the message text of the first fatal problem. */
  private static final class InvalidHost extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Code code;
    final String text;
    final String suggestion;

    InvalidHost(String text) {
      this(Code.InvalidHost, text, null);
    }

    InvalidHost(String text, String suggestion) {
      this(Code.InvalidHost, text, suggestion);
    }

    InvalidHost(Code code, String text, String suggestion) {
      super(null, null, false, false);
      this.code = code;
      this.text = text;
      this.suggestion = suggestion;
    }
  }
}
