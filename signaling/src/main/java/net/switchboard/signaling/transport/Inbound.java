package net.switchboard.signaling.transport;

/**
 * One envelope that arrived on a transport. The receiver opens it and, only if it wants the sender
 * to know it arrived, calls {@link #acknowledge}. Not acknowledging is how a receiver refuses
 * without a trace: the sender's {@link SignalingTransport#send} then fails exactly as it would for
 * an unreachable or silent destination.
 */
public interface Inbound {
  /** The envelope bytes as received. */
  byte[] envelope();

  /** Name of the transport it came on ({@link SignalingTransport#name()}). */
  String transport();

  /** Tells the sender the envelope was delivered; only the first call has an effect. */
  void acknowledge();
}
