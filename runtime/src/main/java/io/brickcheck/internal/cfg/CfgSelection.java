package io.brickcheck.internal.cfg;

import io.brickcheck.rules.HostClassification;

import io.brickcheck.rules.Problem;
import java.util.List;

/**
 * The outcome of {@link DatabricksCfg#fromFile} or {@link DatabricksCfg#fromEnvironment}: the
 * resolved settings, or the problems that prevented them (an unreadable file, an unknown profile).
 * Exactly one of the two is present.
 *
 * @param settings the settings, or null
 * @param problems why there are no settings; empty when {@code settings} is present
 */
public record CfgSelection(DatabricksSettings settings, List<Problem> problems) {
  /**
   * Copies the problems; a selection has settings or problems, never both.
   *
   * @param settings the settings, or null
   * @param problems why there are no settings
   */
  public CfgSelection {
    problems = List.copyOf(problems);
    if ((settings == null) == problems.isEmpty()) {
      throw new IllegalArgumentException("a selection has settings or problems, not both");
    }
  }

  static CfgSelection failed(List<Problem> problems) {
    return new CfgSelection(null, problems);
  }

  /**
   * Whether settings were resolved.
   *
   * @return true when there are settings to check
   */
  public boolean isSelected() {
    return settings != null;
  }

  /**
   * Applies every rule: the rule engine on the profile the settings describe, and the rules of this
   * source; each problem's message starts with the origin of the value it is about.
   *
   * @param declared what the host is declared to be ({@code UNKNOWN}: not declared)
   * @return the report, with where each value came from
   */
  public CfgReport check(HostClassification declared) {
    return settings == null ? CfgChecks.problemsOnly(problems) : CfgChecks.check(settings, declared);
  }
}
