package net.switchboard.cli;

/** A command failed for a reason the user can act on; its message is printed as one line. */
public final class CliException extends RuntimeException {
  public CliException(String message) {
    super(message);
  }

  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
