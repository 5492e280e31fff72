package io.brickcheck.internal.cfg;

import static io.brickcheck.internal.rules.Text.quote;

import io.brickcheck.rules.Code;
import io.brickcheck.rules.Problem;
import io.brickcheck.rules.Subject;
import io.brickcheck.internal.rules.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.Set;

/**
 * The Databricks CLI's and SDKs' own settings as a Brickcheck profile source: a profile of
 * {@code ~/.databrickscfg}, and the {@code DATABRICKS_*} environment. Never throws on bad input:
 * every fault is a problem whose message starts with {@code file:line:col: } or {@code env:NAME: }.
 *
 * <pre>{@code
 * CfgSelection prod = DatabricksCfg.fromFile(DatabricksCfg.read(path), "prod");
 * CfgReport report = prod.check(HostClassification.UNKNOWN);      // the rule engine, problems at file positions
 * CfgSelection env = DatabricksCfg.fromEnvironment(System.getenv(), home);  // as the SDK resolves
 * }</pre>
 *
 * <p>Resolution follows databricks-sdk-java {@code ConfigLoader.resolve}: environment variables
 * first ({@code loadFromEnvironmentVariables}), then the file fills only what is still unset
 * ({@code loadFromConfig}), so a variable wins over the file. The file is read only when {@code
 * DATABRICKS_CONFIG_PROFILE} names a profile, or when no host and no credential is in the
 * environment. Its path is {@code DATABRICKS_CONFIG_FILE} (a leading {@code ~} is the home
 * directory) or {@code $HOME/.databrickscfg}; the profile is {@code DATABRICKS_CONFIG_PROFILE} or
 * {@code DEFAULT}. A missing default file or {@code DEFAULT} section is not an error; a named
 * profile that is missing is ("has no ... profile configured" in the SDK). Empty values count as
 * unset, as in the SDK ({@code isNullOrEmpty}).
 */
public final class DatabricksCfg {
  /** The file's name in the home directory. */
  public static final String FILE_NAME = ".databrickscfg";

  /** The keys Brickcheck reads, in the order the status block shows them. */
  public static final List<String> KEYS = List.of(
      "host", "workspace_id", "account_id", "http_path", "warehouse_id", "cluster_id", "auth_type",
      "token", "client_id", "client_secret", "username", "password", "azure_client_id",
      "azure_client_secret", "azure_tenant_id");

  /**
   * The environment variable of each key, as databricks-sdk-java's {@code @ConfigAttribute(env =
   * ...)} declares it; {@code DATABRICKS_WAREHOUSE_ID} is the Go SDK's, {@code
   * DATABRICKS_HTTP_PATH} the SQL connectors' convention.
   */
  public static final Map<String, String> VARIABLES = variables();

  /** Variables that make the SDK skip the file when no profile is named (its {@code isAnyAuthConfigured}). */
  static final Set<String> AUTH_VARIABLES = Set.of(
      "DATABRICKS_TOKEN", "DATABRICKS_CLIENT_ID", "DATABRICKS_CLIENT_SECRET", "DATABRICKS_USERNAME",
      "DATABRICKS_PASSWORD", "DATABRICKS_REDIRECT_URL", "ARM_CLIENT_ID", "ARM_CLIENT_SECRET",
      "ARM_TENANT_ID", "ARM_USE_MSI", "DATABRICKS_AZURE_RESOURCE_ID", "DATABRICKS_GOOGLE_SERVICE_ACCOUNT",
      "GOOGLE_CREDENTIALS", "DATABRICKS_OIDC_TOKEN_FILEPATH", "DATABRICKS_OIDC_TOKEN_ENV");

  /** The variable that names the file. */
  public static final String CONFIG_FILE_VARIABLE = "DATABRICKS_CONFIG_FILE";

  /** The variable that names the profile. */
  public static final String CONFIG_PROFILE_VARIABLE = "DATABRICKS_CONFIG_PROFILE";

  /** The profile the SDKs read when none is named. */
  public static final String DEFAULT_PROFILE = CfgReader.DEFAULT;

  private DatabricksCfg() {}

  private static Map<String, String> variables() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("host", "DATABRICKS_HOST");
    m.put("workspace_id", "DATABRICKS_WORKSPACE_ID");
    m.put("account_id", "DATABRICKS_ACCOUNT_ID");
    m.put("http_path", "DATABRICKS_HTTP_PATH");
    m.put("warehouse_id", "DATABRICKS_WAREHOUSE_ID");
    m.put("cluster_id", "DATABRICKS_CLUSTER_ID");
    m.put("auth_type", "DATABRICKS_AUTH_TYPE");
    m.put("token", "DATABRICKS_TOKEN");
    m.put("client_id", "DATABRICKS_CLIENT_ID");
    m.put("client_secret", "DATABRICKS_CLIENT_SECRET");
    m.put("username", "DATABRICKS_USERNAME");
    m.put("password", "DATABRICKS_PASSWORD");
    m.put("azure_client_id", "ARM_CLIENT_ID");
    m.put("azure_client_secret", "ARM_CLIENT_SECRET");
    m.put("azure_tenant_id", "ARM_TENANT_ID");
    return java.util.Collections.unmodifiableMap(m);
  }

  /**
   * Parses a file's text; {@code fileName} is what messages call it.
   *
   * @param text the file's content
   * @param fileName the name to show in messages, such as {@code ~/.databrickscfg}
   * @return the file, or the problem that makes it unusable
   */
  public static DatabricksCfgFile parse(String text, String fileName) {
    String name = displayName(fileName);
    if (text == null) {
      return new DatabricksCfgFile(name, List.of(), List.of(CfgReader.at(Code.InvalidConfigFile,
          Origin.at(name, 1, 1), name + " has no text. A Databricks CLI config file is expected. Pass its contents")));
    }
    if (text.length() > CfgReader.MAX_CHARACTERS) {
      return tooLarge(name, text.length() + " characters");
    }
    return CfgReader.parse(text, name);
  }

  /**
   * Reads and parses a file strictly as UTF-8. A missing, unreadable, oversized or badly encoded file
   * is a problem, not an exception.
   *
   * @param file the file
   * @return the file, or the problem that makes it unusable
   */
  public static DatabricksCfgFile read(Path file) {
    String name = displayName(file == null ? FILE_NAME : file.toString());
    try {
      if (file == null || !Files.isRegularFile(file)) {
        return new DatabricksCfgFile(name, List.of(), List.of(Problem.of(Code.ConfigFileNotFound, Subject.PROFILE, null,
            quote(name) + " does not exist or is not a file. A Databricks CLI config file is expected (databricks"
                + " configure or databricks auth login writes ~/.databrickscfg). Check the path, or set "
                + CONFIG_FILE_VARIABLE)));
      }
      long size = Files.size(file);
      if (size > 4L * CfgReader.MAX_CHARACTERS) {
        return tooLarge(name, size + " bytes");
      }
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
      return parse(text, name);
    } catch (CharacterCodingException e) {
      return new DatabricksCfgFile(name, List.of(), List.of(CfgReader.at(Code.InvalidConfigFile, Origin.at(name, 1, 1),
          name + " is not valid UTF-8. A UTF-8 text file is expected. Save the file as UTF-8")));
    } catch (IOException | SecurityException e) {
      return new DatabricksCfgFile(name, List.of(), List.of(Problem.of(Code.InvalidConfigFile, Subject.PROFILE, null,
          quote(name) + " cannot be read (" + e.getClass().getSimpleName() + "). A readable file is expected."
              + " Check its permissions")));
    }
  }

  private static DatabricksCfgFile tooLarge(String name, String size) {
    return new DatabricksCfgFile(name, List.of(), List.of(CfgReader.at(Code.InvalidConfigFile, Origin.at(name, 1, 1),
        name + " is " + size + " long, more than a CLI config file may have (" + CfgReader.MAX_CHARACTERS
            + " characters). A small INI file is expected. Point Brickcheck at the right file")));
  }

  /**
   * Where the SDKs look for the file: {@code DATABRICKS_CONFIG_FILE} (a leading {@code ~} replaced by
   * the home directory, as databricks-sdk-java does), else {@code <home>/.databrickscfg}. The home
   * directory is {@code HOME} from {@code env}, else {@code home}.
   *
   * @param env the environment
   * @param home the home directory when {@code HOME} is unset, may be null
   * @return the path, or null when there is no home directory to look in
   */
  public static Path locate(Map<String, String> env, Path home) {
    String homeText = nonEmpty(env.get("HOME"));
    Path homeDir = homeText != null ? Path.of(homeText) : home;
    String configured = nonEmpty(env.get(CONFIG_FILE_VARIABLE));
    try {
      if (configured != null) {
        return configured.startsWith("~") && homeDir != null
            ? Path.of(homeDir + configured.substring(1))
            : Path.of(configured);
      }
      return homeDir == null ? null : homeDir.resolve(FILE_NAME);
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /**
   * One profile of a file, with the file's values only (no environment): what {@code check
   * --databrickscfg} and {@link io.brickcheck.Profiles#fromDatabricksConfig} judge.
   *
   * @param file the parsed file
   * @param profileOrNull the profile (section) name, or null for {@code DEFAULT}
   * @return the profile's settings, or the problems that prevent selecting it
   */
  public static CfgSelection fromFile(DatabricksCfgFile file, String profileOrNull) {
    if (!file.isReadable()) {
      return CfgSelection.failed(file.problems());
    }
    String profile = profileOrNull == null || profileOrNull.isEmpty() ? DEFAULT_PROFILE : profileOrNull;
    List<Problem> problems = new ArrayList<>();
    CfgSection section = section(file, profile, problems);
    if (section == null) {
      return CfgSelection.failed(problems);
    }
    Map<String, Setting> values = new LinkedHashMap<>();
    for (String key : KEYS) {
      section.entry(key).filter(CfgEntry::present)
          .ifPresent(e -> values.put(key, new Setting(key, e.value(), e.secret(), e.valueOrigin())));
    }
    problems.addAll(section.problems());
    return new CfgSelection(new DatabricksSettings(profile, section.origin(), values, problems), List.of());
  }

  /**
   * The settings a Databricks SDK would resolve from {@code env} and the file it names (see the class
   * comment for the order): what {@code check --env} and {@link io.brickcheck.Profiles#fromEnvironment}
   * judge.
   *
   * @param env the environment variables
   * @param home the home directory when {@code HOME} is unset, may be null
   * @return the settings with their origins, or the problems that prevent them
   */
  public static CfgSelection fromEnvironment(Map<String, String> env, Path home) {
    Map<String, Setting> values = new LinkedHashMap<>();
    for (String key : KEYS) {
      String variable = VARIABLES.get(key);
      String value = nonEmpty(env.get(variable));
      if (value != null) {
        boolean secret = CfgReader.isSecretKey(key);
        values.put(key, new Setting(key, secret ? null : value, secret, Origin.env(variable)));
      }
    }
    String profile = nonEmpty(env.get(CONFIG_PROFILE_VARIABLE));
    boolean authInEnv = AUTH_VARIABLES.stream().anyMatch(v -> nonEmpty(env.get(v)) != null);
    if (profile == null && (authInEnv || values.containsKey("host"))) {
      // ConfigLoader.loadFromConfig returns before reading the file in this case.
      return new CfgSelection(new DatabricksSettings("env", null, values, List.of()), List.of());
    }
    Path path = locate(env, home);
    boolean explicitFile = nonEmpty(env.get(CONFIG_FILE_VARIABLE)) != null;
    if (path == null || !explicitFile && !Files.isRegularFile(path)) {
      // No default file: the SDK goes on with the environment alone.
      return new CfgSelection(new DatabricksSettings(profile == null ? "env" : profile, null, values, List.of()), List.of());
    }
    DatabricksCfgFile file = read(path);
    if (!file.isReadable()) {
      List<Problem> moved = new ArrayList<>();
      for (Problem p : file.problems()) {
        moved.add(p.code() == Code.ConfigFileNotFound
            ? CfgReader.moved(p, Origin.env(CONFIG_FILE_VARIABLE)) : p);
      }
      return CfgSelection.failed(moved);
    }
    String sectionName = profile == null ? DEFAULT_PROFILE : profile;
    if (profile == null && file.sections(sectionName).stream().allMatch(s -> s.entries().isEmpty())) {
      return new CfgSelection(new DatabricksSettings("env", null, values, List.of()), List.of());
    }
    CfgSelection fromFile = fromFile(file, sectionName);
    if (!fromFile.isSelected()) {
      List<Problem> moved = fromFile.problems().stream()
          .map(p -> p.code() == Code.UnknownConfigProfile ? withProfileVariable(p) : p).toList();
      return CfgSelection.failed(moved);
    }
    DatabricksSettings inFile = fromFile.settings();
    List<Problem> problems = new ArrayList<>(inFile.problems());
    Map<String, Setting> merged = new LinkedHashMap<>();
    for (String key : KEYS) {
      Setting fromEnv = values.get(key);
      Setting written = inFile.get(key).orElse(null);
      if (fromEnv != null) {
        merged.put(key, fromEnv);
        if (written != null && (fromEnv.secret() || !fromEnv.value().equals(written.value()))) {
          problems.add(overridden(fromEnv, written, inFile.name()));
        }
      } else if (written != null) {
        merged.put(key, written);
      }
    }
    return new CfgSelection(new DatabricksSettings(inFile.name(), inFile.origin().orElse(null), merged, problems), List.of());
  }

  /**
   * The credentials a Databricks SDK would use for this profile, for {@link
   * io.brickcheck.DatabricksConnection}: a token ({@code DATABRICKS_TOKEN}, else {@code token}), else
   * an OAuth client ({@code DATABRICKS_CLIENT_ID} / {@code client_id} with {@code
   * DATABRICKS_CLIENT_SECRET} / {@code client_secret}), variables before the file. The file is read
   * again, its secret values are handed to {@code token} or {@code oauthClient} and dropped with it:
   * no other object of this package ever holds one. (The caller makes its own credentials type, as
   * {@code io.brickcheck.Credentials::token}, so this package does not depend on the API.)
   *
   * @param fileOrNull the file; null for {@code DATABRICKS_CONFIG_FILE}, else {@code ~/.databrickscfg}
   * @param profileOrNull the profile; null for {@code DATABRICKS_CONFIG_PROFILE}, else {@code DEFAULT}
   * @param env the environment variables
   * @param home the home directory when {@code HOME} is unset, may be null
   * @param token makes credentials from a personal access token
   * @param oauthClient makes credentials from an OAuth client id and secret
   * @param <C> the credentials type
   * @return the credentials, or empty when neither a token nor a whole OAuth client is set (an
   *     unreadable file or unknown profile counts as no values: the profile's own check reports it)
   */
  public static <C> Optional<C> credentials(Path fileOrNull, String profileOrNull, Map<String, String> env, Path home,
      Function<String, C> token, BiFunction<String, String, C> oauthClient) {
    Map<String, String> values = new HashMap<>();
    Path path = fileOrNull != null ? fileOrNull : locate(env, home);
    String profile = profileOrNull != null ? profileOrNull : nonEmpty(env.get(CONFIG_PROFILE_VARIABLE));
    if (path != null && Files.isRegularFile(path)) {
      try {
        String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
        List<CfgSection> sections = CfgReader.parse(text, "", true).sections();
        sections.stream().filter(s -> s.name().equals(profile == null ? DEFAULT_PROFILE : profile)).findFirst()
            .ifPresent(s -> s.entries().stream().filter(CfgEntry::present)
                .forEach(e -> values.putIfAbsent(e.key(), e.value())));
      } catch (IOException | SecurityException e) {
        // No values from the file; the profile's own check says why.
      }
    }
    for (String key : List.of("token", "client_id", "client_secret")) {
      String fromEnv = nonEmpty(env.get(VARIABLES.get(key)));
      if (fromEnv != null) {
        values.put(key, fromEnv);
      }
    }
    String pat = values.get("token");
    if (pat != null && !pat.isBlank()) {
      return Optional.of(token.apply(pat.strip()));
    }
    String id = values.get("client_id");
    String secret = values.get("client_secret");
    return id != null && !id.isBlank() && secret != null && !secret.isBlank()
        ? Optional.of(oauthClient.apply(id.strip(), secret.strip()))
        : Optional.empty();
  }

  private static Problem withProfileVariable(Problem p) {
    return CfgReader.moved(p, Origin.env(CONFIG_PROFILE_VARIABLE));
  }

  private static Problem overridden(Setting fromEnv, Setting written, String profile) {
    String what = fromEnv.secret()
        ? fromEnv.origin().variable()
        : fromEnv.origin().variable() + " " + quote(fromEnv.value());
    String fileValue = written.secret() ? "" : " " + quote(written.value());
    return CfgReader.at(Code.OverriddenSetting, Subject.PROFILE, null, fromEnv.origin(), what + " overrides "
        + written.key() + fileValue + " of profile " + quote(profile) + " at " + written.origin() + ": the"
        + " Databricks SDKs read variables first. One value per setting is expected. Unset "
        + fromEnv.origin().variable() + ", or remove " + written.key() + " from the profile");
  }

  /** The one section of that name, or null with the problem: missing, or its header repeated. */
  private static CfgSection section(DatabricksCfgFile file, String profile, List<Problem> problems) {
    List<CfgSection> found = file.sections(profile);
    if (found.isEmpty()) {
      List<String> names = file.profileNames();
      String listing = names.isEmpty() ? "It has no profiles" : "Profiles: " + listing(names);
      String near = names.stream().filter(n -> n.equalsIgnoreCase(profile)).findFirst()
          .map(n -> " Did you mean " + quote(n) + "? (names are case-sensitive)").orElse("");
      problems.add(Problem.of(Code.UnknownConfigProfile, Subject.PROFILE, null, "profile " + quote(profile)
          + " is not in " + file.file() + ". " + listing + "." + near
          + (near.isEmpty() ? " Name one of them, or add [" + Text.escape(profile, 80) + "] with its host" : "")));
      return null;
    }
    if (found.size() > 1) {
      problems.add(CfgReader.at(Code.InvalidConfigFile, found.get(1).origin(), "profile " + quote(profile)
          + " is given again, first at line " + found.get(0).origin().line() + ". One [" + Text.escape(profile, 80)
          + "] section is expected (the Databricks CLI merges them, the Java SDK takes one). Merge them into one"));
      return null;
    }
    return found.get(0);
  }

  private static String listing(List<String> names) {
    StringBuilder out = new StringBuilder();
    int shown = Math.min(names.size(), 20);
    for (int i = 0; i < shown; i++) {
      out.append(i == 0 ? "" : ", ").append(quote(names.get(i)));
    }
    if (names.size() > shown) {
      out.append(" and ").append(names.size() - shown).append(" more");
    }
    return out.toString();
  }

  static String nonEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** A name fit for a message: one line, bounded. */
  static String displayName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return FILE_NAME;
    }
    return Text.escape(fileName, 200);
  }
}
