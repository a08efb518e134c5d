package net.switchboard.cli;

/** A command failed for a reason the user can act on; its message is printed as one line, with its exit code. */
public final class CliException extends RuntimeException {
  private final ExitCode exitCode;

  public CliException(String message) {
    this(ExitCode.FAILED, message, null);
  }

  public CliException(String message, Throwable cause) {
    this(ExitCode.FAILED, message, cause);
  }

  public CliException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The status the process exits with. */
  public ExitCode exitCode() {
    return exitCode;
  }
}
