package io.brickcheck.processor;

import com.google.auto.service.AutoService;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.Text;
import io.brickcheck.rules.Subject;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Checks every {@code @io.brickcheck.DatabricksProfile} while javac runs and generates a typed
 * {@code <Name>ConnectionFactory} for each valid one.
 *
 * <p>Pipeline, one element at a time: {@link ProfileDeclaration} (what is written, with source
 * positions) -> {@link ProfileValidator} (the rule engine's problems, placed on the narrowest
 * position) -> {@link FactoryDescriptor} (the model) -> {@link FactoryWriter} (JavaPoet). An element
 * with an error generates nothing; the others are still processed.
 *
 * <p>Options ({@code -A}): {@code brickcheck.strict=true|false} (warnings become errors), {@code
 * brickcheck.verbose=true|false} (a NOTE per generated factory and a summary), {@code
 * brickcheck.generatedAnnotation=jdk|none}, {@code brickcheck.profilesFile=<path>} (the dbt
 * profiles.yml that {@code dbtProfile} declarations read, instead of looking it up on the class
 * output and source path). {@code process()} never throws: an unexpected failure is
 * one {@code InternalError} on the element.
 */
@AutoService(Processor.class)
public final class DatabricksProfileProcessor extends AbstractProcessor {
  /**
   * Declared so that Gradle treats this processor as isolating (no file outside the AST is read);
   * not declared when a dbt profiles.yml may be read.
   */
  static final String GRADLE_ISOLATING = "org.gradle.annotation.processing.isolating";

  private static final String MARKER = "io.brickcheck.BrickcheckGenerated";

  private final Consumer<Element> beforeElement;
  private ProcessorOptions options;
  private Diagnostics diagnostics;
  private FactoryWriter writer;
  private DbtFiles dbtFiles;
  /** True when -Abrickcheck.profilesFile is given: then Gradle must not treat us as isolating. */
  private boolean readsYaml;
  /** Factories written in earlier rounds, by qualified name, to detect clashes across rounds. */
  private final Set<String> written = new TreeSet<>();
  /**
   * Top-level types compiled from source in this run (every round's root elements): a factory of a
   * previous build among them cannot be replaced through the Filer, only compiled as it is.
   */
  private final Set<String> sourceTypes = new HashSet<>();
  /**
   * Elements whose values did not resolve yet, by name ({@code pkg.Type} or {@code pkg.Type#FIELD}):
   * element objects do not survive rounds, so each round looks them up again.
   */
  private final Set<String> deferred = new TreeSet<>();
  /** Time spent inside process(), for the verbose summary: the processor's own cost. */
  private long nanos;

  /** The instance javac's service loader creates. */
  public DatabricksProfileProcessor() {
    this(element -> {});
  }

  /** For tests: {@code beforeElement} runs first for every element, and may throw. */
  DatabricksProfileProcessor(Consumer<Element> beforeElement) {
    this.beforeElement = beforeElement;
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    options = ProcessorOptions.parse(env.getOptions());
    diagnostics = new Diagnostics(env.getMessager(), options.strict);
    for (Problem p : options.problems) {
      diagnostics.report(p, null, null, null);
    }
    dbtFiles = new DbtFiles(env.getFiler(), options.profilesFile);
    // Decided before any round: Gradle asks once. Probing the Filer for profiles.yml here would
    // create file objects as a side effect, so the option alone decides (README-processor.md).
    readsYaml = options.profilesFileGiven;
    writer =
        new FactoryWriter(
            env.getFiler(),
            new JdkGenerated(
                env.getElementUtils(), options.generatedAnnotation == ProcessorOptions.GeneratedAnnotation.JDK));
  }

  /**
   * The profile annotation, plus the two annotations our own factories carry: in the round that
   * compiles the factories nobody else claims them, and {@code -Xlint:all -Werror} builds would
   * fail on javac's "No processor claimed any of these annotations" warning.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ProfileDeclaration.ANNOTATION, MARKER, FactoryWriter.GENERATED);
  }

  @Override
  public Set<String> getSupportedOptions() {
    Set<String> supported = new TreeSet<>(ProcessorOptions.supported());
    // A profiles.yml is an input Gradle does not track: with one, no incremental type at all, and
    // Gradle recompiles in full (README-processor.md: declare the file with inputs.file).
    if (!readsYaml) {
      supported.add(GRADLE_ISOLATING);
    }
    return supported;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    long start = System.nanoTime();
    try {
      processRound(round);
    } catch (RuntimeException e) {
      internalError(null, e);
    }
    nanos += System.nanoTime() - start;
    return claims(annotations, round);
  }

  /**
   * True (claimed) only when every annotation of the round is ours to claim: our own two, and the
   * JDK's {@code @Generated} when it sits on factories we wrote and nothing else, so that another
   * processor interested in {@code @Generated} still sees it on other types.
   */
  private boolean claims(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (annotations.isEmpty()) {
      return false;
    }
    for (TypeElement a : annotations) {
      String name = a.getQualifiedName().toString();
      if (name.equals(FactoryWriter.GENERATED)) {
        for (Element e : round.getElementsAnnotatedWith(a)) {
          if (!(e instanceof TypeElement t && written.contains(t.getQualifiedName().toString()))) {
            return false;
          }
        }
      } else if (!name.equals(ProfileDeclaration.ANNOTATION) && !name.equals(MARKER)) {
        return false;
      }
    }
    return true;
  }

  private void processRound(RoundEnvironment round) {
    if (round.processingOver()) {
      if (options.verbose && !deferred.isEmpty()) {
        // javac reports the unresolved symbols themselves; say why no factory came of them.
        diagnostics.note(
            "no factory for " + String.join(", ", deferred) + ": values never resolved", null);
      }
      if (options.verbose) {
        diagnostics.note(
            written.size() + " factories generated; " + diagnostics.errorCount() + " errors, "
                + diagnostics.warningCount() + " warnings, " + diagnostics.suppressedCount()
                + " suppressed; " + nanos / 1_000_000 + " ms in the processor",
            null);
      }
      return;
    }
    for (Element root : round.getRootElements()) {
      if (root instanceof TypeElement t) {
        sourceTypes.add(t.getQualifiedName().toString());
      }
    }
    TypeElement annotation =
        processingEnv.getElementUtils().getTypeElement(ProfileDeclaration.ANNOTATION);
    if (annotation == null) {
      return;
    }
    Map<FactoryDescriptor, ProfileDeclaration> valid = new LinkedHashMap<>();
    for (Element element : elementsOfThisRound(round, annotation)) {
      try {
        beforeElement.accept(element);
        if (ProfileDeclaration.hasUnresolvedValues(element)) {
          deferred.add(key(element));
          continue;
        }
        Optional<ProfileDeclaration> declaration = ProfileDeclaration.parse(element, diagnostics);
        if (declaration.isPresent()) {
          new ProfileValidator(diagnostics, dbtFiles)
              .validate(declaration.get())
              .ifPresent(d -> valid.put(d, declaration.get()));
        }
      } catch (RuntimeException e) {
        internalError(element, e);
      }
    }
    writeAll(valid);
  }

  /** The round's annotated elements, then those deferred from earlier rounds, each once. */
  private List<Element> elementsOfThisRound(RoundEnvironment round, TypeElement annotation) {
    List<Element> elements = new ArrayList<>(round.getElementsAnnotatedWith(annotation));
    Set<String> seen = new HashSet<>();
    elements.forEach(e -> seen.add(key(e)));
    for (String key : deferred) {
      Element e = lookup(key);
      if (e != null && seen.add(key)) {
        elements.add(e);
      }
    }
    deferred.clear();
    return elements;
  }

  private static String key(Element element) {
    if (element instanceof TypeElement t) {
      return t.getQualifiedName().toString();
    }
    Element owner = element.getEnclosingElement();
    String type = owner instanceof TypeElement t ? t.getQualifiedName().toString() : owner.toString();
    return type + "#" + element.getSimpleName();
  }

  private Element lookup(String key) {
    int hash = key.indexOf('#');
    TypeElement type =
        processingEnv.getElementUtils().getTypeElement(hash < 0 ? key : key.substring(0, hash));
    if (type == null || hash < 0) {
      return type;
    }
    String field = key.substring(hash + 1);
    return type.getEnclosedElements().stream()
        .filter(e -> e.getSimpleName().contentEquals(field))
        .findFirst()
        .orElse(null);
  }

  private void writeAll(Map<FactoryDescriptor, ProfileDeclaration> valid) {
    ExistingTypes existing = new ExistingTypes();
    Map<String, List<FactoryDescriptor>> byName = new LinkedHashMap<>();
    for (FactoryDescriptor d : valid.keySet()) {
      byName.computeIfAbsent(d.qualifiedName(), k -> new ArrayList<>()).add(d);
    }
    Set<String> clashing = new HashSet<>();
    Set<String> compiledAsIs = new HashSet<>();
    Map<String, TypeElement> ours = new HashMap<>();
    for (Map.Entry<String, List<FactoryDescriptor>> e : byName.entrySet()) {
      List<FactoryDescriptor> group = e.getValue();
      TypeElement found = written.contains(e.getKey()) ? null : existing.find(group.get(0));
      if (group.size() == 1 && found != null && isOurFactoryFor(found, group.get(0))) {
        // A previous build's factory for this very element (incremental build): not a clash.
        ours.put(e.getKey(), found);
        if (sourceTypes.contains(e.getKey())) {
          // Compiled from source in this run: the Filer cannot replace it; it must be current.
          compiledAsIs.add(e.getKey());
          reportIfStale(found, group.get(0), valid.get(group.get(0)));
        }
        continue;
      }
      boolean exists = written.contains(e.getKey()) || found != null;
      if (group.size() > 1 || exists) {
        clashing.add(e.getKey());
        for (FactoryDescriptor d : group) {
          reportClash(d, valid.get(d), group, exists);
        }
      }
    }
    for (Map.Entry<FactoryDescriptor, ProfileDeclaration> e : valid.entrySet()) {
      FactoryDescriptor d = e.getKey();
      if (clashing.contains(d.qualifiedName()) || compiledAsIs.contains(d.qualifiedName())) {
        continue;
      }
      if (!fileNameEncodable(d.simpleName())) {
        reportUnwritableName(d, e.getValue());
        continue;
      }
      try {
        writer.write(d);
        written.add(d.qualifiedName());
        if (options.verbose) {
          diagnostics.note(
              "generated " + d.qualifiedName() + " (" + d.computes().size() + " computes)", d.origin());
        }
      } catch (InvalidPathException ex) {
        // The class name has a character the file system's encoding lacks (a non-ASCII name under
        // LANG=C): the user's fix, not Brickcheck's bug.
        reportUnwritableName(d, e.getValue());
      } catch (FilerException ex) {
        TypeElement previous = ours.get(d.qualifiedName());
        if (previous == null) {
          internalError(d.origin(), ex);
        } else {
          // ECJ's Filer refuses to replace a type its class path or source path has: the previous
          // factory is compiled against as it is, so it must still match the profile.
          reportIfStale(previous, d, e.getValue());
        }
      } catch (IOException | RuntimeException ex) {
        internalError(d.origin(), ex);
      }
    }
  }

  /**
   * False when the JVM's file-name encoding ({@code sun.jnu.encoding}, from LANG/LC_ALL) cannot
   * hold the class name: javac would fail to create the file with an IOException of its own.
   */
  private static boolean fileNameEncodable(String simpleName) {
    String encoding = System.getProperty("sun.jnu.encoding");
    try {
      return encoding == null || java.nio.charset.Charset.forName(encoding).newEncoder().canEncode(simpleName);
    } catch (RuntimeException e) {
      return true; // an encoding this JVM cannot name: let the Filer decide
    }
  }

  private void reportUnwritableName(FactoryDescriptor d, ProfileDeclaration decl) {
    String encoding = System.getProperty("sun.jnu.encoding", "the platform's");
    String base = d.simpleName().substring(0, d.simpleName().length() - ProfileValidator.SUFFIX.length());
    String ascii = java.text.Normalizer.normalize(base, java.text.Normalizer.Form.NFD).replaceAll("[^A-Za-z0-9_$]", "");
    String fix = ProfileValidator.isClassName(ascii) && !ascii.equals(base) ? ascii : "Analytics";
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
      if (a instanceof TypeElement t && t.getQualifiedName().contentEquals(MARKER)) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> v : m.getElementValues().entrySet()) {
          if (v.getKey().getSimpleName().contentEquals("origin")) {
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
  private void reportIfStale(TypeElement type, FactoryDescriptor d, ProfileDeclaration decl) {
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
      return processingEnv.getElementUtils().getTypeElement(d.qualifiedName());
    }

    private Set<String> list(String packageName) {
      Set<String> names = new HashSet<>();
      PackageElement p = processingEnv.getElementUtils().getPackageElement(packageName);
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
            + " factory class of its own. Set factoryName = \"" + suggestion(d) + "\" (or another"
            + " unused name) on one of them";
    diagnostics.report(
        Problem.of(Code.FactoryNameClash, Subject.PROFILE, null, text),
        decl.element,
        decl.mirror,
        decl.factoryName.source());
  }

  /**
   * A name that differs from the clashing one: the element's own name when a factoryName caused
   * the clash, else the enclosing type's name in front.
   */
  private static String suggestion(FactoryDescriptor d) {
    String base =
        d.simpleName().substring(0, d.simpleName().length() - ProfileValidator.SUFFIX.length());
    Element origin = d.origin();
    String own =
        origin instanceof TypeElement
            ? origin.getSimpleName().toString()
            : ProfileValidator.upperCamel(origin.getSimpleName().toString());
    if (!own.equals(base) && ProfileValidator.isClassName(own)) {
      return own;
    }
    Element enclosing = origin.getEnclosingElement();
    String outer = enclosing instanceof TypeElement t ? t.getSimpleName().toString() : "";
    return outer.isEmpty() || base.startsWith(outer) ? base + "2" : outer + base;
  }

  private void internalError(Element element, Throwable e) {
    String where = element == null ? "" : " on " + element.getSimpleName();
    diagnostics.report(
        Problem.of(
            Code.InternalError,
            Subject.PROFILE,
            null,
            "the Brickcheck processor failed" + where + " with " + e.getClass().getName() + ": \""
                + e.getMessage() + "\". This is a bug in Brickcheck, not in your code. Please report"
                + " it with this message and the annotation that triggered it"),
        element,
        null,
        null);
  }
}
