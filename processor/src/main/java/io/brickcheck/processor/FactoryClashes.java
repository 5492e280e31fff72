package io.brickcheck.processor;

import io.brickcheck.internal.rules.Text;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Decides which of a round's valid factories may be written: two profiles that would generate the
 * same class, or a class that already exists, are {@code FactoryNameClash}; a previous build's
 * factory for the very same element (incremental builds) is not, but must still match the profile
 * when the Filer cannot replace it ({@code StaleFactory}); a class name the file system cannot
 * store is {@code InvalidFactoryName}.
 */
final class FactoryClashes {
  private final Elements elements;
  private final Diagnostics diagnostics;
  /** Factories written in earlier rounds (owned by the processor, which adds to it). */
  private final Set<String> written;
  /** Top-level types compiled from source in this run (owned by the processor). */
  private final Set<String> sourceTypes;
  /** Previous builds' factories for the same element, by qualified name, of the last round. */
  private final Map<String, TypeElement> previous = new HashMap<>();

  FactoryClashes(Elements elements, Diagnostics diagnostics, Set<String> written, Set<String> sourceTypes) {
    this.elements = elements;
    this.diagnostics = diagnostics;
    this.written = written;
    this.sourceTypes = sourceTypes;
  }

  /**
   * Reports every clash of the round and returns the factories to write, in the given order. A
   * previous build's factory compiled from source in this run is checked here and not written again.
   */
  Map<FactoryDescriptor, ProfileDeclaration> writable(Map<FactoryDescriptor, ProfileDeclaration> valid) {
    previous.clear();
    ExistingTypes existing = new ExistingTypes();
    Map<String, List<FactoryDescriptor>> byName = new LinkedHashMap<>();
    for (FactoryDescriptor d : valid.keySet()) {
      byName.computeIfAbsent(d.qualifiedName(), k -> new ArrayList<>()).add(d);
    }
    Set<String> skipped = new HashSet<>();
    for (Map.Entry<String, List<FactoryDescriptor>> e : byName.entrySet()) {
      List<FactoryDescriptor> group = e.getValue();
      TypeElement found = written.contains(e.getKey()) ? null : existing.find(group.get(0));
      if (group.size() == 1 && found != null && isOurFactoryFor(found, group.get(0))) {
        // A previous build's factory for this very element (incremental build): not a clash.
        previous.put(e.getKey(), found);
        if (sourceTypes.contains(e.getKey())) {
          // Compiled from source in this run: the Filer cannot replace it; it must be current.
          skipped.add(e.getKey());
          reportIfStale(found, group.get(0), valid.get(group.get(0)));
        }
        continue;
      }
      boolean exists = written.contains(e.getKey()) || found != null;
      if (group.size() > 1 || exists) {
        skipped.add(e.getKey());
        for (FactoryDescriptor d : group) {
          reportClash(d, valid.get(d), group, exists);
        }
      }
    }
    Map<FactoryDescriptor, ProfileDeclaration> out = new LinkedHashMap<>();
    valid.forEach((d, decl) -> {
      if (skipped.contains(d.qualifiedName())) {
        return;
      }
      if (fileNameEncodable(d.simpleName())) {
        out.put(d, decl);
      } else {
        reportUnwritableName(d, decl);
      }
    });
    return out;
  }

  /** A previous build's factory for the same element as {@code d}, found by {@link #writable}, or null. */
  TypeElement previous(FactoryDescriptor d) {
    return previous.get(d.qualifiedName());
  }

  /**
   * False when the JVM's file-name encoding ({@code sun.jnu.encoding}, from LANG/LC_ALL) cannot
   * hold the class name: javac would fail to create the file with an IOException of its own.
   */
  private static boolean fileNameEncodable(String simpleName) {
    String encoding = System.getProperty("sun.jnu.encoding");
    try {
      return encoding == null || Charset.forName(encoding).newEncoder().canEncode(simpleName);
    } catch (RuntimeException e) {
      return true; // an encoding this JVM cannot name: let the Filer decide
    }
  }

  /** {@code InvalidFactoryName}: the class name cannot be a file name under this locale. */
  void reportUnwritableName(FactoryDescriptor d, ProfileDeclaration decl) {
    String encoding = System.getProperty("sun.jnu.encoding", "the platform's");
    String fix = FactoryNames.asciiName(FactoryNames.baseOf(d.simpleName()));
    diagnostics.report(
        Problem.of(
            Code.InvalidFactoryName,
            Subject.PROFILE,
            null,
            "the factory class " + Text.quote(d.simpleName()) + " cannot be written as a file here: file names"
                + " are encoded as " + encoding + " (from LANG or LC_ALL), which cannot hold all of its"
                + " characters. A class name this machine can store is expected. Set factoryName = \""
                + fix + "\", or build under a UTF-8 locale (LANG=C.UTF-8)"),
        decl.element,
        decl.mirror,
        decl.factoryName.source());
  }

  /**
   * True when {@code type} carries {@code @BrickcheckGenerated(origin = ...)} naming the element
   * {@code d} is generated for: the class file or source of an earlier build of this same factory.
   */
  private static boolean isOurFactoryFor(TypeElement type, FactoryDescriptor d) {
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      Element a = m.getAnnotationType().asElement();
      if (a instanceof TypeElement t && t.getQualifiedName().contentEquals(FactoryWriter.MARKER)) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> v : m.getElementValues().entrySet()) {
          if (v.getKey().getSimpleName().contentEquals(FactoryWriter.MARKER_ORIGIN)) {
            return d.declaredOn().equals(v.getValue().getValue());
          }
        }
      }
    }
    return false;
  }

  /**
   * A factory of an earlier build compiled from source in this run must hold the constants the
   * annotation gives now; otherwise the checked values are not the ones compiled.
   */
  void reportIfStale(TypeElement type, FactoryDescriptor d, ProfileDeclaration decl) {
    Map<String, String> now = FactoryWriter.constants(d);
    Map<String, Object> then = new TreeMap<>();
    for (Element e : type.getEnclosedElements()) {
      if (e instanceof VariableElement v && v.getConstantValue() instanceof String value) {
        then.put(v.getSimpleName().toString(), value);
      }
    }
    if (then.equals(now)) {
      return;
    }
    String differs = now.entrySet().stream()
        .filter(c -> !c.getValue().equals(then.get(c.getKey())))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseGet(() -> then.keySet().stream().filter(k -> !now.containsKey(k)).findFirst().orElse("a constant"));
    diagnostics.report(
        Problem.of(
            Code.StaleFactory,
            Subject.PROFILE,
            null,
            Text.quote(d.qualifiedName()) + " from an earlier build was generated from another version"
                + " of the profile on " + d.declaredOn() + " (" + differs + " differs), and this build"
                + " cannot replace it. A factory generated from the profile as it is now is expected."
                + " Delete that factory's source and class files (or clean the build) so that Brickcheck"
                + " generates it again"),
        decl.element,
        decl.mirror,
        null);
  }

  /**
   * The type names each package already has, listed once per package and round: getTypeElement
   * searches every module for each name it does not find, once per factory.
   */
  private final class ExistingTypes {
    private final Map<String, Set<String>> byPackage = new HashMap<>();

    /** The existing type of the factory's name, or null. */
    TypeElement find(FactoryDescriptor d) {
      if (!byPackage.computeIfAbsent(d.packageName(), this::list).contains(d.simpleName())) {
        return null;
      }
      return elements.getTypeElement(d.qualifiedName());
    }

    private Set<String> list(String packageName) {
      Set<String> names = new HashSet<>();
      PackageElement p = elements.getPackageElement(packageName);
      if (p != null) {
        p.getEnclosedElements().forEach(e -> names.add(e.getSimpleName().toString()));
      }
      return names;
    }
  }

  private void reportClash(
      FactoryDescriptor d, ProfileDeclaration decl, List<FactoryDescriptor> group, boolean exists) {
    List<String> others = new ArrayList<>();
    for (FactoryDescriptor other : group) {
      if (other != d) {
        others.add(other.declaredOn());
      }
    }
    String with =
        others.isEmpty()
            ? "a type of that name that already exists"
            : "the profile on " + String.join(", ", others) + (exists ? " and an existing type" : "");
    String text =
        "profile " + Text.quote(d.profileName()) + " on " + d.declaredOn() + " would generate "
            + Text.quote(d.qualifiedName()) + ", as would " + with + ". Each profile needs a"
            + " factory class of its own. Set factoryName = \"" + freeName(d) + "\" (or another"
            + " unused name) on one of them";
    diagnostics.report(
        Problem.of(Code.FactoryNameClash, Subject.PROFILE, null, text),
        decl.element,
        decl.mirror,
        decl.factoryName.source());
  }

  private static String freeName(FactoryDescriptor d) {
    Element origin = d.origin();
    Element enclosing = origin.getEnclosingElement();
    return FactoryNames.freeName(
        FactoryNames.baseOf(d.simpleName()),
        origin.getSimpleName().toString(),
        origin instanceof TypeElement,
        enclosing instanceof TypeElement t ? t.getSimpleName().toString() : "");
  }
}
