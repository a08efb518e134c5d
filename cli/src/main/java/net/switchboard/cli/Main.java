package net.switchboard.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Entry point of the {@code switchboard} executable. Every subcommand is listed in the {@code
 * subcommands} of the annotation below; a new command is one class plus one entry there.
 */
@Command(
    name = "switchboard",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Find and call people by public key over a Kademlia DHT, with no central server.",
    subcommands = {
      NodeCommand.class,
      IdCommand.class,
      net.switchboard.cli.bench.BenchCommand.class,
      ResolveCommand.class,
      ContactsCommand.class,
      SimulateCliCommand.class,
      net.switchboard.cli.CallCommand.class,
      DemoCommand.class,
      // new commands: add their classes here
      CommandLine.HelpCommand.class,
    })
public final class Main implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Without a subcommand there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "missing command: one of "
        + String.join(", ", spec.subcommands().keySet()));
  }

  /**
   * Runs the command line and exits with its exit code. With {@code -Dswitchboard.stdout=PATH}
   * (the launcher passes its saved stdout, having pointed fd 1 at stderr) the command's output goes
   * there, so nothing a native library prints on fd 1 can mix into it.
   */
  public static void main(String[] args) {
    String stdout = System.getProperty("switchboard.stdout");
    if (stdout != null) {
      try {
        System.setOut(new PrintStream(new FileOutputStream(stdout, true), true, StandardCharsets.UTF_8));
      } catch (IOException e) {
        System.err.println("switchboard: cannot write to " + stdout + " (" + e.getMessage() + "); using fd 1");
      }
    }
    System.exit(execute(args));
  }

  /** Runs the command line on stdout/stderr and returns the exit code. */
  public static int execute(String... args) {
    return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
  }

  /** The configured command line writing to {@code out} and {@code err} (tests capture both). */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setParameterExceptionHandler(CliErrors::onBadInput);
    cl.setExecutionExceptionHandler(CliErrors::onFailure);
    return cl;
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"switchboard " + (v == null ? "(development build)" : v)};
    }
  }
}
