package io.brickcheck.processor;

import io.brickcheck.rules.Problem;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * What validating one declaration found: each problem with the place javac shows it at (the
 * element, the annotation, the value; any may be null). {@link #isClean()} says whether a factory
 * may be generated, without looking at what other declarations reported.
 */
final class ValidationReport {
  /** A problem and where javac shows it; javac falls back to the next coarser place when one is null. */
  record Item(Problem problem, Element element, AnnotationMirror mirror, AnnotationValue value) {}

  private final Diagnostics diagnostics;
  private final List<Item> items = new ArrayList<>();

  ValidationReport(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  void add(Problem problem, Element element, AnnotationMirror mirror, AnnotationValue value) {
    items.add(new Item(problem, element, mirror, value));
  }

  List<Item> items() {
    return List.copyOf(items);
  }

  /** No problem that javac shows as an error: strict mode and {@code @SuppressWarnings} applied. */
  boolean isClean() {
    return items.stream().noneMatch(i -> diagnostics.isShownAsError(i.problem(), i.element()));
  }

  /** Prints every problem, in the order found. */
  void printTo(Diagnostics out) {
    items.forEach(i -> out.report(i.problem(), i.element(), i.mirror(), i.value()));
  }
}
