package io.brickcheck.processor;

import io.brickcheck.internal.dbt.GeneratedDbtOutput;
import io.brickcheck.internal.rules.ComputeNames;
import io.brickcheck.internal.rules.ComputeReport;
import io.brickcheck.internal.rules.JdbcUrlReport;
import io.brickcheck.internal.rules.ProfileReport;
import io.brickcheck.rules.WorkspaceIdSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * The validated model of one generated factory: plain values only, so that the writer decides
 * nothing and the output depends on nothing but these fields.
 *
 * @param packageName the annotated element's package ("" for the unnamed package)
 * @param simpleName {@code <Name>ConnectionFactory}
 * @param declaredOn the annotated element, as {@code com.example.Profiles.ANALYTICS}, for the Javadoc
 * @param profileName the profile's name
 * @param host the host as declared (the runtime re-checks exactly this)
 * @param normalizedHost the host as the rule engine normalised it, for the Javadoc
 * @param hostKind the declared {@code HostKind} constant's name
 * @param workspaceId the id all computes agree on, or null
 * @param computes {@code default} first, then declaration order
 * @param origin the one originating element (Gradle's isolating mode needs exactly one)
 * @param dbt where the values were read from a dbt profiles.yml, or null for the annotation's own
 * @param jdbcUrl the JDBC URL constant's value the host and default path come from, or null
 */
record FactoryDescriptor(
    String packageName,
    String simpleName,
    String declaredOn,
    String profileName,
    String host,
    String normalizedHost,
    String hostKind,
    String workspaceId,
    List<ComputeDescriptor> computes,
    Element origin,
    DbtOrigin dbt,
    String jdbcUrl) {

  /**
   * Where a factory's values come from in a dbt profiles.yml.
   *
   * @param file the file's name, as messages show it
   * @param profile the dbt profile
   * @param target the target selected at compile time
   * @param targetPosition {@code line:column} of the target's key
   * @param templated true when some value is an env_var template, rendered at run time
   * @param hostPositions {@code line:column} of the host, then of each template in it
   *     ({@link GeneratedDbtOutput#recipe} makes and parses these strings)
   */
  record DbtOrigin(
      String file,
      String profile,
      String target,
      String targetPosition,
      boolean templated,
      List<String> hostPositions) {
    // Written out, as FactoryDescriptor's: see there.
    @Override
    public boolean equals(Object o) {
      return o instanceof DbtOrigin d
          && Objects.equals(file, d.file)
          && Objects.equals(profile, d.profile)
          && Objects.equals(target, d.target)
          && Objects.equals(targetPosition, d.targetPosition)
          && templated == d.templated
          && Objects.equals(hostPositions, d.hostPositions);
    }

    @Override
    public int hashCode() {
      return Objects.hash(file, profile, target, targetPosition, templated, hostPositions);
    }
  }

  /**
   * One compute of the factory; the Java names it gives are {@link FactoryNames}'.
   *
   * @param name the compute's name
   * @param httpPath as declared
   * @param workspaceId canonical, or null
   * @param source where the id came from
   * @param namePosition {@code line:column} of the name in profiles.yml, or null
   * @param positions {@code line:column} of the path in profiles.yml, then of each template in
   *     it; empty unless read from profiles.yml
   */
  record ComputeDescriptor(
      String name,
      String httpPath,
      String workspaceId,
      WorkspaceIdSource source,
      String namePosition,
      List<String> positions) {
    // Written out, as FactoryDescriptor's: see there.
    @Override
    public boolean equals(Object o) {
      return o instanceof ComputeDescriptor c
          && Objects.equals(name, c.name)
          && Objects.equals(httpPath, c.httpPath)
          && Objects.equals(workspaceId, c.workspaceId)
          && source == c.source
          && Objects.equals(namePosition, c.namePosition)
          && Objects.equals(positions, c.positions);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, httpPath, workspaceId, source, namePosition, positions);
    }
  }

  // equals and hashCode written out: descriptors are map keys in every round with profiles, and a
  // record's generated ones link through a method-handle bootstrap on first use, about 50 ms of CPU
  // for these two records in javac's cold JVM (issue 17). Same meaning: every component compared.
  @Override
  public boolean equals(Object o) {
    return o instanceof FactoryDescriptor d
        && Objects.equals(packageName, d.packageName)
        && Objects.equals(simpleName, d.simpleName)
        && Objects.equals(declaredOn, d.declaredOn)
        && Objects.equals(profileName, d.profileName)
        && Objects.equals(host, d.host)
        && Objects.equals(normalizedHost, d.normalizedHost)
        && Objects.equals(hostKind, d.hostKind)
        && Objects.equals(workspaceId, d.workspaceId)
        && Objects.equals(computes, d.computes)
        && Objects.equals(origin, d.origin)
        && Objects.equals(dbt, d.dbt)
        && Objects.equals(jdbcUrl, d.jdbcUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        packageName, simpleName, declaredOn, profileName, host, normalizedHost, hostKind, workspaceId,
        computes, origin, dbt, jdbcUrl);
  }

  String qualifiedName() {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }

  static FactoryDescriptor of(ProfileDeclaration d, String baseName, ProfileReport report) {
    List<ComputeDescriptor> computes =
        report.computes().stream().map(FactoryDescriptor::compute).toList();
    return new FactoryDescriptor(
        packageOf(d.element).getQualifiedName().toString(),
        FactoryNames.factoryClass(baseName),
        declaredOn(d.element),
        d.profileName(),
        d.host.value(),
        report.host().host().baseUrl(),
        d.hostKind,
        report.workspaceId(),
        computes,
        d.element,
        null,
        null);
  }

  /**
   * A factory of a JDBC URL constant: the host as the rule engine read it from the URL, the URL's
   * {@code httpPath} as the {@code default} compute, then the annotation's computes.
   */
  static FactoryDescriptor ofJdbcUrl(ProfileDeclaration d, String baseName, JdbcUrlReport checked) {
    ProfileReport report = checked.report();
    return new FactoryDescriptor(
        packageOf(d.element).getQualifiedName().toString(),
        FactoryNames.factoryClass(baseName),
        declaredOn(d.element),
        d.profileName(),
        report.spec().host(),
        report.host().host().baseUrl(),
        d.hostKind,
        report.workspaceId(),
        report.computes().stream().map(FactoryDescriptor::compute).toList(),
        d.element,
        null,
        d.jdbcUrl.value());
  }

  /**
   * A factory of a dbt output, from its recipe. With {@code complete} (every value literal) the
   * report's values are used as for an annotation; otherwise the values stay as written, to be
   * rendered at run time.
   */
  static FactoryDescriptor ofDbt(
      ProfileDeclaration d, String baseName, GeneratedDbtOutput.Recipe recipe, ProfileReport complete) {
    List<ComputeDescriptor> computes = new ArrayList<>();
    computes.add(compute(ComputeNames.DEFAULT, recipe.defaultHttpPath(), null, complete, 0));
    for (int i = 0; i < recipe.computes().size(); i++) {
      GeneratedDbtOutput.Compute c = recipe.computes().get(i);
      computes.add(compute(c.name(), c.httpPath(), c.namePosition(), complete, i + 1));
    }
    return new FactoryDescriptor(
        packageOf(d.element).getQualifiedName().toString(),
        FactoryNames.factoryClass(baseName),
        declaredOn(d.element),
        recipe.profile() + "." + recipe.target(),
        recipe.host().source(),
        complete == null ? null : complete.host().host().baseUrl(),
        d.hostKind,
        complete == null ? null : complete.workspaceId(),
        List.copyOf(computes),
        d.element,
        new DbtOrigin(
            recipe.file(),
            recipe.profile(),
            recipe.target(),
            recipe.targetPosition(),
            complete == null,
            recipe.host().positions()),
        null);
  }

  /** Compute {@code index} of a dbt output (0 = default), with the report's values when complete. */
  private static ComputeDescriptor compute(
      String name, GeneratedDbtOutput.Value path, String namePosition, ProfileReport complete, int index) {
    ComputeReport checked = complete == null ? null : complete.computes().get(index);
    return new ComputeDescriptor(
        name,
        path.source(),
        checked == null ? null : checked.path().workspaceId(),
        checked == null ? null : checked.workspaceIdSource(),
        namePosition,
        path.positions());
  }

  private static ComputeDescriptor compute(ComputeReport c) {
    return new ComputeDescriptor(
        c.name(), c.path().input(), c.path().workspaceId(), c.workspaceIdSource(), null, List.of());
  }

  private static PackageElement packageOf(Element element) {
    Element e = element;
    while (e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return (PackageElement) e;
  }

  private static String declaredOn(Element element) {
    if (element instanceof TypeElement type) {
      return type.getQualifiedName().toString();
    }
    return ((TypeElement) element.getEnclosingElement()).getQualifiedName() + "."
        + element.getSimpleName();
  }
}
