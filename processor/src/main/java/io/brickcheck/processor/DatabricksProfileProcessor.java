package io.brickcheck.processor;

import com.google.auto.service.AutoService;
import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

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

  private final Consumer<Element> beforeElement;
  private ProcessorOptions options;
  private Diagnostics diagnostics;
  /** Made by {@link #writer()} on first use. */
  private FactoryWriter writer;
  private FactoryClashes clashes;
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
    // null, not a no-op lambda: its bootstrap would be the first thing every javac run pays.
    this(null);
  }

  /** For tests: {@code beforeElement} (null: nothing) runs first for every element, and may throw. */
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
    // The writer (and with it JavaPoet) is made when the first factory is written: most modules
    // on a processor path have no profile at all, and pay for nothing they do not use.
    clashes = new FactoryClashes(env.getElementUtils(), diagnostics, written, sourceTypes);
  }

  /**
   * The profile annotation, plus the two annotations our own factories carry: in the round that
   * compiles the factories nobody else claims them, and {@code -Xlint:all -Werror} builds would
   * fail on javac's "No processor claimed any of these annotations" warning.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ProfileDeclaration.ANNOTATION, FactoryWriter.MARKER, FactoryWriter.GENERATED);
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
      processRound(annotations, round);
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
        if (written.isEmpty()) {
          return false; // another processor's @Generated: no scan in modules without profiles
        }
        for (Element e : round.getElementsAnnotatedWith(a)) {
          if (!(e instanceof TypeElement t && written.contains(t.getQualifiedName().toString()))) {
            return false;
          }
        }
      } else if (!name.equals(ProfileDeclaration.ANNOTATION) && !name.equals(FactoryWriter.MARKER)) {
        return false;
      }
    }
    return true;
  }

  private void processRound(Set<? extends TypeElement> annotations, RoundEnvironment round) {
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
    // javac passes the annotations present in this round: without ours, no element of the round
    // carries it, and only the deferred ones are looked at (in most rounds, nothing is scanned).
    TypeElement annotation = null;
    for (TypeElement a : annotations) {
      if (a.getQualifiedName().contentEquals(ProfileDeclaration.ANNOTATION)) {
        annotation = a;
      }
    }
    if (annotation == null && deferred.isEmpty()) {
      return;
    }
    Map<FactoryDescriptor, ProfileDeclaration> valid = new LinkedHashMap<>();
    for (Element element : elementsOfThisRound(round, annotation)) {
      try {
        if (beforeElement != null) {
          beforeElement.accept(element);
        }
        if (ProfileDeclaration.hasUnresolvedValues(element)) {
          deferred.add(key(element));
          continue;
        }
        Optional<ProfileDeclaration> declaration =
            ProfileDeclaration.parse(element, processingEnv.getElementUtils(), diagnostics);
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

  /**
   * The round's annotated elements ({@code annotation} null: none), then those deferred from
   * earlier rounds, each once.
   */
  private List<Element> elementsOfThisRound(RoundEnvironment round, TypeElement annotation) {
    List<Element> elements =
        annotation == null ? new ArrayList<>() : new ArrayList<>(round.getElementsAnnotatedWith(annotation));
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
    for (Map.Entry<FactoryDescriptor, ProfileDeclaration> e : clashes.writable(valid).entrySet()) {
      FactoryDescriptor d = e.getKey();
      try {
        writer().write(d);
        written.add(d.qualifiedName());
        if (options.verbose) {
          diagnostics.note(
              "generated " + d.qualifiedName() + " (" + d.computes().size() + " computes)", d.origin());
        }
      } catch (InvalidPathException ex) {
        // The class name has a character the file system's encoding lacks (a non-ASCII name under
        // LANG=C): the user's fix, not Brickcheck's bug.
        clashes.reportUnwritableName(d, e.getValue());
      } catch (FilerException ex) {
        TypeElement previous = clashes.previous(d);
        if (previous == null) {
          internalError(d.origin(), ex);
        } else {
          // ECJ's Filer refuses to replace a type its class path or source path has: the previous
          // factory is compiled against as it is, so it must still match the profile.
          clashes.reportIfStale(previous, d, e.getValue());
        }
      } catch (IOException | RuntimeException ex) {
        internalError(d.origin(), ex);
      }
    }
  }

  private FactoryWriter writer() {
    if (writer == null) {
      writer =
          new FactoryWriter(
              processingEnv.getFiler(),
              DatabricksProfileProcessor.class.getCanonicalName(),
              new JdkGenerated(
                  processingEnv.getElementUtils(),
                  options.generatedAnnotation == ProcessorOptions.GeneratedAnnotation.JDK));
    }
    return writer;
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
