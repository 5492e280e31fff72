package io.brickcheck.cli;

import io.brickcheck.internal.rules.ComputeReport;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileReport;
import io.brickcheck.internal.rules.TerminalText;
import io.brickcheck.internal.rules.Text;

/**
 * The terminal form of a report: the profile, one line per problem, a summary. Every value and
 * message goes through {@link TerminalText}: a name or path holding CR, LF or ESC cannot forge a
 * line (such as "OK: no problems.") or send a terminal escape.
 */
final class TextReport {
  private TextReport() {}

  static String render(ProfileReport report) {
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder();
    String input = report.host().safeInput();
    if (input == null) {
      // A source that gave no profile (missing file, unknown profile or target): never "Host null".
      out.append("No profile was read.").append(nl);
    } else {
      out.append("Host ")
          .append(TerminalText.line(report.host().hostIfValid().map(Object::toString)
              .orElse(input.isEmpty() ? "(empty)" : Text.quote(input))))
          .append(" (kind ").append(report.hostKind()).append(")")
          .append(report.workspaceIdIfAny().map(id -> ", workspace " + id).orElse(""))
          .append(nl);
    }
    int width = report.computes().stream().mapToInt(c -> TerminalText.value(c.name()).length()).max().orElse(7);
    for (ComputeReport c : report.computes()) {
      out.append("  ").append(pad(TerminalText.value(c.name()), width)).append("  ").append(describe(c)).append(nl);
    }
    for (Problem p : report.problems()) {
      out.append(p.isError() ? "error  " : p.isNote() ? "note   " : "warning")
          .append(p.compute() == null ? "" : " [" + TerminalText.value(p.compute()) + "]")
          .append(' ').append(TerminalText.line(p.message())).append(nl);
    }
    int errors = report.errors().size();
    int warnings = report.warnings().size();
    int notes = report.notes().size();
    out.append(errors == 0 && warnings == 0 && notes == 0
            ? "OK: no problems."
            : (errors == 0 ? "OK" : "FAILED") + ": " + plural(errors, "error") + ", " + plural(warnings, "warning")
                + (notes == 0 ? "" : ", " + plural(notes, "note")) + ".")
        .append(nl);
    return out.toString();
  }

  private static String describe(ComputeReport c) {
    String where =
        switch (c.workspaceIdSource()) {
          case QUERY -> "workspace " + c.path().workspaceId() + " from ?o=";
          case CLUSTER_PATH -> "workspace " + c.path().workspaceId() + " from the cluster path";
          case NONE -> "no workspace id";
        };
    return TerminalText.value(c.path().input()) + "  (" + c.path().kind().name().toLowerCase(java.util.Locale.ROOT) + ", " + where + ")";
  }


  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  private static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
