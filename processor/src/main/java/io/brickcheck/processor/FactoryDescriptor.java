package io.brickcheck.processor;

import io.brickcheck.HostKind;
import io.brickcheck.rules.ComputeNames;
import io.brickcheck.rules.ComputeReport;
import io.brickcheck.rules.ProfileReport;
import io.brickcheck.rules.WorkspaceIdSource;
import java.util.List;
import java.util.Locale;
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
 * @param hostKind the declared host kind
 * @param workspaceId the id all computes agree on, or null
 * @param computes {@code default} first, then declaration order
 * @param origin the one originating element (Gradle's isolating mode needs exactly one)
 */
record FactoryDescriptor(
    String packageName,
    String simpleName,
    String declaredOn,
    String profileName,
    String host,
    String normalizedHost,
    HostKind hostKind,
    String workspaceId,
    List<ComputeDescriptor> computes,
    Element origin) {

  /**
   * One compute of the factory.
   *
   * @param name the compute's name
   * @param openMethod {@code open<Suffix>}
   * @param constantPrefix {@code NIGHTLY_BATCH} for {@code nightly-batch}
   * @param fieldName the private field holding the resolved connection
   * @param httpPath as declared
   * @param workspaceId canonical, or null
   * @param source where the id came from
   */
  record ComputeDescriptor(
      String name,
      String openMethod,
      String constantPrefix,
      String fieldName,
      String httpPath,
      String workspaceId,
      WorkspaceIdSource source) {}

  String qualifiedName() {
    return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
  }

  static FactoryDescriptor of(ProfileDeclaration d, String baseName, ProfileReport report) {
    List<ComputeDescriptor> computes =
        report.computes().stream().map(FactoryDescriptor::compute).toList();
    return new FactoryDescriptor(
        packageOf(d.element).getQualifiedName().toString(),
        baseName + ProfileValidator.SUFFIX,
        declaredOn(d.element),
        d.profileName(),
        d.host.value(),
        report.host().host().baseUrl(),
        d.hostKind,
        report.workspaceId(),
        computes,
        d.element);
  }

  private static ComputeDescriptor compute(ComputeReport c) {
    String suffix = ComputeNames.methodSuffix(c.name());
    return new ComputeDescriptor(
        c.name(),
        ComputeNames.openMethod(c.name()),
        c.name().toUpperCase(Locale.ROOT).replace('-', '_'),
        "connection" + suffix,
        c.path().input(),
        c.path().workspaceId(),
        c.workspaceIdSource());
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
