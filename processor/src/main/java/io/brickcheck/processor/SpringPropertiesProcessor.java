package io.brickcheck.processor;

import com.google.auto.service.AutoService;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Code;
import io.brickcheck.internal.rules.JdbcUrlChecker;
import io.brickcheck.rules.Location;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.Text;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Checks the Spring Boot property files of an application while javac runs: every value that is a
 * {@code jdbc:databricks:} (or legacy {@code jdbc:spark:}) URL, under any key ({@code
 * spring.datasource.url}, {@code spring.datasource.hikari.jdbc-url}, a second DataSource's own
 * prefix), in {@code application.properties}/{@code .yml}/{@code .yaml} and every per-profile
 * {@code application-<profile>.*} ({@link SpringPropertyFiles} finds them as the dbt form finds
 * profiles.yml). The rule engine is the one {@code check --jdbc-url} and the starter use ({@link
 * JdbcUrlChecker}); its problems are reported on the {@code @SpringBootApplication} class (javac
 * cannot point into a resource) with {@code <file>:<line>:<column>: <key>:} in the message, so a
 * bad URL fails {@code mvn package}, not the deployment.
 *
 * <p>Triggered by {@code @SpringBootApplication}: a Spring Boot application has exactly one, so
 * putting brickcheck-processor on the processor path is the only line to add. A value whose
 * {@code ${name:default}} placeholders all have defaults is checked with the defaults; one with a
 * placeholder without a default is left to the starter, which checks it at start-up once Spring
 * has resolved it. Warnings follow {@code @SuppressWarnings("DatabricksProfile/<Code>")} on that class
 * and {@code -Abrickcheck.strict}. {@code process()} never throws.
 */
@AutoService(Processor.class)
public final class SpringPropertiesProcessor extends AbstractProcessor {
  /** The annotation that marks a Spring Boot application. */
  static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";
  private static final List<String> PREFIXES = List.of("jdbc:databricks:", "jdbc:spark:");

  private Diagnostics diagnostics;
  private boolean done;
  private boolean springOnClasspath;

  /** The instance javac's service loader creates. */
  public SpringPropertiesProcessor() {}

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    diagnostics = new Diagnostics(env.getMessager(), ProcessorOptions.parse(env.getOptions()).strict);
    springOnClasspath = env.getElementUtils().getTypeElement(SPRING_BOOT_APPLICATION) != null;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(SPRING_BOOT_APPLICATION);
  }

  /**
   * Gradle: isolating when Spring Boot is not on the class path (nothing is read); otherwise no
   * incremental type, as for a dbt profiles.yml: the property files are inputs Gradle does not track.
   */
  @Override
  public Set<String> getSupportedOptions() {
    return springOnClasspath ? Set.of() : Set.of(DatabricksProfileProcessor.GRADLE_ISOLATING);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (done || annotations.isEmpty()) {
      return false;
    }
    try {
      TypeElement annotation = processingEnv.getElementUtils().getTypeElement(SPRING_BOOT_APPLICATION);
      Set<? extends Element> apps = annotation == null ? Set.of() : round.getElementsAnnotatedWith(annotation);
      if (apps.isEmpty()) {
        return false;
      }
      done = true;
      Element app = apps.iterator().next();
      for (SpringPropertyFiles.SpringFile file : SpringPropertyFiles.find(processingEnv.getFiler())) {
        check(file, app);
      }
    } catch (RuntimeException | Error e) {
      if (e instanceof VirtualMachineError v) {
        throw v;
      }
      diagnostics.report(
          Problem.of(Code.InternalError, io.brickcheck.rules.Subject.PROFILE, null,
              "checking the Spring property files failed (" + e.getClass().getName() + "). Nothing was"
                  + " expected to fail here. Report it with the files' URLs, secrets removed"),
          null, null, null);
    }
    return false; // never claims @SpringBootApplication: other processors may want it
  }

  private void check(SpringPropertyFiles.SpringFile file, Element app) {
    if (file.text() == null) {
      diagnostics.note(file.name() + " was not checked: " + file.unreadable() + ".", app);
      return;
    }
    SpringProperties.Read read = SpringProperties.read(file.name(), file.text());
    if (read.problem() != null) {
      diagnostics.note(file.name() + ":" + read.problem() + "; its values were not checked. Spring Boot"
          + " will refuse it at start-up.", app);
    }
    for (SpringProperties.Entry e : read.entries()) {
      String value = withDefaults(e.value());
      if (value == null || !isJdbcUrl(value)) {
        continue;
      }
      Location where = Location.file(file.name(), e.line(), e.column());
      String property = Text.escape(e.key(), 80)
          + (value.equals(e.value()) ? "" : " (placeholders at their defaults)") + ": ";
      for (Problem p : JdbcUrlChecker.check(e.key(), value, HostClassification.UNKNOWN, List.of()).report().problems()) {
        diagnostics.report(placed(p, where, property), app, null, null);
      }
    }
  }

  /**
   * The problem at its place in the property file, {@code file:L:C: key: }, the way the dbt form
   * shows {@code profiles.yml:L:C:}; a place inside the URL the engine found stays in the text.
   */
  static Problem placed(Problem p, Location where, String property) {
    String inner = p.locationIfAny().map(Location::prefix).orElse("") + p.text();
    return new Problem(p.code(), p.severity(), p.subject(), p.computeIndex(), p.compute(), property + inner,
        where, p.suggestion());
  }

  /**
   * The value with every {@code ${name:default}} replaced by its default, as Spring resolves it
   * when nothing sets {@code name}; null when a placeholder has no default (or nests one): only
   * the start-up check can know that value.
   */
  static String withDefaults(String value) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (true) {
      int open = value.indexOf("${", i);
      if (open < 0) {
        return out.append(value, i, value.length()).toString();
      }
      int close = value.indexOf('}', open);
      int colon = value.indexOf(':', open);
      if (close < 0 || colon < 0 || colon > close || value.substring(open + 2, close).contains("${")) {
        return null;
      }
      out.append(value, i, open).append(value, colon + 1, close);
      i = close + 1;
    }
  }

  private static boolean isJdbcUrl(String value) {
    String v = value.strip().toLowerCase(Locale.ROOT);
    return PREFIXES.stream().anyMatch(v::startsWith);
  }
}
