package io.brickcheck.rules;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link ProfileChecker#check}: the parsed parts and every problem, host problems
 * first, then each compute's in declaration order.
 *
 * @param spec the profile as declared
 * @param host the parsed host
 * @param hostKind what is known about the host without the network
 * @param computes every compute, {@code default} first
 * @param workspaceId the workspace id every compute agrees on, or null
 * @param problems every problem found
 */
public record ProfileReport(
    ProfileSpec spec,
    HostResult host,
    HostClassification hostKind,
    List<ComputeReport> computes,
    String workspaceId,
    List<Problem> problems) {

  public ProfileReport {
    computes = List.copyOf(computes);
    problems = List.copyOf(problems);
  }

  public Optional<String> workspaceIdIfAny() {
    return Optional.ofNullable(workspaceId);
  }

  public Optional<ComputeReport> compute(String name) {
    return computes.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }

  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }

  public List<Problem> warnings() {
    return problems.stream().filter(p -> !p.isError()).toList();
  }

  /** The same report with every warning turned into an error (strict mode). */
  public ProfileReport strict() {
    return new ProfileReport(
        spec, host, hostKind, computes, workspaceId, problems.stream().map(Problem::asError).toList());
  }
}
