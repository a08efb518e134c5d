package net.switchboard.dht.record;

import net.switchboard.dht.identity.Id256;

/**
 * Decides which records a storage node accepts for one namespace (as libp2p's record validators
 * do). A storage node never needs to understand a record beyond this: it keeps what the validator
 * accepts and, between two valid records under one key, the one with the higher sequence number.
 *
 * <p>Implementations must be pure and fast: they run on every STORE and on every value a lookup
 * receives. They must never throw anything but {@link RecordRejectedException}.
 */
public interface NamespaceValidator {

  /** The namespace byte this validator owns (1 = signed mutable, 2 = contact records). */
  byte namespace();

  /**
   * Checks {@code value} stored under {@code key} at time {@code nowMillis}.
   *
   * @return the record's sequence number and absolute expiry
   * @throws RecordRejectedException naming why the record is refused (forged, oversize, expired...)
   */
  RecordMeta validate(Id256 key, byte[] value, long nowMillis) throws RecordRejectedException;
}
