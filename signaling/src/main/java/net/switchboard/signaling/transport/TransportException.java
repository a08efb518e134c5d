package net.switchboard.signaling.transport;

import net.switchboard.signaling.e2e.SignalingEnvelope;

/** A transport could not deliver an envelope. */
public final class TransportException extends RuntimeException {
  /** Why delivery failed. */
  public enum Reason {
    /** The transport has no way to reach this contact (nothing in its record for it). */
    NOT_APPLICABLE,
    /** No acknowledgement in time: offline, unreachable, or refusing (indistinguishable on purpose). */
    NO_ACKNOWLEDGEMENT,
    /** Too large for this transport. */
    TOO_LARGE,
    /** Every transport the contact lists failed. */
    ALL_FAILED
  }

  private final Reason reason;

  public TransportException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public TransportException(Reason reason, String message, Throwable cause) {
    super(message, cause, false, false);
    this.reason = reason;
  }

  /** The refusal every transport gives an envelope over {@code SignalingEnvelope.MAX_ENVELOPE_BYTES}. */
  public static TransportException tooLarge(int bytes) {
    return new TransportException(Reason.TOO_LARGE,
        bytes + " bytes exceed " + net.switchboard.signaling.e2e.SignalingEnvelope.MAX_ENVELOPE_BYTES);
  }

  public Reason reason() {
    return reason;
  }
}
