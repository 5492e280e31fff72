package io.brickcheck.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code brickcheck} command line: {@code java -jar brickcheck-cli.jar check ...}.
 *
 * <p>Exit status: 0 no errors, 1 errors found, 2 usage error.
 */
@Command(
    name = "brickcheck",
    mixinStandardHelpOptions = true,
    versionProvider = BrickcheckCli.Version.class,
    description = "Checks Databricks connection settings (hosts, http paths, ?o= workspace ids).",
    subcommands = {CheckCommand.class})
public final class BrickcheckCli implements Runnable {
  static final int OK = 0;
  static final int ERRORS = 1;
  static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit status. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new BrickcheckCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(BrickcheckCli::usageError);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          // A bug of ours; the rule engine itself never throws on input.
          cmd.getErr().println("brickcheck: internal error: " + e + " (please report it)");
          return USAGE;
        });
    return cli.execute(args);
  }

  /** A usage error is one line with the reason and where to look, not the whole help page. */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    cmd.getErr().println("brickcheck: " + e.getMessage() + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
    return USAGE;
  }

  @Override
  public void run() {
    // No subcommand: say what to run.
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: check");
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = BrickcheckCli.class.getPackage().getImplementationVersion();
      return new String[] {"brickcheck " + (version == null ? "(development build)" : version)};
    }
  }
}
