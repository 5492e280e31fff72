package io.brickcheck.cli;

import io.brickcheck.BrickcheckOptions;
import io.brickcheck.HostKind;
import io.brickcheck.ProbeMode;
import io.brickcheck.Profile;
import io.brickcheck.ProbeOutcome;
import io.brickcheck.ProfileStatus;
import io.brickcheck.internal.cfg.CfgReport;
import io.brickcheck.internal.cfg.CfgSelection;
import io.brickcheck.internal.profiles.ProfileSources;
import io.brickcheck.internal.cfg.DatabricksCfg;
import io.brickcheck.internal.dbt.DbtProfilesReader;
import io.brickcheck.internal.dbt.DbtOutput;
import io.brickcheck.internal.dbt.DbtSelection;
import io.brickcheck.rules.Code;
import io.brickcheck.internal.rules.ComputeNames;
import io.brickcheck.internal.rules.ComputeSpec;
import io.brickcheck.internal.rules.JdbcUrlChecker;
import io.brickcheck.rules.Problem;
import io.brickcheck.internal.rules.ProfileChecker;
import io.brickcheck.internal.rules.ProfileReport;
import io.brickcheck.internal.rules.ProfileSpec;
import io.brickcheck.internal.rules.SpecForm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * {@code brickcheck check}: the rule engine on one profile, given as flags, read from a dbt
 * {@code profiles.yml} ({@code --profiles FILE --profile NAME [--target T]}), from a Databricks CLI
 * config file ({@code --databrickscfg [FILE] [--profile NAME]}) or from the {@code DATABRICKS_*}
 * environment ({@code --env}), or given as a databricks-jdbc URL ({@code --jdbc-url URL}).
 *
 * <p>Its options are declared in {@link CommandModel} (picocli's programmatic API: no annotation
 * reflection at start-up); {@link #call()} reads the parsed values into the fields below first.
 */
final class CheckCommand implements Callable<Integer> {
  enum Format {
    text,
    json,
    sarif
  }

  enum Probe {
    off,
    blocking
  }

  /** This command's model; set by {@link CommandModel}. */
  CommandLine.Model.CommandSpec spec;

  /** Where the profile comes from: flags, or a dbt profiles file. Exactly one. */
  Source source;

  static final class Source {
    Flags flags;

    Dbt dbt;

    /** {@code --databrickscfg [FILE]}: the file, "" for where the SDKs look, null when absent. */
    String databricksCfg;

    boolean env;

    JdbcUrl jdbcUrl;
  }

  static final class JdbcUrl {
    String url;
  }

  static final class Flags {
    String host;

    String httpPath;

    List<String> computes = new ArrayList<>();
  }

  static final class Dbt {
    Path file;

    String target;
  }

  /** The {@code brickcheck} command; set by {@link CommandModel}. */
  BrickcheckCli parent;

  String profile;

  HostKind hostKind;

  Format format;

  boolean strict;

  Probe probe;

  Duration probeBudget;

  /** The parsed arguments into the fields, each group present only when one of its options was given. */
  private void readArguments() {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    source = new Source();
    if (given(parsed, "--host", "--http-path", "--compute")) {
      source.flags = new Flags();
      source.flags.host = value("--host");
      source.flags.httpPath = value("--http-path");
      List<String> computes = value("--compute");
      if (computes != null) {
        source.flags.computes.addAll(computes);
      }
    }
    if (given(parsed, "--profiles", "--target")) {
      source.dbt = new Dbt();
      source.dbt.file = value("--profiles");
      source.dbt.target = value("--target");
    }
    if (given(parsed, "--databrickscfg")) {
      source.databricksCfg = value("--databrickscfg");
    }
    source.env = given(parsed, "--env");
    if (given(parsed, "--jdbc-url")) {
      source.jdbcUrl = new JdbcUrl();
      source.jdbcUrl.url = value("--jdbc-url");
    }
    profile = value("--profile");
    hostKind = value("--host-kind");
    format = value("--format");
    strict = given(parsed, "--strict");
    probe = value("--probe");
    probeBudget = value("--probe-budget");
  }

  private static boolean given(CommandLine.ParseResult parsed, String... names) {
    for (String name : names) {
      if (parsed.hasMatchedOption(name)) {
        return true;
      }
    }
    return false;
  }

  private <T> T value(String name) {
    return spec.findOption(name).getValue();
  }

  /** {@code <digits>ms|s|m}, checked against the probe's own limits by {@link BrickcheckOptions}. */
  static final class ProbeBudget implements CommandLine.ITypeConverter<Duration> {
    private static final java.util.regex.Pattern FORM = java.util.regex.Pattern.compile("([0-9]{1,9})(ms|s|m)");

    @Override
    public Duration convert(String value) {
      java.util.regex.Matcher m = FORM.matcher(value);
      if (!m.matches()) {
        throw new CommandLine.TypeConversionException(
            "'" + value + "' is not a duration; a number with ms, s or m is expected, as 2s");
      }
      long n = Long.parseLong(m.group(1));
      Duration d = switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        default -> Duration.ofMinutes(n);
      };
      try {
        BrickcheckOptions.builder().probeBudget(d);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is out of range: above 0, at most 5m");
      }
      return d;
    }
  }

  /** A blocking probe within {@link #probeBudget}, as {@code --probe blocking} asks. */
  private BrickcheckOptions blockingOptions() {
    Duration third = probeBudget.dividedBy(3);
    Duration attempt = third.compareTo(Duration.ofMillis(750)) > 0 ? third : Duration.ofMillis(750);
    return BrickcheckOptions.builder().probeMode(ProbeMode.BLOCKING).probeBudget(probeBudget)
        .probeAttemptTimeout(attempt.compareTo(probeBudget) > 0 ? probeBudget : attempt).build();
  }

  @Override
  public Integer call() {
    readArguments();
    if (profile != null && (source.flags != null || source.env || source.jdbcUrl != null)) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--profile goes with --profiles or --databrickscfg (for --env, set DATABRICKS_CONFIG_PROFILE)");
    }
    if (source.dbt != null && profile == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Missing required argument(s): --profile=NAME");
    }
    CfgSelection selection = source.databricksCfg != null ? selectDatabricksCfg(source.databricksCfg)
        : source.env ? DatabricksCfg.fromEnvironment(parent.env, home()) : null;
    CfgReport settings = selection == null ? null : selection.check(hostKind.classification());
    ReportSource named = selection != null ? cfgSource(selection) : ReportSource.NONE;
    ProfileReport report;
    if (settings != null) {
      report = settings.report();
    } else if (source.jdbcUrl != null) {
      report = checkJdbcUrl(source.jdbcUrl);
    } else if (source.dbt != null) {
      DbtSelection dbtSelection = DbtProfilesReader.read(source.dbt.file).select(profile, source.dbt.target, parent.env);
      // The target as resolved: the profile's own target: when --target is not given.
      named = new ReportSource(profile,
          dbtSelection.outputIfSelected().map(DbtOutput::target).orElse(source.dbt.target));
      report = dbtSelection.check(parent.env, hostKind.classification());
    } else {
      report = checkFlags(source.flags);
    }
    if (strict) {
      report = report.strict();
    }
    ProfileStatus status = null;
    if (probe == Probe.blocking && !report.hasErrors() && report.spec() != null) {
      status = probeStatus(report, selection);
      List<Problem> known = report.problems();
      boolean answered = status.probe().flatMap(ProbeOutcome::hostClassification).isPresent();
      report = withProblems(report, status.problems().stream().filter(p -> !known.contains(p)).toList(), answered);
    }
    String rendered =
        switch (format) {
          case json -> JsonReport.render(report, named, status == null ? null : status.toJson());
          case sarif -> SarifReport.render(report, named, toolVersion());
          case text -> TextReport.render(report) + (status == null ? "" : System.lineSeparator() + status.render());
        };
    spec.commandLine().getOut().print(rendered);
    spec.commandLine().getOut().flush();
    return report.hasErrors() ? BrickcheckCli.ERRORS : BrickcheckCli.OK;
  }

  /** Opens the default compute with a blocking probe: the status block then holds its answer. */
  private ProfileStatus probeStatus(ProfileReport report, CfgSelection selection) {
    BrickcheckOptions blocking = blockingOptions();
    if (selection != null) {
      // Built from the settings again, so that the status block says where each value came from.
      Profile fromSettings = ProfileSources.fromDatabricksSettings(selection, hostKind, blocking);
      fromSettings.open(ComputeNames.DEFAULT);
      return fromSettings.status();
    }
    ProfileSpec declared = report.spec();
    if (source.jdbcUrl != null) {
      // From the URL itself, so that the status block's JDBC URLs keep its other properties.
      Profile profile = Profile.jdbcUrlBuilder(declared.name(), source.jdbcUrl.url)
          .hostKind(hostKind)
          .build(blockingOptions());
      profile.open(ComputeNames.DEFAULT);
      return profile.status();
    }
    Profile.Builder builder =
        Profile.builder(declared.name(), declared.host())
            .hostKind(hostKind)
            .defaultHttpPath(declared.defaultHttpPath());
    declared.computes().forEach(c -> builder.compute(c.name(), c.httpPath()));
    Profile profile = builder.build(blockingOptions());
    profile.open(ComputeNames.DEFAULT);
    return profile.status();
  }

  /**
   * The report with the problems the host's answer revealed, as errors in strict mode. A host that
   * said what it is answers the question of the UnclassifiedHost note, which then goes.
   */
  private ProfileReport withProblems(ProfileReport report, List<Problem> discovered, boolean answered) {
    List<Problem> all = new ArrayList<>(report.problems());
    if (answered) {
      all.removeIf(p -> p.code() == Code.UnclassifiedHost);
    }
    discovered.forEach(p -> all.add(strict ? p.asError() : p));
    return new ProfileReport(report.spec(), report.host(), report.hostKind(), report.computes(), report.workspaceId(), all);
  }

  private ProfileReport checkFlags(Flags flags) {
    return ProfileChecker.check(
        new ProfileSpec("cli", flags.host, hostKind.classification(), flags.httpPath, parseComputes(flags.computes), SpecForm.CLI));
  }

  /** Problems of the URL come out as problems (exit 1), each with its place in the URL. */
  private ProfileReport checkJdbcUrl(JdbcUrl url) {
    return JdbcUrlChecker.check("cli", url.url, hostKind.classification(), List.of()).report();
  }

  /**
   * The section a config file source names: the one selected, else the one asked for; for the
   * environment alone (no file section), none.
   */
  private ReportSource cfgSource(CfgSelection selection) {
    if (selection.settings() != null) {
      return new ReportSource(
          selection.settings().origin().isPresent() || source.databricksCfg != null ? selection.settings().name() : null,
          null);
    }
    String asked = profile != null ? profile : parent.env.get(DatabricksCfg.CONFIG_PROFILE_VARIABLE);
    return new ReportSource(
        asked == null || asked.isEmpty() ? source.databricksCfg != null ? DatabricksCfg.DEFAULT_PROFILE : null : asked,
        null);
  }

  private static String toolVersion() {
    try {
      return BrickcheckCli.Version.number();
    } catch (java.io.IOException e) {
      return null; // SARIF's version is optional
    }
  }

  /** A profile of a CLI config file, its values as written; an empty FILE means where the SDKs look. */
  private CfgSelection selectDatabricksCfg(String file) {
    Path path = file.isEmpty() ? DatabricksCfg.locate(parent.env, home()) : Path.of(file);
    String section = profile != null ? profile : parent.env.get(DatabricksCfg.CONFIG_PROFILE_VARIABLE);
    return DatabricksCfg.fromFile(DatabricksCfg.read(path), section);
  }

  private static Path home() {
    String home = System.getProperty("user.home");
    return home == null || home.isBlank() ? null : Path.of(home);
  }

  private List<ComputeSpec> parseComputes(List<String> computes) {
    List<ComputeSpec> result = new ArrayList<>();
    for (String value : computes) {
      int eq = value.indexOf('=');
      if (eq <= 0) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            "--compute expects NAME=PATH, got '" + value + "' (e.g. --compute etl=/sql/1.0/warehouses/abc?o=123)");
      }
      result.add(new ComputeSpec(value.substring(0, eq), value.substring(eq + 1)));
    }
    return result;
  }
}
