package net.switchboard.overlay.persist;

import java.io.IOException;

/** A key file that cannot be used; the message says why and what to do, in one line. */
public final class KeyFileException extends IOException {
  public KeyFileException(String message) {
    super(message);
  }

  public KeyFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
