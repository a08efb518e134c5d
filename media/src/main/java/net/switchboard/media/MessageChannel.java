package net.switchboard.media;

/**
 * The few data channel operations the chat and file protocols need; lets them be tested without
 * native code. Implementations are called from the peer's serial executor only.
 */
interface MessageChannel {

  /** Sends one UTF-8 text message. */
  void sendText(String text);

  /** Sends one binary message; the array is sent whole, so it must be exactly the message. */
  void sendBinary(byte[] message);

  /** Bytes queued in the channel and not yet sent. */
  long bufferedAmount();

  /** True while messages can be sent. */
  boolean isOpen();
}
