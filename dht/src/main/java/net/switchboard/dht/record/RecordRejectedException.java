package net.switchboard.dht.record;

/** A record a validator refuses; {@link #reason()} is a short machine-readable code. */
public final class RecordRejectedException extends Exception {
  private final Reason reason;

  public RecordRejectedException(Reason reason, String message) {
    super(message, null, false, false); // no stack trace: refusals are routine, not bugs
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** Why a record was refused. */
  public enum Reason {
    UNKNOWN_NAMESPACE,
    MALFORMED,
    OVERSIZE,
    BAD_SIGNATURE,
    WRONG_KEY,
    EXPIRED,
    TOO_FAR_FUTURE,
    STALE_SEQ
  }
}
