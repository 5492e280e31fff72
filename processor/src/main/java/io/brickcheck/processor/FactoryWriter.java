package io.brickcheck.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.brickcheck.BrickcheckGenerated;
import io.brickcheck.BrickcheckOptions;
import io.brickcheck.DatabricksConnection;
import io.brickcheck.HostKind;
import io.brickcheck.Profile;
import io.brickcheck.Profiles;
import io.brickcheck.dbt.DbtTemplates;
import io.brickcheck.processor.FactoryDescriptor.ComputeDescriptor;
import io.brickcheck.rules.ComputeNames;
import io.brickcheck.rules.WorkspaceIdSource;
import java.io.IOException;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Modifier;

/**
 * Writes a {@link FactoryDescriptor} as Java source with JavaPoet. Member order is fixed
 * (constants, fields, constructor, {@code create()}, {@code profile()}, {@code open*()} in compute
 * order, {@code open(String)}, {@code computeNames()}), and nothing time- or machine-dependent is
 * written, so the same input gives the same bytes.
 */
final class FactoryWriter {
  static final String GENERATED = "javax.annotation.processing.Generated";

  private static final ClassName STRING = ClassName.get(String.class);
  private static final ClassName CONNECTION = ClassName.get(DatabricksConnection.class);
  private static final ClassName PROFILE = ClassName.get(Profile.class);
  private static final ClassName OPTIONS = ClassName.get(BrickcheckOptions.class);
  private static final ClassName PROFILES = ClassName.get(Profiles.class);
  private static final ClassName DBT_TEMPLATES = ClassName.get(DbtTemplates.class);
  private static final TypeName STRING_LIST =
      ParameterizedTypeName.get(ClassName.get(List.class), STRING);

  private final Filer filer;
  private final boolean withJdkGenerated;

  /** @param withJdkGenerated add {@code @Generated}: the option asks for it and the type resolves */
  FactoryWriter(Filer filer, boolean withJdkGenerated) {
    this.filer = filer;
    this.withJdkGenerated = withJdkGenerated;
  }

  void write(FactoryDescriptor d) throws IOException {
    toJavaFile(d).writeTo(filer);
  }

  JavaFile toJavaFile(FactoryDescriptor d) {
    ClassName self = ClassName.get(d.packageName(), d.simpleName());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addOriginatingElement(d.origin())
            .addJavadoc("$L", classJavadoc(d));
    if (withJdkGenerated) {
      type.addAnnotation(
          AnnotationSpec.builder(ClassName.bestGuess(GENERATED))
              .addMember("value", "$S", DatabricksProfileProcessor.class.getCanonicalName())
              .build());
    }
    type.addAnnotation(BrickcheckGenerated.class);

    type.addField(constant("PROFILE_NAME", d.profileName(), "The profile's name."));
    if (d.jdbcUrl() != null) {
      type.addField(
          constant("JDBC_URL", d.jdbcUrl(),
              "The JDBC URL as declared: the host, the port and the http path of compute "
                  + code("default") + " come from it."));
    }
    String asDeclared = d.dbt() == null ? "as declared" : "as written in " + code(d.dbt().file())
        + (d.dbt().templated() ? " (templates are rendered from the environment at run time)" : "");
    type.addField(
        constant("HOST", d.host(), d.jdbcUrl() != null ? "The host and port, as read from the JDBC URL."
            : d.dbt() == null ? "The host as declared." : "The host, " + asDeclared + "."));
    for (ComputeDescriptor c : d.computes()) {
      type.addField(
          constant(
              c.constantPrefix() + "_HTTP_PATH",
              c.httpPath(),
              "The http path of compute " + code(c.name()) + ", " + asDeclared + "."));
      if (c.workspaceId() != null) {
        type.addField(
            constant(
                c.constantPrefix() + "_WORKSPACE_ID",
                c.workspaceId(),
                "The workspace id of compute " + code(c.name()) + ", canonical (from "
                    + (c.source() == WorkspaceIdSource.QUERY ? "?o=" : "the cluster path") + ")."));
      }
    }
    type.addField(
        FieldSpec.builder(
                STRING_LIST, "COMPUTE_NAMES", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.of($L)", List.class, namesList(d))
            .build());
    type.addField(PROFILE, "profile", Modifier.PRIVATE, Modifier.FINAL);
    for (ComputeDescriptor c : d.computes()) {
      type.addField(CONNECTION, c.fieldName(), Modifier.PRIVATE, Modifier.FINAL);
    }

    type.addMethod(constructor(d));
    type.addMethod(createWithDefaults(self));
    type.addMethod(create(d, self));
    type.addMethod(
        MethodSpec.methodBuilder("profile")
            .addModifiers(Modifier.PUBLIC)
            .returns(PROFILE)
            .addJavadoc("The checked profile behind this factory.\n\n@return the profile\n")
            .addStatement("return profile")
            .build());
    for (ComputeDescriptor c : d.computes()) {
      type.addMethod(
          MethodSpec.methodBuilder(c.openMethod())
              .addModifiers(Modifier.PUBLIC)
              .returns(CONNECTION)
              .addJavadoc(
                  "$L",
                  "Opens compute " + code(c.name()) + ": " + code(c.httpPath()) + ". Unless the"
                      + " probe is off, the host's discovery answer is checked too (ASYNC: without"
                      + " waiting).\n\n@return the resolved connection, the same instance on every"
                      + " call\n@throws io.brickcheck.DatabricksProfileException in strict mode, when"
                      + " the host's answer reveals a problem\n")
              .addStatement("return profile.open($N)", c.fieldName())
              .build());
    }
    type.addMethod(
        MethodSpec.methodBuilder("open")
            .addModifiers(Modifier.PUBLIC)
            .returns(CONNECTION)
            .addParameter(STRING, "computeName")
            .addJavadoc(
                "Opens the compute named {@code computeName}, as its own open method does.\n\n"
                    + "@param computeName a name from {@link #computeNames()}\n"
                    + "@return the resolved connection\n"
                    + "@throws IllegalArgumentException if there is no such compute; the message"
                    + " lists the valid names\n")
            .addStatement("return profile.open(computeName)")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("computeNames")
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .returns(STRING_LIST)
            .addJavadoc(
                "The compute names in declaration order, {@code default} first.\n\n"
                    + "@return an immutable list\n")
            .addStatement("return COMPUTE_NAMES")
            .build());

    JavaFile.Builder file = JavaFile.builder(d.packageName(), type.build()).skipJavaLangImports(true);
    if (d.dbt() == null) {
      file.addFileComment(
          "Generated by Brickcheck from $L. Do not edit: change the annotation.", d.declaredOn());
    } else {
      file.addFileComment(
          "Generated by Brickcheck from $L and $L (profile $L, target $L). Do not edit: change"
              + " them.",
          d.declaredOn(),
          d.dbt().file(),
          d.dbt().profile(),
          d.dbt().target());
    }
    return file.build();
  }

  private static FieldSpec constant(String name, String value, String javadoc) {
    return FieldSpec.builder(STRING, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("$L\n", javadoc)
        .initializer("$S", value)
        .build();
  }

  private static CodeBlock namesList(FactoryDescriptor d) {
    return d.computes().stream()
        .map(c -> CodeBlock.of("$S", c.name()))
        .collect(CodeBlock.joining(", "));
  }

  private static MethodSpec constructor(FactoryDescriptor d) {
    MethodSpec.Builder ctor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(PROFILE, "profile")
            .addStatement("this.profile = profile");
    for (ComputeDescriptor c : d.computes()) {
      ctor.addStatement("this.$N = profile.connection($S)", c.fieldName(), c.name());
    }
    return ctor.build();
  }

  private static MethodSpec create(FactoryDescriptor d, ClassName self) {
    boolean templated = d.dbt() != null && d.dbt().templated();
    CodeBlock.Builder chain = templated ? dbtChain(d) : builderChain(d);
    return MethodSpec.methodBuilder("create")
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
                    + "@throws io.brickcheck.DatabricksProfileException if a rule fails at run time\n")
        .addStatement("$T profile = $L", PROFILE, chain.build())
        .addStatement("return new $T(profile)", self)
        .build();
  }

  /**
   * {@code Profiles.fromDbt(DbtTemplates.builder(...)...selection(), kind, System.getenv(),
   * options)}: the values as written, with their positions, rendered by the runtime.
   */
  private static CodeBlock.Builder dbtChain(FactoryDescriptor d) {
    FactoryDescriptor.DbtOrigin dbt = d.dbt();
    CodeBlock.Builder chain =
        CodeBlock.builder()
            .add("$T.fromDbt($>$>\n", PROFILES)
            .add(
                "$T.builder($S, $S, $S, $S)$>$>",
                DBT_TEMPLATES,
                dbt.file(),
                dbt.profile(),
                dbt.target(),
                dbt.targetPosition())
            .add("\n.host(HOST, $L)", strings(dbt.hostPositions()));
    List<ComputeDescriptor> computes = d.computes();
    chain.add(
        "\n.defaultHttpPath($N, $L)",
        computes.get(0).constantPrefix() + "_HTTP_PATH",
        strings(computes.get(0).positions()));
    for (ComputeDescriptor c : computes.subList(1, computes.size())) {
      chain.add(
          "\n.compute($S, $S, $N, $L)",
          c.name(),
          c.namePosition(),
          c.constantPrefix() + "_HTTP_PATH",
          strings(c.positions()));
    }
    chain.add("\n.selection()$<$<,\n$T.$L,\n$T.getenv(),\noptions)$<$<",
        HostKind.class, d.hostKind().name(), System.class);
    return chain;
  }

  private static CodeBlock strings(List<String> values) {
    return values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", "));
  }

  private static CodeBlock.Builder builderChain(FactoryDescriptor d) {
    CodeBlock.Builder chain =
        CodeBlock.builder()
            .add(d.jdbcUrl() != null ? "$T.jdbcUrlBuilder(PROFILE_NAME, JDBC_URL)" : "$T.builder(PROFILE_NAME, HOST)", PROFILE)
            .add("$>$>\n.hostKind($T.$L)", HostKind.class, d.hostKind().name());
    if (d.dbt() != null) {
      // The names of a dbt compute: block follow dbt's rule (etl.hourly, 2xl_warehouse).
      chain.add("\n.computeNameRule($T.DBT)", ComputeNames.Rule.class);
    }
    // computes() starts with the default compute: its own builder method, or the URL's httpPath.
    List<ComputeDescriptor> computes = d.computes();
    if (d.jdbcUrl() == null) {
      chain.add("\n.defaultHttpPath($N)", computes.get(0).constantPrefix() + "_HTTP_PATH");
    }
    for (ComputeDescriptor c : computes.subList(1, computes.size())) {
      chain.add("\n.compute($S, $N)", c.name(), c.constantPrefix() + "_HTTP_PATH");
    }
    chain.add("\n.build(options)$<$<");
    return chain;
  }

  private static MethodSpec createWithDefaults(ClassName self) {
    return MethodSpec.methodBuilder("create")
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

  private static String classJavadoc(FactoryDescriptor d) {
    StringBuilder doc = new StringBuilder();
    int width = "workspace".length();
    for (ComputeDescriptor c : d.computes()) {
      width = Math.max(width, c.name().length());
    }
    doc.append("Typed connections of the Databricks profile ")
        .append(code(d.profileName()))
        .append(
            d.dbt() != null && d.dbt().templated()
                ? ", checked by Brickcheck at compile time as far as its templates allow, and in full"
                    + " when {@link #create(BrickcheckOptions)} renders them.\n\n<pre>\n"
                : ", checked by Brickcheck at compile time.\n\n<pre>\n");
    if (d.jdbcUrl() != null) {
      row(doc, width, "jdbc url", d.jdbcUrl());
    }
    String normalized = d.normalizedHost() == null ? "rendered at run time" : d.normalizedHost();
    row(doc, width, "host", d.host() + "  (" + normalized + ", hostKind " + d.hostKind() + ")");
    row(doc, width, "workspace",
        d.workspaceId() != null ? d.workspaceId()
            : d.dbt() != null && d.dbt().templated() ? "(known at run time)" : "(none)");
    for (ComputeDescriptor c : d.computes()) {
      row(doc, width, c.name(), c.httpPath());
    }
    doc.append("</pre>\n\n<p>Declared on ")
        .append(code(d.declaredOn()));
    if (d.dbt() != null) {
      doc.append(", read from ")
          .append(code(d.dbt().file()))
          .append(" (profile ")
          .append(code(d.dbt().profile()))
          .append(", target ")
          .append(code(d.dbt().target()))
          .append(")");
    }
    doc.append(". Start with {@link #create()}.\n");
    return doc.toString();
  }

  private static void row(StringBuilder doc, int width, String label, String value) {
    doc.append(html(label))
        .append(" ".repeat(width + 2 - label.length()))
        .append(html(value))
        .append('\n');
  }

  /** {@code <code>value</code>}, escaped: entities are not read inside an inline code tag. */
  private static String code(String value) {
    return "<code>" + html(value) + "</code>";
  }

  /**
   * Escapes a user value for a Javadoc comment: HTML, {@code @} (tags), {@code *}{@code /} (the
   * comment's end) and backslashes (javac reads unicode escapes even inside comments).
   */
  static String html(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '/' -> out.append(out.length() > 0 && out.charAt(out.length() - 1) == '*' ? "&#47;" : "/");
        case '\\' -> out.append("&#92;");
        case '{', '}' -> out.append(c == '{' ? "&#123;" : "&#125;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
