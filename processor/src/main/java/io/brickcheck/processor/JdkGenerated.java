package io.brickcheck.processor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.ModuleElement.RequiresDirective;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Whether a factory may carry {@code @javax.annotation.processing.Generated}: the type must resolve
 * in the compilation AND the annotated element's module must read {@code java.compiler}. A named
 * module that does not require it (a module that requires only {@code io.brickcheck.runtime} and,
 * say, {@code com.google.gson}) sees the class on the compilation's module graph but cannot use it:
 * {@code package javax.annotation.processing is not visible}. Code in the unnamed module reads
 * every module, so the type resolving is enough there.
 */
final class JdkGenerated implements Predicate<Element> {
  static final String MODULE = "java.compiler";

  private final Elements elements;
  private final boolean resolves;

  /**
   * @param elements the compilation's element utilities
   * @param wanted whether the {@code brickcheck.generatedAnnotation} option asks for it
   */
  JdkGenerated(Elements elements, boolean wanted) {
    this.elements = elements;
    this.resolves = wanted && elements.getTypeElement(FactoryWriter.GENERATED) != null;
  }

  /**
   * @param origin the element the factory is generated for, or null when there is none
   * @return true when the factory may carry {@code @Generated}
   */
  @Override
  public boolean test(Element origin) {
    if (!resolves) {
      return false;
    }
    ModuleElement module = origin == null ? null : elements.getModuleOf(origin);
    return module == null || module.isUnnamed() || reads(module, MODULE);
  }

  /**
   * Whether {@code module} reads {@code target}: it requires it, or requires a module that requires
   * it transitively, at any depth (JLS 7.7.1). {@code java.se} reads {@code java.compiler} that way.
   */
  static boolean reads(ModuleElement module, String target) {
    Deque<ModuleElement> todo = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    for (RequiresDirective r : ElementFilter.requiresIn(module.getDirectives())) {
      todo.add(r.getDependency());
    }
    while (!todo.isEmpty()) {
      ModuleElement m = todo.remove();
      String name = m.getQualifiedName().toString();
      if (name.equals(target)) {
        return true;
      }
      if (!seen.add(name)) {
        continue;
      }
      for (RequiresDirective r : ElementFilter.requiresIn(m.getDirectives())) {
        if (r.isTransitive()) {
          todo.add(r.getDependency());
        }
      }
    }
    return false;
  }
}
