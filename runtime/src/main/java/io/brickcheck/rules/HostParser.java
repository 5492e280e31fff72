package io.brickcheck.rules;

import static io.brickcheck.rules.Text.quote;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and checks a Databricks host (CONTRACT.md, "Hosts"): a bare host, an optional
 * {@code :port}, an optional {@code https://} and one optional trailing {@code /}; {@code http://}
 * for loopback only. Pure and thread-safe; never throws.
 */
public final class HostParser {
  static final Set<String> ACCOUNT_CONSOLES =
      Set.of(
          "accounts.cloud.databricks.com",
          "accounts.azuredatabricks.net",
          "accounts.gcp.databricks.com");

  private static final Pattern AZURE_WORKSPACE =
      Pattern.compile("adb-(\\d+)\\.\\d+\\.azuredatabricks\\.net");
  private static final Pattern GCP_WORKSPACE = Pattern.compile("(\\d+)\\.\\d\\.gcp\\.databricks\\.com");
  private static final Pattern AWS_WORKSPACE =
      Pattern.compile("dbc-[0-9a-f]+-[0-9a-f]+\\.cloud\\.databricks\\.com");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  private static final String EXAMPLE = "\"peco.azuredatabricks.net\"";

  private HostParser() {}

  /**
   * Parses and checks a host as a user wrote it.
   *
   * @param input the host
   * @return the host, if valid, and the problems
   */
  public static HostResult parse(String input) {
    String problem = null;
    Host host = null;
    try {
      host = parseOrNull(input);
    } catch (InvalidHost e) {
      problem = e.text;
    }
    List<Problem> problems =
        problem == null ? List.of() : List.of(Problem.of(Code.InvalidHost, Subject.HOST, null, problem));
    return new HostResult(input, host, problems);
  }

  private static Host parseOrNull(String input) {
    if (input == null || input.isBlank()) {
      throw new InvalidHost(
          "host " + quote(input == null ? "" : input) + " is empty. A Databricks host name is"
              + " expected, such as " + EXAMPLE + ". Set it to your workspace or SPOG host");
    }
    int blank = Text.firstBlankOrControl(input);
    if (blank >= 0) {
      throw new InvalidHost(
          "host " + quote(input) + " contains whitespace or a control character at index " + blank
              + ". A bare host name is expected. Remove it (copied values often end in a newline)");
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
        throw new InvalidHost(
            "host " + quote(redactUserInfo(input)) + " has the scheme " + quote(scheme)
                + ". Only https is accepted (http on loopback). Use " + quote(bareName(rest)));
      }
    }
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    int at = indexOfAny(rest, "@");
    int pathStart = indexOfAny(rest, "/?#");
    if (at >= 0 && (pathStart < 0 || at < pathStart)) {
      // Userinfo may hold a token: never echo it.
      throw new InvalidHost(
          "host " + quote(redactUserInfo(input)) + " contains user information before \"@\". The"
              + " host is the server name only; credentials go in Credentials. Use "
              + quote(bareName(rest)));
    }
    if (pathStart >= 0) {
      throw new InvalidHost(
          "host " + quote(input) + " has a path, query or fragment " + quote(rest.substring(pathStart))
              + ". The host is the server name only. Use " + quote(rest.substring(0, pathStart))
              + " and put the http path in httpPath");
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
      throw new InvalidHost(
          "host " + quote(input) + " uses http. Databricks hosts are served over https only (http is"
              + " accepted for loopback test gateways). Use " + quote(bareName(input.substring(7))));
    }
    if (ACCOUNT_CONSOLES.contains(name)) {
      throw new InvalidHost(
          "host " + quote(input) + " is an account console, which serves no SQL warehouse or"
              + " cluster. A workspace host or a SPOG host is expected. Use your workspace URL or"
              + " your organisation's unified host");
    }
    return classify(name, port, secure, loopback);
  }

  private static Host classify(String name, int port, boolean secure, boolean loopback) {
    Matcher azure = AZURE_WORKSPACE.matcher(name);
    if (azure.matches()) {
      return new Host(name, port, secure, loopback, HostClassification.WORKSPACE, embeddedId(azure));
    }
    Matcher gcp = GCP_WORKSPACE.matcher(name);
    if (gcp.matches()) {
      return new Host(name, port, secure, loopback, HostClassification.WORKSPACE, embeddedId(gcp));
    }
    HostClassification kind =
        AWS_WORKSPACE.matcher(name).matches() ? HostClassification.WORKSPACE : HostClassification.UNKNOWN;
    return new Host(name, port, secure, loopback, kind, null);
  }

  private static String embeddedId(Matcher m) {
    String digits = m.group(1);
    // A name with more digits than any workspace id embeds no id we can compare.
    return WorkspaceIds.isValid(digits) ? WorkspaceIds.canonical(digits) : null;
  }

  private static void checkHostName(String input, String name) {
    if (name.isEmpty() || name.length() > 253) {
      throw invalidName(input);
    }
    String[] labels = name.split("\\.", -1);
    boolean numeric = true;
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw invalidName(input);
      }
      numeric &= label.chars().allMatch(c -> c >= '0' && c <= '9');
    }
    if (numeric && !isIpv4(labels)) {
      throw invalidName(input);
    }
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
      if (label.isEmpty() || label.length() > 3 || !label.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(label) > 255) {
        return false;
      }
    }
    return true;
  }

  private static int parsePort(String input, String text) {
    if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
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

  /** Replaces anything before the last {@code @} of the authority with {@code ***}. */
  static String redactUserInfo(String input) {
    int schemeEnd = input.indexOf("://");
    int start = schemeEnd >= 0 ? schemeEnd + 3 : 0;
    int end = indexOfAny(input.substring(start), "/?#");
    String authority = end >= 0 ? input.substring(start, start + end) : input.substring(start);
    int at = authority.lastIndexOf('@');
    if (at < 0) {
      return input;
    }
    return input.substring(0, start) + "***" + input.substring(start + at);
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
    final String text;

    InvalidHost(String text) {
      super(null, null, false, false);
      this.text = text;
    }
  }
}
