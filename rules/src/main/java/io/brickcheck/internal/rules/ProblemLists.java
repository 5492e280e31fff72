package io.brickcheck.internal.rules;

import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions the reports ask of their problem lists, as plain loops: a lambda or a stream on
 * the way to a profile's first JDBC URL costs a cold JVM a LambdaMetafactory spin or a stream
 * pipeline's classes (issue 17).
 */
final class ProblemLists {
  private ProblemLists() {}

  /** Whether any problem is an error. */
  static boolean anyError(List<Problem> problems) {
    for (Problem p : problems) {
      if (p.isError()) {
        return true;
      }
    }
    return false;
  }

  /** The problems of one severity, in order, as an unmodifiable list. */
  static List<Problem> ofSeverity(List<Problem> problems, Severity severity) {
    List<Problem> out = new ArrayList<>();
    for (Problem p : problems) {
      if (p.severity() == severity) {
        out.add(p);
      }
    }
    return List.copyOf(out);
  }
}
