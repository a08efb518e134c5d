package net.switchboard.cli;

import java.io.IOException;
import java.util.Arrays;
import net.switchboard.seam.Failures;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every error that reaches picocli into the one error shape ({@link ErrorOutput}): bad
 * input exits {@link ExitCode#BAD_INPUT} ("see --help"), a failed command {@link
 * ExitCode#FAILED}. Set {@code SWITCHBOARD_DEBUG=1} for stack traces.
 */
final class CliErrors {
  private CliErrors() {}

  static int onBadInput(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    String name = cl.getCommandSpec().qualifiedName();
    debug(cl, e);
    return ErrorOutput.fail(name, ExitCode.BAD_INPUT, ErrorOutput.oneLine(e.getMessage()) + " (see '" + name + " --help')",
        wantsJson(args), cl.getOut(), cl.getErr());
  }

  static int onFailure(Exception e, CommandLine cl, ParseResult parsed) {
    Throwable cause = Failures.unwrap(e);
    String message = cause instanceof CliException || cause instanceof IOException
        || cause instanceof net.switchboard.media.MediaException
        || cause instanceof net.switchboard.overlay.node.NodeStartException
        ? cause.getMessage()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    debug(cl, e);
    ExitCode code = cause instanceof CliException c ? c.exitCode() : ExitCode.FAILED;
    return ErrorOutput.fail(cl.getCommandSpec().qualifiedName(), code, message,
        wantsJson(parsed.originalArgs().toArray(String[]::new)), cl.getOut(), cl.getErr());
  }

  private static boolean wantsJson(String[] args) {
    return args != null && Arrays.asList(args).contains("--json");
  }

  private static void debug(CommandLine cl, Throwable e) {
    if (System.getenv("SWITCHBOARD_DEBUG") != null) {
      e.printStackTrace(cl.getErr());
    }
  }
}
