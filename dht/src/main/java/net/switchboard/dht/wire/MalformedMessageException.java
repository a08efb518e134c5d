package net.switchboard.dht.wire;

/** A datagram that is not a valid message; it is dropped and counted, never propagated. */
public final class MalformedMessageException extends Exception {
  public MalformedMessageException(String message) {
    super(message, null, false, false); // routine: no stack trace
  }
}
