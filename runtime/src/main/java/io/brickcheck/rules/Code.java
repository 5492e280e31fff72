package io.brickcheck.rules;

/**
 * Every problem Brickcheck reports, with its default severity. The names are stable: they appear as
 * {@code [DatabricksProfile/<Code>]} in javac output, exceptions and logs, and users search for them
 * and suppress warnings by them. Never rename one; add new ones at the end of their group.
 *
 * <p>The README's error catalogue documents each code with a bad and a good example.
 */
public enum Code {
  // Rules of the contract, applied by the processor and the runtime alike.
  InvalidHost(Severity.ERROR),
  InvalidHttpPath(Severity.ERROR),
  UnrecognizedHttpPath(Severity.WARNING),
  InvalidWorkspaceId(Severity.ERROR),
  EmptyWorkspaceId(Severity.WARNING),
  UppercaseWorkspaceKey(Severity.WARNING),
  ConflictingWorkspaceIds(Severity.ERROR),
  PathQueryMismatch(Severity.ERROR),
  ComputeWorkspaceConflict(Severity.ERROR),
  MissingWorkspaceId(Severity.ERROR),
  StrayWorkspaceId(Severity.WARNING),
  HostWorkspaceMismatch(Severity.ERROR),
  InvalidComputeName(Severity.ERROR),
  DuplicateCompute(Severity.ERROR),

  // Runtime only: they need the network or the classpath of the running program.
  ProbeFailed(Severity.WARNING),
  UnsupportedDriver(Severity.ERROR),
  UnsupportedSdk(Severity.ERROR),

  // Processor only: about the annotated element and the compiler options.
  InvalidTarget(Severity.ERROR),
  MissingHost(Severity.ERROR),
  MissingHttpPath(Severity.ERROR),
  FactoryNameClash(Severity.ERROR),
  InvalidFactoryName(Severity.ERROR),
  InvalidOption(Severity.ERROR),
  InternalError(Severity.ERROR),

  // Profile sources: reading a dbt profiles.yml, at compile time and at run time alike. Their
  // messages start with "<file>:<line>:<column>: " after the tag.
  InvalidProfilesFile(Severity.ERROR),
  ProfilesFileNotFound(Severity.ERROR),
  UnknownDbtProfile(Severity.ERROR),
  UnknownDbtTarget(Severity.ERROR),
  MissingDbtField(Severity.ERROR),
  UnsupportedProfileType(Severity.ERROR),
  UnsupportedTemplate(Severity.ERROR),
  MissingEnvironmentVariable(Severity.ERROR);

  /** The prefix of every diagnostic, also the key for {@code @SuppressWarnings}. */
  public static final String FAMILY = "DatabricksProfile";

  private final Severity defaultSeverity;

  Code(Severity defaultSeverity) {
    this.defaultSeverity = defaultSeverity;
  }

  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /** {@code [DatabricksProfile/<Code>]}, the tag every message starts with. */
  public String tag() {
    return "[" + FAMILY + "/" + name() + "]";
  }

  /** {@code DatabricksProfile/<Code>}, the key that suppresses this code alone. */
  public String suppressionKey() {
    return FAMILY + "/" + name();
  }
}
