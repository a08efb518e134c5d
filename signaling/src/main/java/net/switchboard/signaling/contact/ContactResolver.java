package net.switchboard.signaling.contact;

import net.switchboard.dht.DhtNode;
import net.switchboard.dht.identity.PrintedId;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.RecordRejectedException;
import net.switchboard.signaling.contact.ContactResolveException.Kind;

/**
 * The resolver's side: which storage keys to look up for an identity, and opening what comes back
 * (check it is that identity's, verify, decrypt). Pure apart from a small cache of derived keys
 * (deriving costs a scalar multiplication). Not shared between threads: each node (or command)
 * owns its resolver and uses it on its own thread.
 */
public final class ContactResolver {
  private static final int CACHE_ENTRIES = 1024;

  private final ContactPeriods periods;
  private final Map<ByteBuffer, ContactKeys> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, ContactKeys> eldest) {
          return size() > CACHE_ENTRIES;
        }
      };

  /** What to look up: a storage key and the period it belongs to. */
  public record LookupKey(Id256 storageKey, long period) {}

  public ContactResolver(ContactPeriods periods) {
    this.periods = periods;
  }

  public ContactPeriods periods() {
    return periods;
  }

  /**
   * The storage keys to look up for {@code identityPublicKey} at {@code nowMillis}: the current
   * period's, and within the window after a boundary also the previous period's.
   *
   * @throws IllegalArgumentException when {@code identityPublicKey} is not a valid Ed25519 key
   */
  public List<LookupKey> lookupKeys(byte[] identityPublicKey, long nowMillis) {
    List<LookupKey> out = new ArrayList<>(2);
    for (long p : periods.lookupPeriods(nowMillis)) {
      out.add(new LookupKey(keys(identityPublicKey, p).storageKey(), p));
    }
    return out;
  }

  /**
   * Verifies and decrypts one record found for {@code identityPublicKey}.
   *
   * @param self the resolver's own identity, needed to open restricted records
   * @throws ContactResolveException {@link Kind#WRONG_IDENTITY} when the record is not this
   *     identity's (for the current, previous or next period), {@link Kind#FORGED} when it claims
   *     to be but does not verify or decrypt, {@link Kind#EXPIRED}, {@link Kind#NOT_ALLOWED}
   * @throws IllegalArgumentException when {@code identityPublicKey} is not a valid Ed25519 key (a
   *     caller error: decode printed ids with {@code PrintedId.decode} first)
   */
  public ContactRecord open(byte[] identityPublicKey, DhtRecord record, long nowMillis, Optional<Identity> self)
      throws ContactResolveException {
    return open(identityPublicKey, record, nowMillis, self, false);
  }

  /**
   * {@link #open} for a record that a {@code DhtNode} returned from {@code get(key, }{@link
   * ContactEnvelope#NAMESPACE}{@code )}: that node's {@link ContactRecordValidator} has already
   * checked the blinded-key signature and that the storage key is the hash of the blinded key, so
   * it is not verified a second time (one Ed25519 verification, ~65 us, per resolve). Everything
   * that ties the record to this identity and period is still checked here, and the AEAD still
   * authenticates the payload under the identity-derived key.
   */
  public ContactRecord openFromDht(byte[] identityPublicKey, DhtRecord record, long nowMillis, Optional<Identity> self)
      throws ContactResolveException {
    return open(identityPublicKey, record, nowMillis, self, true);
  }

  private ContactRecord open(
      byte[] identityPublicKey, DhtRecord record, long nowMillis, Optional<Identity> self, boolean validatedByDht)
      throws ContactResolveException {
    if (record.namespace() != ContactEnvelope.NAMESPACE) {
      throw new ContactResolveException(Kind.WRONG_IDENTITY, "not a contact record (namespace " + record.namespace() + ")");
    }
    ContactEnvelope.Parts parts;
    try {
      parts = ContactEnvelope.parse(record.value());
    } catch (RecordRejectedException e) {
      throw new ContactResolveException(Kind.FORGED, "not a well-formed contact record: " + e.getMessage());
    }
    ContactKeys keys = matchingKeys(identityPublicKey, parts.blindedPublicKey(), nowMillis);
    if (keys == null || !keys.storageKey().equals(record.key())) {
      throw new ContactResolveException(Kind.WRONG_IDENTITY, "the record belongs to another identity or period");
    }
    if (!validatedByDht && !ContactEnvelope.signatureValid(keys.storageKey(), parts)) {
      throw new ContactResolveException(Kind.FORGED, "the blinded-key signature does not verify");
    }
    if (parts.expiresAtMillis() <= nowMillis) {
      throw new ContactResolveException(Kind.EXPIRED, "the record expired at " + parts.expiresAtMillis());
    }
    return PayloadCipher.open(keys, parts, self.orElse(null));
  }

  /**
   * Opens the freshest of several records found for one identity (highest seq first). When none
   * opens, throws the most telling error: NOT_ALLOWED, then EXPIRED, FORGED, WRONG_IDENTITY; with
   * no records at all, NOT_FOUND.
   */
  public ContactRecord openBest(
      byte[] identityPublicKey, Collection<DhtRecord> found, long nowMillis, Optional<Identity> self)
      throws ContactResolveException {
    return openBest(identityPublicKey, found, nowMillis, self, false);
  }

  /** {@link #openBest} for records a {@code DhtNode} returned (see {@link #openFromDht}). */
  public ContactRecord openBestFromDht(
      byte[] identityPublicKey, Collection<DhtRecord> found, long nowMillis, Optional<Identity> self)
      throws ContactResolveException {
    return openBest(identityPublicKey, found, nowMillis, self, true);
  }

  private ContactRecord openBest(byte[] identityPublicKey, Collection<DhtRecord> found, long nowMillis,
      Optional<Identity> self, boolean validatedByDht) throws ContactResolveException {
    List<DhtRecord> sorted = new ArrayList<>(found);
    sorted.sort(Comparator.comparingLong(DhtRecord::seq).thenComparingLong(DhtRecord::expiresAtMillis).reversed());
    ContactResolveException best = null;
    for (DhtRecord r : sorted) {
      try {
        return open(identityPublicKey, r, nowMillis, self, validatedByDht);
      } catch (ContactResolveException e) {
        if (best == null || rank(e.kind()) < rank(best.kind())) {
          best = e;
        }
      }
    }
    throw best != null ? best : new ContactResolveException(Kind.NOT_FOUND, "no contact record found");
  }

  private static int rank(Kind kind) {
    return switch (kind) {
      case NOT_ALLOWED -> 0;
      case EXPIRED -> 1;
      case FORGED -> 2;
      case WRONG_IDENTITY -> 3;
      case NOT_FOUND -> 4;
    };
  }

  private ContactKeys matchingKeys(byte[] identityPublicKey, byte[] blindedPublicKey, long nowMillis) {
    long p = periods.periodAt(nowMillis);
    for (long candidate : new long[] {p, p - 1, p + 1}) {
      ContactKeys k = keys(identityPublicKey, candidate);
      if (Arrays.equals(k.blindedPublicKey(), blindedPublicKey)) {
        return k;
      }
    }
    return null;
  }

  private ContactKeys keys(byte[] identityPublicKey, long period) {
    ByteBuffer id = ByteBuffer.allocate(40).put(identityPublicKey).putLong(period).flip();
    ContactKeys k = cache.get(id);
    if (k == null) {
      k = ContactKeys.derive(identityPublicKey, period, periods);
      cache.put(id, k);
    }
    return k;
  }
}
