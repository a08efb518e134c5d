package net.switchboard.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every error into one line on stderr: bad input exits 2 ("see --help"), a failed command
 * exits 1. Set {@code SWITCHBOARD_DEBUG=1} for stack traces.
 */
final class CliErrors {
  /** Exit code of a command that was well-formed but failed. */
  static final int FAILED = 1;

  private CliErrors() {}

  static int onBadInput(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + oneLine(e.getMessage())
        + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
    debug(cl, e);
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }

  static int onFailure(Exception e, CommandLine cl, ParseResult parsed) {
    Throwable cause = unwrap(e);
    String message = cause instanceof CliException || cause instanceof IOException
        ? cause.getMessage()
        : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + oneLine(message));
    debug(cl, e);
    return FAILED;
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException || t instanceof ExecutionException || t instanceof UncheckedIOException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static String oneLine(String s) {
    return s == null ? "failed" : s.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  private static void debug(CommandLine cl, Throwable e) {
    if (System.getenv("SWITCHBOARD_DEBUG") != null) {
      e.printStackTrace(cl.getErr());
    }
  }
}
