package net.switchboard.signaling.contact;

/**
 * A decrypted contact record: how to reach the publisher, versioned by {@code seq} (the highest
 * wins) and valid until {@code expiresAtMillis}.
 */
public record ContactRecord(Reachability reachability, long seq, long expiresAtMillis) {

  /** @throws IllegalArgumentException on a negative seq */
  public ContactRecord {
    if (reachability == null) {
      throw new IllegalArgumentException("reachability must not be null");
    }
    if (seq < 0) {
      throw new IllegalArgumentException("seq must be >= 0, got " + seq);
    }
  }

  /** True when the record is still valid at {@code nowMillis}. */
  public boolean liveAt(long nowMillis) {
    return expiresAtMillis > nowMillis;
  }
}
