package io.brickcheck.internal.rules;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.HostClassification;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Severity;
import java.util.ArrayList;
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

  /**
   * Copies the lists, so the record stays immutable.
   *
   * @param spec the profile as declared
   * @param host the parsed host
   * @param hostKind what is known about the host without the network
   * @param computes every compute, {@code default} first
   * @param workspaceId the workspace id every compute agrees on, or null
   * @param problems every problem found
   */
  public ProfileReport {
    computes = List.copyOf(computes);
    problems = List.copyOf(problems);
  }

  /**
   * The workspace id every compute agrees on.
   *
   * @return the id, or empty
   */
  public Optional<String> workspaceIdIfAny() {
    return Optional.ofNullable(workspaceId);
  }

  /**
   * One compute's report.
   *
   * @param name the compute's name
   * @return the report, or empty if there is no such compute
   */
  public Optional<ComputeReport> compute(String name) {
    for (ComputeReport c : computes) {
      if (c.name().equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether any problem is an error.
   *
   * @return true if the profile is unusable
   */
  public boolean hasErrors() {
    return ProblemLists.anyError(problems);
  }

  /**
   * The errors.
   *
   * @return the problems of severity error, in order
   */
  public List<Problem> errors() {
    return ProblemLists.ofSeverity(problems, Severity.ERROR);
  }

  /**
   * The warnings.
   *
   * @return the problems of severity warning, in order
   */
  public List<Problem> warnings() {
    return ProblemLists.ofSeverity(problems, Severity.WARNING);
  }

  /**
   * The notes: advice that never fails anything ({@link Code#UnclassifiedHost}).
   *
   * @return the problems of severity note, in order
   */
  public List<Problem> notes() {
    return ProblemLists.ofSeverity(problems, Severity.NOTE);
  }

  /**
   * The same report with every warning turned into an error (strict mode).
   *
   * @return this report with every warning turned into an error
   */
  public ProfileReport strict() {
    List<Problem> strict = new ArrayList<>(problems.size());
    for (Problem p : problems) {
      strict.add(p.asError());
    }
    return new ProfileReport(spec, host, hostKind, computes, workspaceId, strict);
  }
}
