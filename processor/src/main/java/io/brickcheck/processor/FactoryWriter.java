package io.brickcheck.processor;

import static io.brickcheck.processor.GeneratedText.ascii;
import static io.brickcheck.processor.GeneratedText.classJavadoc;
import static io.brickcheck.processor.GeneratedText.code;
import static io.brickcheck.processor.GeneratedText.commentText;
import static io.brickcheck.processor.GeneratedText.html;
import static io.brickcheck.processor.GeneratedText.identifier;
import static io.brickcheck.processor.GeneratedText.literal;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.brickcheck.internal.dbt.GeneratedDbtOutput;
import io.brickcheck.processor.FactoryDescriptor.ComputeDescriptor;
import io.brickcheck.rules.ComputeNameRule;
import io.brickcheck.rules.WorkspaceIdSource;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Predicate;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.tools.JavaFileObject;

/**
 * Writes a {@link FactoryDescriptor} as Java source with JavaPoet. Member order is fixed
 * (constants, fields, constructor, {@code create()}, {@code profile()}, {@code open*()} in compute
 * order, {@code open(String)}, {@code computeNames()}), and nothing time- or machine-dependent is
 * written, so the same input gives the same bytes.
 *
 * <p>Untrusted text (annotation values, profiles.yml content) reaches the source only as a string
 * literal or in a comment, only through {@link GeneratedText} (which never writes a backslash
 * outside a literal, a line break, or a control or format character). The whole file is pure
 * ASCII ({@link GeneratedText#ascii}: non-ASCII as <code>&#92;uXXXX</code>), so that
 * {@code -encoding US-ASCII} or {@code LANG=C} cannot change a value. Every type is imported,
 * {@code java.lang} ones too, so that a package's own {@code String} or {@code System} cannot
 * shadow them; and no expression grows with the number of computes (javac recurses on long
 * builder chains): each compute is a statement, and large profiles register their computes in
 * helper methods of {@link #COMPUTES_PER_METHOD} each, which keeps every method far below the
 * JVM's 64 KiB code limit.
 */
final class FactoryWriter {
  static final String GENERATED = "javax.annotation.processing.Generated";

  /** The runtime's marker on every factory; its {@code origin} names the annotated element. */
  static final String MARKER = "io.brickcheck.BrickcheckGenerated";

  /** The marker's attribute naming the annotated element ({@code com.example.Profiles.ANALYTICS}). */
  static final String MARKER_ORIGIN = "origin";

  /** Computes registered per helper method (about 40 bytes of code each for a dbt compute). */
  static final int COMPUTES_PER_METHOD = 200;

  private static final ClassName STRING = ClassName.get(String.class);
  // The runtime's types by name: generated code calls them, the processor itself never does.
  private static final ClassName CONNECTION = ClassName.get("io.brickcheck", "DatabricksConnection");
  private static final ClassName PROFILE = ClassName.get("io.brickcheck", "Profile");
  private static final ClassName PROFILE_BUILDER = PROFILE.nestedClass("Builder");
  private static final ClassName OPTIONS = ClassName.get("io.brickcheck", "BrickcheckOptions");
  private static final ClassName PROFILES = ClassName.get("io.brickcheck.internal.profiles", "ProfileSources");
  private static final ClassName HOST_KIND = ClassName.get("io.brickcheck", "HostKind");
  private static final ClassName GENERATED_MARKER = ClassName.bestGuess(MARKER);
  private static final ClassName DBT_TEMPLATES = ClassName.get(GeneratedDbtOutput.class);
  private static final ClassName DBT_BUILDER = DBT_TEMPLATES.nestedClass("Builder");
  private static final TypeName STRING_LIST =
      ParameterizedTypeName.get(ClassName.get(List.class), STRING);

  private final Filer filer;
  private final String generator;
  private final Predicate<Element> withJdkGenerated;

  /**
   * @param generator the processor's class name, for {@code @Generated(value)}
   * @param withJdkGenerated whether the factory of an element carries {@code @Generated} (see
   *     {@link JdkGenerated})
   */
  FactoryWriter(Filer filer, String generator, Predicate<Element> withJdkGenerated) {
    this.filer = filer;
    this.generator = generator;
    this.withJdkGenerated = withJdkGenerated;
  }

  void write(FactoryDescriptor d) throws IOException {
    String source = render(d);
    Element[] origin = d.origin() == null ? new Element[0] : new Element[] {d.origin()};
    JavaFileObject file = filer.createSourceFile(d.qualifiedName(), origin);
    try (Writer out = file.openWriter()) {
      out.write(source);
    }
  }

  /** The factory's source, exactly as {@link #write} writes it: ASCII only. */
  String render(FactoryDescriptor d) {
    return ascii(toJavaFile(d).toString());
  }

  JavaFile toJavaFile(FactoryDescriptor d) {
    ClassName self = ClassName.get(d.packageName(), d.simpleName());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addJavadoc("$L", classJavadoc(d));
    if (d.origin() != null) {
      type.addOriginatingElement(d.origin());
    }
    if (withJdkGenerated.test(d.origin())) {
      type.addAnnotation(
          AnnotationSpec.builder(ClassName.bestGuess(GENERATED))
              .addMember("value", "$S", generator)
              .build());
    }
    // The origin tells a later build that this type is ours for this element (not a clash).
    type.addAnnotation(
        AnnotationSpec.builder(GENERATED_MARKER)
            .addMember(MARKER_ORIGIN, "$L", literal(d.declaredOn()))
            .build());

    type.addField(constant(FactoryNames.PROFILE_NAME, d.profileName(), "The profile's name."));
    if (d.jdbcUrl() != null) {
      type.addField(
          constant(FactoryNames.JDBC_URL, d.jdbcUrl(),
              "The JDBC URL as declared: the host, the port and the http path of compute "
                  + code("default") + " come from it."));
    }
    String asDeclared = d.dbt() == null ? "as declared" : "as written in " + code(d.dbt().file())
        + (d.dbt().templated() ? " (templates are rendered from the environment at run time)" : "");
    type.addField(
        constant(FactoryNames.HOST, d.host(), d.jdbcUrl() != null ? "The host and port, as read from the JDBC URL."
            : d.dbt() == null ? "The host as declared." : "The host, " + asDeclared + "."));
    for (ComputeDescriptor c : d.computes()) {
      type.addField(
          constant(
              FactoryNames.httpPathConstant(c.name()),
              c.httpPath(),
              "The http path of compute " + code(c.name()) + ", " + asDeclared + "."));
      if (c.workspaceId() != null) {
        type.addField(
            constant(
                FactoryNames.workspaceIdConstant(c.name()),
                c.workspaceId(),
                "The workspace id of compute " + code(c.name()) + ", canonical (from "
                    + (c.source() == WorkspaceIdSource.QUERY ? "?o=" : "the cluster path") + ")."));
      }
    }
    type.addField(
        FieldSpec.builder(
                STRING_LIST, FactoryNames.COMPUTE_NAMES, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of($L)", List.class, namesArray(d))
            .build());
    type.addField(PROFILE, FactoryNames.PROFILE_FIELD, Modifier.PRIVATE, Modifier.FINAL);

    type.addMethod(
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(PROFILE, "profile")
            .addStatement("this.profile = profile")
            .build());
    type.addMethod(createWithDefaults(self));
    type.addMethod(create(d, self));
    registrations(d).forEach(type::addMethod);
    type.addMethod(
        MethodSpec.methodBuilder(FactoryNames.PROFILE)
            .addModifiers(Modifier.PUBLIC)
            .returns(PROFILE)
            .addJavadoc("The checked profile behind this factory.\n\n@return the profile\n")
            .addStatement("return profile")
            .build());
    for (ComputeDescriptor c : d.computes()) {
      type.addMethod(
          MethodSpec.methodBuilder(identifier(FactoryNames.openMethod(c.name())))
              .addModifiers(Modifier.PUBLIC)
              .returns(CONNECTION)
              .addJavadoc(
                  "$L",
                  "Opens compute " + code(c.name()) + ": " + code(c.httpPath()) + ". Unless the"
                      + " probe is off, the host's discovery answer is checked too (ASYNC: without"
                      + " waiting).\n\n@return the resolved connection, the same instance on every"
                      + " call\n@throws io.brickcheck.DatabricksProfileException in strict mode, when"
                      + " the host's answer reveals a problem\n")
              // The profile resolved every compute once; open(name) is a map lookup.
              .addStatement("return profile.open($L)", literal(c.name()))
              .build());
    }
    type.addMethod(
        MethodSpec.methodBuilder(FactoryNames.OPEN)
            .addModifiers(Modifier.PUBLIC)
            .returns(CONNECTION)
            .addParameter(STRING, "computeName")
            .addJavadoc(
                "Opens the compute named {@code computeName}, as its own open method does.\n\n"
                    + "@param computeName a name from {@link #computeNames()}\n"
                    + "@return the resolved connection\n"
                    + "@throws java.lang.IllegalArgumentException if there is no such compute; the"
                    + " message lists the valid names\n")
            .addStatement("return profile.open(computeName)")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder(FactoryNames.COMPUTE_NAMES_METHOD)
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(STRING_LIST)
            .addJavadoc(
                "The compute names in declaration order, {@code default} first.\n\n"
                    + "@return an immutable list\n")
            .addStatement("return COMPUTE_NAMES")
            .build());

    // java.lang types are imported too: a single-type import wins over a package's own String.
    JavaFile.Builder file = JavaFile.builder(d.packageName(), type.build()).skipJavaLangImports(false);
    if (d.dbt() == null) {
      file.addFileComment(
          "Generated by Brickcheck from $L. Do not edit: change the annotation.", commentText(d.declaredOn()));
    } else {
      file.addFileComment(
          "Generated by Brickcheck from $L and $L (profile $L, target $L). Do not edit: change"
              + " them.",
          commentText(d.declaredOn()),
          commentText(d.dbt().file()),
          commentText(d.dbt().profile()),
          commentText(d.dbt().target()));
    }
    return file.build();
  }

  /**
   * The {@code String} constants a factory of {@code d} declares, by name: what an earlier build's
   * factory is compared with ({@code StaleFactory}). The same values {@link #toJavaFile} writes.
   */
  static java.util.Map<String, String> constants(FactoryDescriptor d) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    out.put(FactoryNames.PROFILE_NAME, d.profileName());
    out.put(FactoryNames.HOST, d.host());
    for (ComputeDescriptor c : d.computes()) {
      out.put(FactoryNames.httpPathConstant(c.name()), c.httpPath());
      if (c.workspaceId() != null) {
        out.put(FactoryNames.workspaceIdConstant(c.name()), c.workspaceId());
      }
    }
    return out;
  }

  private static FieldSpec constant(String name, String value, String javadoc) {
    return FieldSpec.builder(STRING, identifier(name), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", javadoc)
        .initializer("$L", literal(value))
        .build();
  }

  /** {@code new String[] {...}}, one name a line: a flat array, however many computes. */
  private static CodeBlock namesArray(FactoryDescriptor d) {
    CodeBlock names = d.computes().stream()
        .map(c -> CodeBlock.of("$L", literal(c.name())))
        .collect(CodeBlock.joining(", "));
    return d.computes().size() <= COMPUTES_PER_METHOD ? names : CodeBlock.of("new $T[] {$L}", STRING, names);
  }

  private static MethodSpec create(FactoryDescriptor d, ClassName self) {
    boolean templated = d.dbt() != null && d.dbt().templated();
    MethodSpec.Builder create = MethodSpec.methodBuilder(FactoryNames.CREATE)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addParameter(OPTIONS, "options")
        .addJavadoc(
            templated
                ? "Renders the profile's {@code env_var} templates from the environment, checks the\n"
                    + "result (same rules and codes as at compile time, positions in "
                    + html(d.dbt().file()) + ") and\nresolves every compute once.\n\n"
                    + "@param options the probe mode, strictness, header style and HTTP client to use\n"
                    + "@return a factory whose connections are resolved\n"
                    + "@throws io.brickcheck.DatabricksProfileException if a variable without default is"
                    + " unset\n(MissingEnvironmentVariable) or a rule fails at run time\n"
                : "Checks the profile again at run time (same rules and codes as at compile time) and\n"
                    + "resolves every compute once.\n\n"
                    + "@param options the probe mode, strictness, header style and HTTP client to use\n"
                    + "@return a factory whose connections are resolved\n"
                    + "@throws io.brickcheck.DatabricksProfileException if a rule fails at run time\n");
    List<ComputeDescriptor> named = d.computes().subList(1, d.computes().size());
    boolean helpers = named.size() > COMPUTES_PER_METHOD;
    if (templated) {
      FactoryDescriptor.DbtOrigin dbt = d.dbt();
      create.addStatement(
          "$T builder = $T.builder($L, $L, $L, $L)",
          DBT_BUILDER,
          DBT_TEMPLATES,
          literal(dbt.file()),
          literal(dbt.profile()),
          literal(dbt.target()),
          literal(dbt.targetPosition()));
      create.addStatement("builder.host(HOST, $L)", strings(dbt.hostPositions()));
      create.addStatement(
          "builder.defaultHttpPath($N, $L)",
          httpPathConstant(d.computes().get(0)),
          strings(d.computes().get(0).positions()));
    } else {
      // A JDBC URL constant names the host and the default http path itself.
      create.addStatement(d.jdbcUrl() != null
          ? "$T builder = $T.jdbcUrlBuilder(PROFILE_NAME, JDBC_URL)"
          : "$T builder = $T.builder(PROFILE_NAME, HOST)", PROFILE_BUILDER, PROFILE);
      if (!d.hostKind().equals("AUTO")) { // the builder's default
        create.addStatement("builder.hostKind($T.$L)", HOST_KIND, d.hostKind());
      }
      if (d.dbt() != null) {
        // The names of a dbt compute: block follow dbt's rule (etl.hourly, 2xl_warehouse).
        create.addStatement("builder.computeNameRule($T.DBT)", ComputeNameRule.class);
      }
      if (d.jdbcUrl() == null) {
        create.addStatement("builder.defaultHttpPath($N)", httpPathConstant(d.computes().get(0)));
      }
    }
    if (helpers) {
      for (int i = 0; i * COMPUTES_PER_METHOD < named.size(); i++) {
        create.addStatement("$N(builder)", FactoryNames.registrationMethod(i));
      }
    } else {
      named.forEach(c -> create.addStatement(registration(d, c)));
    }
    if (templated) {
      create.addStatement(
          "$T profile = $T.fromDbt(builder.selection(), $T.$L, $T.getenv(), options)",
          PROFILE, PROFILES, HOST_KIND, d.hostKind(), System.class);
    } else {
      create.addStatement("$T profile = builder.build(options)", PROFILE);
    }
    return create.addStatement("return new $T(profile)", self).build();
  }

  /**
   * {@code computes<i>(builder)}: the named computes in groups of {@link #COMPUTES_PER_METHOD},
   * only when a profile has more than that.
   */
  private static List<MethodSpec> registrations(FactoryDescriptor d) {
    List<ComputeDescriptor> named = d.computes().subList(1, d.computes().size());
    if (named.size() <= COMPUTES_PER_METHOD) {
      return List.of();
    }
    boolean templated = d.dbt() != null && d.dbt().templated();
    List<MethodSpec> methods = new java.util.ArrayList<>();
    for (int i = 0; i * COMPUTES_PER_METHOD < named.size(); i++) {
      int from = i * COMPUTES_PER_METHOD;
      MethodSpec.Builder m = MethodSpec.methodBuilder(FactoryNames.registrationMethod(i))
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
          .addParameter(templated ? DBT_BUILDER : PROFILE_BUILDER, "builder")
          .addJavadoc("Registers computes $L to $L.\n\n@param builder the profile being built\n",
              from + 1, Math.min(from + COMPUTES_PER_METHOD, named.size()));
      named.subList(from, Math.min(from + COMPUTES_PER_METHOD, named.size()))
          .forEach(c -> m.addStatement(registration(d, c)));
      methods.add(m.build());
    }
    return methods;
  }

  /** {@code builder.compute(...)} for one named compute, with its positions for a dbt profile. */
  private static CodeBlock registration(FactoryDescriptor d, ComputeDescriptor c) {
    if (d.dbt() != null && d.dbt().templated()) {
      return CodeBlock.of(
          "builder.compute($L, $L, $N, $L)",
          literal(c.name()),
          literal(c.namePosition()),
          httpPathConstant(c),
          strings(c.positions()));
    }
    return CodeBlock.of("builder.compute($L, $N)", literal(c.name()), httpPathConstant(c));
  }

  private static String httpPathConstant(ComputeDescriptor c) {
    return identifier(FactoryNames.httpPathConstant(c.name()));
  }

  private static CodeBlock strings(List<String> values) {
    return values.stream().map(v -> CodeBlock.of("$L", literal(v))).collect(CodeBlock.joining(", "));
  }

  private static MethodSpec createWithDefaults(ClassName self) {
    return MethodSpec.methodBuilder(FactoryNames.CREATE)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(self)
        .addJavadoc(
            "{@link #create(BrickcheckOptions)} with {@link BrickcheckOptions#defaults()}: an ASYNC\n"
                + "discovery probe, not strict.\n\n"
                + "@return a factory whose connections are resolved\n"
                + "@throws io.brickcheck.DatabricksProfileException if a rule fails at run time\n")
        .addStatement("return create($T.defaults())", OPTIONS)
        .build();
  }
}
