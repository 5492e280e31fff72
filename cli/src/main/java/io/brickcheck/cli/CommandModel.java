package io.brickcheck.cli;

import io.brickcheck.HostKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line's picocli model, built with picocli's programmatic API rather than read from
 * annotations (issue 17): reading {@code @Command}, {@code @Option} and {@code @ArgGroup} makes
 * the JVM generate a proxy class per annotation type and reflect over every field and generic type,
 * 100-300 ms of a cold {@code check} run. The options, groups, help texts and errors are the same
 * as the annotated model's were; {@link CheckCommand} reads the parsed values from its spec.
 */
final class CommandModel {
  private CommandModel() {}

  /** {@code brickcheck} with its {@code check} subcommand, both bound to the objects given. */
  static CommandLine commandLine(BrickcheckCli cli) {
    CommandSpec root = CommandSpec.wrapWithoutInspection(cli).name("brickcheck");
    root.usageMessage().description("Checks Databricks connection settings (hosts, http paths, ?o= workspace ids).");
    root.versionProvider(new BrickcheckCli.Version());
    standardHelpOptions(root);
    cli.spec = root;

    CheckCommand check = new CheckCommand();
    check.parent = cli;
    CommandSpec checkSpec = CommandSpec.wrapWithoutInspection(check).name("check");
    check.spec = checkSpec;
    checkOptions(checkSpec);
    root.addSubcommand("check", checkSpec);
    return new CommandLine(root);
  }

  /** What {@code mixinStandardHelpOptions = true} adds, without reflecting over picocli's mixin. */
  private static void standardHelpOptions(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
  }

  private static void checkOptions(CommandSpec spec) {
    spec.usageMessage().description(
        "Checks one Databricks profile: a host, its default http path and named computes,",
        "given as flags, read from a dbt profiles.yml or a ~/.databrickscfg profile,",
        "resolved from DATABRICKS_* variables as the Databricks SDKs do, or given as a databricks-jdbc URL.",
        "Exit status: 0 no errors, 1 errors found, 2 usage error.");

    // Where the profile comes from: exactly one of these.
    ArgGroupSpec flags = ArgGroupSpec.builder().exclusive(false).heading("Profile given as flags:%n")
        .addArg(option("--host", String.class, "HOST", "Workspace or SPOG host, e.g. peco.azuredatabricks.net")
            .required(true).build())
        .addArg(option("--http-path", String.class, "PATH",
            "Http path of the default compute, e.g. /sql/1.0/warehouses/abc?o=123").required(true).build())
        .addArg(option("--compute", List.class, "NAME=PATH",
            "A named compute (repeatable), e.g. etl=sql/protocolv1/o/123/0123-456789-abc")
            .auxiliaryTypes(String.class).build())
        .build();
    ArgGroupSpec dbt = ArgGroupSpec.builder().exclusive(false).heading("Profile read from a dbt profiles.yml:%n")
        .addArg(option("--profiles", Path.class, "FILE",
            "A dbt profiles.yml; {{ env_var(...) }} values are read from the environment").required(true).build())
        .addArg(option("--target", String.class, "TARGET", "The dbt target. Default: the profile's own target:")
            .build())
        .build();
    ArgGroupSpec jdbcUrl = ArgGroupSpec.builder().exclusive(false)
        .heading("Profile given as a databricks-jdbc URL:%n")
        .addArg(option("--jdbc-url", String.class, "URL",
            "A databricks-jdbc URL, e.g. 'jdbc:databricks://peco.azuredatabricks.net:443/default;"
                + "transportMode=http;ssl=1;httpPath=/sql/1.0/warehouses/abc?o=123'. Secret values in it are"
                + " reported, never printed").required(true).build())
        .build();
    spec.addArgGroup(ArgGroupSpec.builder().exclusive(true).multiplicity("1")
        .addSubgroup(flags)
        .addSubgroup(dbt)
        .addArg(option("--databrickscfg", String.class, "FILE",
            "A Databricks CLI config file; without FILE: $DATABRICKS_CONFIG_FILE, else"
                + " ~/.databrickscfg. The profile is --profile, else $DATABRICKS_CONFIG_PROFILE, else DEFAULT")
            .arity("0..1").fallbackValue("").build())
        .addArg(option("--env", boolean.class, null, "The DATABRICKS_* environment as the Databricks SDKs resolve it"
            + " (variables first, then the profile of the config file they name)").build())
        .addSubgroup(jdbcUrl)
        .build());

    spec.addOption(option("--profile", String.class, "NAME",
        "The dbt profile (required with --profiles), or the section of --databrickscfg").build());
    spec.addOption(option("--host-kind", HostKind.class, "KIND",
        "auto (from the host name), spog or workspace. Default: ${DEFAULT-VALUE}").defaultValue("auto").build());
    spec.addOption(option("--format", CheckCommand.Format.class, "FORMAT",
        "text, json, or sarif (SARIF 2.1.0 for code-scanning tools). Default: ${DEFAULT-VALUE}")
        .defaultValue("text").build());
    spec.addOption(option("--strict", boolean.class, null, "Count warnings as errors.").build());
    spec.addOption(option("--probe", CheckCommand.Probe.class, "MODE",
        "off (no network), or blocking: ask the host's /.well-known/databricks-config"
            + " (within --probe-budget) and print the status block. Default: ${DEFAULT-VALUE}")
        .defaultValue("off").build());
    spec.addOption(option("--probe-budget", Duration.class, "DURATION",
        "How long the blocking probe may take in all: 500ms, 2s, 1m (above 0, at most 5m); each"
            + " attempt gets a third of it, at least 750 ms. Default: ${DEFAULT-VALUE}")
        .defaultValue("2s").converters(new CheckCommand.ProbeBudget()).build());
    standardHelpOptions(spec);
  }

  private static OptionSpec.Builder option(String name, Class<?> type, String paramLabel, String description) {
    OptionSpec.Builder b = OptionSpec.builder(name).type(type).description(description);
    return paramLabel == null ? b : b.paramLabel(paramLabel);
  }
}
