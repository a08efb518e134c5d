package net.switchboard.signaling.call;

/** A decrypted, authenticated body is not a call message this version understands; dropped and counted. */
public final class MalformedCallMessageException extends Exception {
  public MalformedCallMessageException(String message) {
    super(message, null, false, false);
  }
}
