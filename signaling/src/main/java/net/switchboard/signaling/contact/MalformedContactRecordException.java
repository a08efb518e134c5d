package net.switchboard.signaling.contact;

/** Bytes that are not a well-formed contact record; the message says what is wrong and where. */
public final class MalformedContactRecordException extends Exception {
  public MalformedContactRecordException(String message) {
    super(message, null, false, false); // routine on bad input: no stack trace
  }
}
