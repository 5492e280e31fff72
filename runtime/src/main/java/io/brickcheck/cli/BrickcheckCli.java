package io.brickcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Properties;
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

  /** Renders env_var templates of a dbt profiles file; the process environment outside tests. */
  final Map<String, String> env;

  BrickcheckCli(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  /**
   * Runs the command line and exits with its status: 0 no errors, 1 errors found, 2 usage error.
   *
   * @param args the command line's arguments
   */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line with the given streams and returns the exit status.
   *
   * @param args the command line's arguments
   * @param out where the report goes
   * @param err where usage errors go
   * @return the exit status: 0 no errors, 1 errors found, 2 usage error
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, System.getenv());
  }

  /** As {@link #run(String[], PrintWriter, PrintWriter)}, with the environment given (tests). */
  static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> env) {
    CommandLine cli = new CommandLine(new BrickcheckCli(env));
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
    // picocli words argument-group errors "Error: ..."; the line already says "brickcheck:".
    String reason = e.getMessage().startsWith("Error: ") ? e.getMessage().substring(7) : e.getMessage();
    cmd.getErr().println("brickcheck: " + reason + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
    return USAGE;
  }

  @Override
  public void run() {
    // No subcommand: say what to run.
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: check");
  }

  /** The build's version, from a resource the build filters (a jar manifest is absent in tests and IDEs). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = BrickcheckCli.class.getResourceAsStream("version.properties")) {
        if (in == null) {
          throw new IOException("version.properties is missing from the brickcheck jar");
        }
        properties.load(in);
      }
      return new String[] {"brickcheck " + properties.getProperty("version")};
    }
  }
}
