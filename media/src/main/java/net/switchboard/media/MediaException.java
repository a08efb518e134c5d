package net.switchboard.media;

/** A media operation failed: a native call reported an error, a budget ran out, a file was bad. */
public class MediaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message. */
  public MediaException(String message) {
    super(message);
  }

  /** With a message and a cause. */
  public MediaException(String message, Throwable cause) {
    super(message, cause);
  }
}
