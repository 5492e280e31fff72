package io.brickcheck.cli;

import io.brickcheck.internal.rules.TerminalText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The {@code brickcheck} command line: {@code java -jar brickcheck-cli.jar check ...}.
 *
 * <p>Exit status: 0 no errors, 1 errors found, 2 usage error. The commands' options are declared
 * in {@link CommandModel}.
 */
public final class BrickcheckCli implements Runnable {
  static final int OK = 0;
  static final int ERRORS = 1;
  static final int USAGE = 2;

  /** This command's model; set by {@link CommandModel}. */
  CommandLine.Model.CommandSpec spec;

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
    CommandLine cli = CommandModel.commandLine(new BrickcheckCli(env));
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(BrickcheckCli::usageError);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          // A bug of ours; the rule engine itself never throws on input.
          String reason = "internal error: " + e + " (please report it)";
          cmd.getErr().println("brickcheck: " + TerminalText.line(reason));
          jsonError(cmd, args, "internal", reason, null);
          return USAGE;
        });
    return cli.execute(args);
  }

  /**
   * A usage error is one line with the reason and where to look, not the whole help page; with
   * {@code --format json} also a JSON object on stdout, so that a script reading stdout never gets
   * nothing.
   */
  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    // picocli words argument-group errors "Error: ..."; the line already says "brickcheck:".
    String reason = e.getMessage().startsWith("Error: ") ? e.getMessage().substring(7) : e.getMessage();
    String help = cmd.getCommandSpec().qualifiedName() + " --help";
    // The reason quotes what was typed: a value with a line break or ESC must not reach the terminal raw.
    cmd.getErr().println("brickcheck: " + TerminalText.line(reason) + " (see '" + help + "')");
    jsonError(cmd, args, "usage", reason, help);
    return USAGE;
  }

  /** {@code {"error": kind, "message": ..., "help": ...}} on stdout when the arguments ask for JSON. */
  private static void jsonError(CommandLine cmd, String[] args, String kind, String message, String help) {
    if (!wantsJson(args)) {
      return;
    }
    cmd.getOut().print(JsonReport.error(kind, message, help) + System.lineSeparator());
    cmd.getOut().flush();
  }

  /** True when the last {@code --format} among the raw arguments is {@code json} (any case). */
  static boolean wantsJson(String[] args) {
    boolean json = false;
    for (int i = 0; i < args.length; i++) {
      String value = null;
      if (args[i].equals("--format") && i + 1 < args.length) {
        value = args[++i];
      } else if (args[i].startsWith("--format=")) {
        value = args[i].substring("--format=".length());
      }
      if (value != null) {
        json = value.equalsIgnoreCase("json");
      }
    }
    return json;
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
      return new String[] {"brickcheck " + number()};
    }

    /** The version alone, such as {@code 0.1.0}. */
    static String number() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = BrickcheckCli.class.getResourceAsStream("version.properties")) {
        if (in == null) {
          throw new IOException("version.properties is missing from the brickcheck jar");
        }
        properties.load(in);
      }
      return properties.getProperty("version");
    }
  }
}
