package io.brickcheck.rules;

/**
 * Every problem Brickcheck reports, with its default severity. The names are stable: they appear as
 * {@code [DatabricksProfile/<Code>]} in javac output, exceptions and logs, and users search for them
 * and suppress warnings by them. Never rename one; add new ones at the end of their group.
 *
 * <p>The error catalogue (docs/catalogue.md) documents each code with a bad and a good example; docs/rules.md
 * says what each rule checks and why.
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
  /**
   * A note: the host is neither recognised nor declared, and some compute names no workspace, so
   * whether {@code ?o=} is needed cannot be known without the network; says what to declare.
   */
  UnclassifiedHost(Severity.NOTE),
  /** A query key that looks like the workspace key {@code o} but is not ({@code ?0=}, {@code ?org=}, {@code &o=} without {@code ?}, {@code %3Fo%3D}). */
  WorkspaceKeyNearMiss(Severity.WARNING),
  /** A form databricks-jdbc misreads: a {@code /} after the warehouse or cluster id, or a query after a cluster id. */
  DriverMisreadsHttpPath(Severity.WARNING),
  /** An invisible or bidirectional format character, or an unpaired surrogate, in a host, http path or compute name. */
  HiddenCharacter(Severity.ERROR),
  /** A profile, dbt profile or dbt target name with a control, format or backslash character. */
  InvalidProfileName(Severity.ERROR),

  // Runtime only: they need the network or the classpath of the running program.
  /** Run time: the discovery probe failed; Brickcheck goes on with what the profile declares. */
  ProbeFailed(Severity.WARNING),
  /** Run time: databricks-jdbc older than 3.3.3 would truncate {@code ?o=}. */
  UnsupportedDriver(Severity.ERROR),
  /** Run time: the Databricks SDK on the class path lacks {@code setWorkspaceId}. */
  UnsupportedSdk(Severity.ERROR),
  /** Run time: an API call was redirected (302/303) to the {@code /login} page: it carried no workspace routing. */
  LoginRedirect(Severity.WARNING),
  /** Run time: 400 "Unable to load OAuth Config" on a workspace API: no workspace header on a unified host. */
  OAuthConfigNotLoaded(Severity.WARNING),
  /** Run time: "Invalid Token" on a unified host: the token came from the host-level {@code /oidc}, not the account-rooted issuer. */
  HostLevelToken(Severity.WARNING),
  /** Run time: a token endpoint ({@code /oidc/...}) answered 400 to a request that carried a workspace header. */
  WorkspaceHeaderOnTokenEndpoint(Severity.WARNING),

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
  /** Processor: a factory of an earlier build, compiled from source, no longer matches its profile. */
  StaleFactory(Severity.ERROR),

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

  // Profile sources: the Databricks CLI's and SDKs' own settings, a ~/.databrickscfg profile and
  // DATABRICKS_* variables. Their messages start with "<file>:<line>:<column>: " or
  // "env:<VARIABLE>: " after the tag.
  /** databrickscfg: the file cannot be used (unreadable, not INI, a value the CLI and the Java SDK read differently, a repeated key). */
  InvalidConfigFile(Severity.ERROR),
  /** databrickscfg: no file where it was looked for ({@code DATABRICKS_CONFIG_FILE}, or the path given). */
  ConfigFileNotFound(Severity.ERROR),
  /** databrickscfg: the profile (section) is not in the file. */
  UnknownConfigProfile(Severity.ERROR),
  /** databrickscfg / environment: no host, or none of {@code warehouse_id}, {@code cluster_id}, {@code http_path}. */
  MissingConfigField(Severity.ERROR),
  /** databrickscfg: a key the CLI and SDKs do not read because of its spelling ({@code Host}, {@code warehouse-id}). */
  MisspelledConfigKey(Severity.WARNING),
  /** databrickscfg / environment: the CLI's placeholder {@code none} where an id is expected. */
  PlaceholderValue(Severity.ERROR),
  /** databrickscfg / environment: a {@code workspace_id} on an account-console profile (the CLI's "Unable to load OAuth Config"). */
  WorkspaceIdOnAccountHost(Severity.ERROR),
  /** databrickscfg / environment: a workspace id in the host's query ({@code ?o=}, {@code ?w=}), which the Java SDK drops. */
  WorkspaceIdOnHost(Severity.WARNING),
  /** databrickscfg / environment: the host's query, {@code workspace_id} and the http path name different workspaces. */
  ConfigWorkspaceMismatch(Severity.ERROR),
  /** environment: a variable overrides a different value of the profile in the file (the SDKs read the variable). */
  OverriddenSetting(Severity.WARNING),

  /** dbt: an {@code env_var} without a default in {@code token}, {@code client_id} or {@code client_secret} whose variable is unset at run time (dbt fails; Brickcheck never reads the value). */
  MissingSecretVariable(Severity.WARNING),

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

  /** {@return {@code [DatabricksProfile/<Code>]}, the tag every message starts with} */
  public String tag() {
    return "[" + FAMILY + "/" + name() + "]";
  }

  /** {@return {@code DatabricksProfile/<Code>}, the key that suppresses this code alone} */
  public String suppressionKey() {
    return FAMILY + "/" + name();
  }
}
