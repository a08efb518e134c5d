package net.switchboard.signaling.e2e;

/** An inbound envelope was refused; the caller drops it and counts {@link #reason()}. */
public final class EnvelopeRejectedException extends Exception {
  /** Why an envelope was refused. */
  public enum Reason {
    /** Too short, unknown version or kind. */
    MALFORMED,
    /** Addressed to another identity. */
    NOT_FOR_US,
    /** AEAD or signature check failed: altered in transit, or forged. */
    FORGED,
    /** Timestamp outside the accepted window. */
    STALE,
    /** Same sender and message id seen before. */
    REPLAYED,
    /** A sender not yet known, while the replay guard tracks as many senders as it may. */
    BUSY
  }

  private final Reason reason;

  public EnvelopeRejectedException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
