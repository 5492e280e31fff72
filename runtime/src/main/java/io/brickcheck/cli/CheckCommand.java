package io.brickcheck.cli;

import io.brickcheck.HostKind;
import io.brickcheck.rules.ComputeSpec;
import io.brickcheck.rules.ProfileChecker;
import io.brickcheck.rules.ProfileReport;
import io.brickcheck.rules.ProfileSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code brickcheck check}: the rule engine on one profile given as flags. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks one Databricks profile: a host, its default http path and named computes.",
      "Exit status: 0 no errors, 1 errors found, 2 usage error."
    })
final class CheckCommand implements Callable<Integer> {
  enum Format {
    text,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", required = true, paramLabel = "HOST",
      description = "Workspace or SPOG host, e.g. peco.azuredatabricks.net")
  String host;

  @Option(names = "--http-path", required = true, paramLabel = "PATH",
      description = "Http path of the default compute, e.g. /sql/1.0/warehouses/abc?o=123")
  String httpPath;

  @Option(names = "--compute", paramLabel = "NAME=PATH",
      description = "A named compute (repeatable), e.g. etl=sql/protocolv1/o/123/0123-456789-abc")
  List<String> computes = new ArrayList<>();

  @Option(names = "--host-kind", paramLabel = "KIND", defaultValue = "auto",
      description = "auto (from the host name), spog or workspace. Default: ${DEFAULT-VALUE}")
  HostKind hostKind;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json. Default: ${DEFAULT-VALUE}")
  Format format;

  @Option(names = "--strict", description = "Count warnings as errors.")
  boolean strict;

  @Override
  public Integer call() {
    ProfileSpec profile = new ProfileSpec("cli", host, hostKind, httpPath, parseComputes());
    ProfileReport report = ProfileChecker.check(profile);
    if (strict) {
      report = report.strict();
    }
    String rendered = format == Format.json ? JsonReport.render(report) : TextReport.render(report);
    spec.commandLine().getOut().print(rendered);
    spec.commandLine().getOut().flush();
    return report.hasErrors() ? BrickcheckCli.ERRORS : BrickcheckCli.OK;
  }

  private List<ComputeSpec> parseComputes() {
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
