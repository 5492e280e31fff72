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
  /** The host is empty, not https (loopback excepted), has a path, query, fragment or user information, a bad name or port, or is an account console. */
  InvalidHost(Severity.ERROR),
  /** The http path is empty, has whitespace or control characters, {@code #}, {@code ;}, a malformed {@code %} escape, or a scheme or host inside. */
  InvalidHttpPath(Severity.ERROR),
  /** The http path is not a warehouse, endpoint or cluster path. */
  UnrecognizedHttpPath(Severity.WARNING),
  /** An {@code o} value (or a cluster path's {@code /o/<id>/}) that is not 1 to 19 digits, or above {@code Long.MAX_VALUE}. */
  InvalidWorkspaceId(Severity.ERROR),
  /** An {@code o} parameter with a blank value, which is ignored. */
  EmptyWorkspaceId(Severity.WARNING),
  /** A query key {@code O}: routing reads the lower-case {@code o} only. */
  UppercaseWorkspaceKey(Severity.WARNING),
  /** Two different {@code o} values in one http path. */
  ConflictingWorkspaceIds(Severity.ERROR),
  /** A cluster path's {@code /o/<id>/} and its {@code ?o=} differ. */
  PathQueryMismatch(Severity.ERROR),
  /** Two computes of one profile are in different workspaces. */
  ComputeWorkspaceConflict(Severity.ERROR),
  /** A compute without a workspace id while another has one, or a SPOG host and no id; at run time a warning unless strict. */
  MissingWorkspaceId(Severity.ERROR),
  /** A {@code ?o=} on a host known to serve one workspace. */
  StrayWorkspaceId(Severity.WARNING),
  /** The host name embeds a workspace id different from the http path's. */
  HostWorkspaceMismatch(Severity.ERROR),
  /** A compute name that cannot become a method name. */
  InvalidComputeName(Severity.ERROR),
  /** Two compute names that collide (case-insensitively, after the name-to-method mapping, or with {@code default}). */
  DuplicateCompute(Severity.ERROR),

  // Runtime only: they need the network or the classpath of the running program.
  /** Run time: the discovery probe failed; Brickcheck goes on with what the profile declares. */
  ProbeFailed(Severity.WARNING),
  /** Run time: databricks-jdbc older than 3.3.3 would truncate {@code ?o=}. */
  UnsupportedDriver(Severity.ERROR),
  /** Run time: the Databricks SDK on the class path lacks {@code setWorkspaceId}. */
  UnsupportedSdk(Severity.ERROR),

  // Processor only: about the annotated element and the compiler options.
  /** Processor: the annotation sits where no profile can be. */
  InvalidTarget(Severity.ERROR),
  /** Processor: no {@code host}. */
  MissingHost(Severity.ERROR),
  /** Processor: the default compute has no http path. */
  MissingHttpPath(Severity.ERROR),
  /** Processor: two profiles would generate the same factory class. */
  FactoryNameClash(Severity.ERROR),
  /** Processor: {@code factoryName} cannot become a class name. */
  InvalidFactoryName(Severity.ERROR),
  /** Processor: a bad {@code -Abrickcheck.*} option value (an unknown key is a warning). */
  InvalidOption(Severity.ERROR),
  /** Processor: the processor itself failed on an element; a bug in Brickcheck. */
  InternalError(Severity.ERROR),

  // Profile sources: reading a dbt profiles.yml, at compile time and at run time alike. Their
  // messages start with "<file>:<line>:<column>: " after the tag.
  /** dbt: the profiles.yml cannot be used (not YAML, over a limit, a refused tag, a duplicate key, a wrong kind of value). */
  InvalidProfilesFile(Severity.ERROR),
  /** dbt: no profiles.yml where it was looked for. */
  ProfilesFileNotFound(Severity.ERROR),
  /** dbt: the profile is not in the file. */
  UnknownDbtProfile(Severity.ERROR),
  /** dbt: the target is not in the profile. */
  UnknownDbtTarget(Severity.ERROR),
  /** dbt: {@code outputs}, {@code type}, {@code host} or {@code http_path} is missing or empty. */
  MissingDbtField(Severity.ERROR),
  /** dbt: a target whose {@code type} is not {@code databricks}. */
  UnsupportedProfileType(Severity.ERROR),
  /** dbt: a Jinja template other than {@code env_var}. */
  UnsupportedTemplate(Severity.ERROR),
  /** dbt: an {@code env_var} without a default whose variable is unset at run time. */
  MissingEnvironmentVariable(Severity.ERROR),

  // Profile sources: a databricks-jdbc URL, in a constant at compile time, at run time and in the
  // command line alike. Their messages say where in the URL after the tag: "JDBC URL, <key> at
  // character <n>: " (1-based).
  /** JDBC URL: not a {@code jdbc:databricks://} URL, no host, or no (or an empty) {@code httpPath}. */
  InvalidJdbcUrl(Severity.ERROR),
  /** JDBC URL: the legacy Simba prefix {@code jdbc:spark://}; move to databricks-jdbc. */
  LegacyJdbcUrl(Severity.WARNING),
  /** JDBC URL: a key given twice (keys ignore case); drivers refuse it or keep the last. */
  DuplicateJdbcUrlKey(Severity.ERROR),
  /** JDBC URL: a literal secret ({@code PWD}, {@code Auth_AccessToken}, {@code OAuth2Secret}, ...). */
  SecretInJdbcUrl(Severity.ERROR),
  /** JDBC URL: {@code ssl=0} on a host that is not a loopback address. */
  InsecureJdbcUrl(Severity.ERROR),
  /** JDBC URL: a {@code transportMode} other than {@code http}. */
  UnsupportedTransportMode(Severity.ERROR),
  /** JDBC URL: {@code http.header.x-databricks-org-id} is not the workspace the http path names. */
  OrgIdHeaderMismatch(Severity.ERROR);

  /** The prefix of every diagnostic, also the key for {@code @SuppressWarnings}. */
  public static final String FAMILY = "DatabricksProfile";

  private final Severity defaultSeverity;

  Code(Severity defaultSeverity) {
    this.defaultSeverity = defaultSeverity;
  }

  /**
   * The severity unless strict mode or the context changes it.
   *
   * @return {@link Severity#ERROR} or {@link Severity#WARNING}
   */
  public Severity defaultSeverity() {
    return defaultSeverity;
  }

  /**
   * {@code [DatabricksProfile/<Code>]}, the tag every message starts with.
   *
   * @return {@code [DatabricksProfile/<Code>]}, the tag every message starts with
   */
  public String tag() {
    return "[" + FAMILY + "/" + name() + "]";
  }

  /**
   * {@code DatabricksProfile/<Code>}, the key that suppresses this code alone.
   *
   * @return {@code DatabricksProfile/<Code>}, the key that suppresses this code alone
   */
  public String suppressionKey() {
    return FAMILY + "/" + name();
  }
}
