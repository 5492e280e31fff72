package io.brickcheck.processor;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The one way the processor talks to the user. It applies {@code @SuppressWarnings}, strict mode
 * and counts, so that no stage decides those on its own.
 *
 * <p>Suppression: {@code @SuppressWarnings("DatabricksProfile")} or {@code
 * ("DatabricksProfile/<Code>")} on the element or any element enclosing it silences warnings only;
 * errors cannot be suppressed. A suppressed warning stays silent in strict mode too: the user chose
 * to accept it.
 */
final class Diagnostics {
  private final Messager messager;
  private final boolean strict;
  private int errors;
  private int warnings;
  private int suppressed;

  Diagnostics(Messager messager, boolean strict) {
    this.messager = messager;
    this.strict = strict;
  }

  /**
   * Whether {@link #report} shows {@code problem} on {@code element} as an error: an error, or a
   * warning in strict mode that no {@code @SuppressWarnings} silences.
   */
  boolean isShownAsError(Problem problem, Element element) {
    return problem.isError()
        || strict && !problem.isNote() && !(element != null && isSuppressed(problem.code(), element));
  }

  /**
   * Reports a problem as precisely as the arguments allow: on {@code value} inside {@code mirror}
   * on {@code element}; any of them may be null, javac then falls back to the next coarser one.
   */
  void report(Problem problem, Element element, AnnotationMirror mirror, AnnotationValue value) {
    Problem effective = problem;
    if (!problem.isError()) {
      if (element != null && isSuppressed(problem.code(), element)) {
        suppressed++;
        return;
      }
      if (strict) {
        effective = problem.asError();
      }
    }
    // A note (UnclassifiedHost) is javac's NOTE: Maven prints it at INFO, and -Werror ignores it.
    Diagnostic.Kind kind =
        effective.isError() ? Diagnostic.Kind.ERROR : effective.isNote() ? Diagnostic.Kind.NOTE : Diagnostic.Kind.WARNING;
    if (effective.isError()) {
      errors++;
    } else if (!effective.isNote()) {
      warnings++;
    }
    if (element == null) {
      messager.printMessage(kind, effective.message());
    } else if (mirror == null) {
      messager.printMessage(kind, effective.message(), element);
    } else if (value == null) {
      messager.printMessage(kind, effective.message(), element, mirror);
    } else {
      messager.printMessage(kind, effective.message(), element, mirror, value);
    }
  }

  /** A NOTE for {@code -Abrickcheck.verbose=true}; never counted, never suppressed. */
  void note(String text, Element element) {
    String message = "[" + Code.FAMILY + "] " + text;
    if (element == null) {
      messager.printMessage(Diagnostic.Kind.NOTE, message);
    } else {
      messager.printMessage(Diagnostic.Kind.NOTE, message, element);
    }
  }

  int errorCount() {
    return errors;
  }

  int warningCount() {
    return warnings;
  }

  int suppressedCount() {
    return suppressed;
  }

  static boolean isSuppressed(Code code, Element element) {
    for (Element e = element; e != null; e = e.getEnclosingElement()) {
      SuppressWarnings annotation = e.getAnnotation(SuppressWarnings.class);
      if (annotation == null) {
        continue;
      }
      for (String key : annotation.value()) {
        if (Code.FAMILY.equals(key) || code.suppressionKey().equals(key)) {
          return true;
        }
      }
    }
    return false;
  }
}
