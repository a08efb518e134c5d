package net.switchboard.signaling.contact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;

/**
 * Builds the signed, blinded, encrypted DHT records of one identity's contact record. Pure: time is
 * an argument and randomness is injected; the caller stores what {@link #recordsToPublish} returns
 * at start, after every change, and again at {@link #nextRefreshAtMillis}.
 *
 * <p>The sequence number is {@code max(previous + 1, nowMillis)} at every publish, so it keeps
 * growing across restarts without being persisted (as long as the clock does not run backwards),
 * and it is never a stable value that would link one publisher's records across periods.
 * Not thread-safe: drive it from one thread or event loop.
 */
public final class ContactPublisher {
  /** Default record lifetime; refreshed at half of it. */
  public static final long DEFAULT_TTL_MILLIS = 4L * 60 * 60 * 1000;

  private final Identity identity;
  private final ContactPeriods periods;
  private final long ttlMillis;
  private final RandomGenerator random;
  private final Map<Long, ContactKeys> keysByPeriod = new LinkedHashMap<>();
  private Reachability reachability;
  private AccessList access; // null: open to anyone who knows the identity
  private long seq;

  /**
   * @param identity the publisher's identity (it signs with its blinded keys)
   * @param periods the network's period settings
   * @param ttlMillis how long each published record lives (at most one period)
   * @param random randomness for nonces and ephemeral keys (SecureRandom in production)
   * @param reachability the initial content, e.g. {@link Reachability#viaOwnNode}
   */
  public ContactPublisher(
      Identity identity, ContactPeriods periods, long ttlMillis, RandomGenerator random, Reachability reachability) {
    if (ttlMillis <= 0 || ttlMillis > periods.periodMillis()) {
      throw new IllegalArgumentException(
          "ttlMillis must be in (0, periodMillis = " + periods.periodMillis() + "], got " + ttlMillis);
    }
    this.identity = identity;
    this.periods = periods;
    this.ttlMillis = ttlMillis;
    this.random = random;
    this.reachability = reachability;
  }

  /** A publisher with default periods and ttl, reachable through its own node id. */
  public static ContactPublisher forNode(Identity identity, RandomGenerator random) {
    return new ContactPublisher(identity, ContactPeriods.defaults(), DEFAULT_TTL_MILLIS, random,
        Reachability.viaOwnNode(identity.nodeId()));
  }

  /** Replaces the content; publish again to spread it. */
  public void update(Reachability newReachability) {
    this.reachability = newReachability;
  }

  /** Restricted mode: only {@code allowList} can read the reachability part of the next records. */
  public void restrictTo(AccessList allowList) {
    this.access = allowList;
  }

  /** Open mode: anyone who knows the identity public key can read the next records. */
  public void openToAll() {
    this.access = null;
  }

  public Reachability reachability() {
    return reachability;
  }

  public boolean restricted() {
    return access != null;
  }

  /** The seq of the last records published (0 before the first). */
  public long seq() {
    return seq;
  }

  /**
   * The records to store now: one for the current period, plus one for the next period when its
   * boundary is within the window. Each expires after the ttl, but never later than its period's
   * end plus the window. Advances the seq, so these supersede every earlier record.
   *
   * @throws IllegalArgumentException when the record does not fit in 2 KiB (too many routes or
   *     allowed contacts)
   */
  public List<DhtRecord> recordsToPublish(long nowMillis) {
    long[] ps = periods.publishPeriods(nowMillis);
    seq = Math.max(seq + 1, nowMillis);
    List<DhtRecord> out = new ArrayList<>(ps.length);
    for (long p : ps) {
      long expiresAt = Math.min(nowMillis + ttlMillis, periods.endOf(p) + periods.windowMillis());
      ContactKeys keys = keysFor(p);
      ContactRecord record = new ContactRecord(reachability, seq, expiresAt);
      byte[] ciphertext = PayloadCipher.seal(keys, record, access, random);
      out.add(ContactEnvelope.seal(keys, identity, seq, expiresAt, ciphertext));
    }
    return out;
  }

  /** The storage keys {@link #recordsToPublish} would use at {@code nowMillis} (for holder audits). */
  public List<Id256> storageKeys(long nowMillis) {
    List<Id256> out = new ArrayList<>(2);
    for (long p : periods.publishPeriods(nowMillis)) {
      out.add(keysFor(p).storageKey());
    }
    return out;
  }

  /**
   * When to publish again if nothing changes: after half the ttl, or when the next period's window
   * opens, whichever comes first.
   */
  public long nextRefreshAtMillis(long nowMillis) {
    long next = nowMillis + ttlMillis / 2;
    long windowOpens = periods.endOf(periods.periodAt(nowMillis)) - periods.windowMillis();
    return windowOpens > nowMillis ? Math.min(next, windowOpens) : next;
  }

  private ContactKeys keysFor(long period) {
    ContactKeys keys = keysByPeriod.get(period);
    if (keys == null) {
      keys = ContactKeys.derive(identity.publicKey(), period, periods);
      keysByPeriod.put(period, keys);
      while (keysByPeriod.size() > 3) {
        keysByPeriod.remove(keysByPeriod.keySet().iterator().next());
      }
    }
    return keys;
  }
}
