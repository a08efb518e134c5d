package net.switchboard.dht.session;

/** A session packet that does not parse; the layer drops it and counts it. */
final class MalformedSessionPacketException extends Exception {
  MalformedSessionPacketException(String message) {
    super(message, null, false, false);
  }
}
