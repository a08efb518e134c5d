package net.switchboard.signaling.contact;


import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.NamespaceValidator;
import net.switchboard.dht.record.RecordMeta;
import net.switchboard.dht.record.RecordRejectedException;
import net.switchboard.dht.record.RecordRejectedException.Reason;

/**
 * What a storage node checks of a contact record (namespace 2), without the identity and without
 * decrypting anything: size, layout, that the key is SHA-256 of the blinded public key, that the
 * expiry is neither past nor too far ahead, and the blinded key's signature. Refusing an older seq
 * is the store's job (it keeps the highest); {@link #fresher} states that order.
 */
public final class ContactRecordValidator implements NamespaceValidator {
  /** Records whose signature verified lately, by SHA-256 of key and value. */
  private static final int VERIFIED_CACHE = 8192;

  private final long maxLifetimeMillis;
  /**
   * A node receives the same record again and again (each holder's hourly republish, hand-offs
   * to newcomers); its Ed25519 verification (~65 us) is then a cache hit (a hash, ~1 us). Only
   * valid signatures are remembered, keyed by the full bytes, so a hit proves what a verification
   * would. Caffeine: thread-safe, and its admission policy changes only CPU, never an outcome.
   */
  private final Cache<Id256, Boolean> verified = Caffeine.newBuilder().maximumSize(VERIFIED_CACHE).build();

  /** @param maxLifetimeMillis how far after {@code now} an expiry may lie */
  public ContactRecordValidator(long maxLifetimeMillis) {
    if (maxLifetimeMillis <= 0) {
      throw new IllegalArgumentException("maxLifetimeMillis must be > 0, got " + maxLifetimeMillis);
    }
    this.maxLifetimeMillis = maxLifetimeMillis;
  }

  /** A validator allowing {@link ContactPeriods#maxLifetimeMillis()}. */
  public static ContactRecordValidator forPeriods(ContactPeriods periods) {
    return new ContactRecordValidator(periods.maxLifetimeMillis());
  }

  @Override
  public byte namespace() {
    return ContactEnvelope.NAMESPACE;
  }

  @Override
  public RecordMeta validate(Id256 key, byte[] value, long nowMillis) throws RecordRejectedException {
    ContactEnvelope.Parts parts = ContactEnvelope.parse(value);
    if (key == null || !ContactEnvelope.storageKeyOf(parts.blindedPublicKey()).equals(key)) {
      throw new RecordRejectedException(Reason.WRONG_KEY, "key is not SHA-256 of the record's blinded key");
    }
    if (parts.expiresAtMillis() <= nowMillis) {
      throw new RecordRejectedException(Reason.EXPIRED, "contact record expired");
    }
    if (parts.expiresAtMillis() - nowMillis > maxLifetimeMillis) {
      throw new RecordRejectedException(Reason.TOO_FAR_FUTURE, "contact record expiry too far in the future");
    }
    Id256 digest = Id256.of(Identity.sha256(key.toBytes(), value));
    if (verified.getIfPresent(digest) == null) {
      if (!ContactEnvelope.signatureValid(key, parts)) {
        throw new RecordRejectedException(Reason.BAD_SIGNATURE, "blinded-key signature does not verify");
      }
      verified.put(digest, Boolean.TRUE);
    }
    return new RecordMeta(parts.seq(), parts.expiresAtMillis());
  }

  /**
   * Of two valid records under one key, the one a store keeps: the higher seq; on equal seq the
   * later expiry; on a full tie {@code a}. (The DHT {@code RecordStore} applies the same order.)
   */
  public static DhtRecord fresher(DhtRecord a, DhtRecord b) {
    if (a.seq() != b.seq()) {
      return a.seq() > b.seq() ? a : b;
    }
    if (a.expiresAtMillis() != b.expiresAtMillis()) {
      return a.expiresAtMillis() > b.expiresAtMillis() ? a : b;
    }
    return a;
  }

  /** Whether a store holding {@code held} would replace it with {@code incoming}: strictly fresher. */
  public static boolean supersedes(DhtRecord incoming, DhtRecord held) {
    return incoming.seq() > held.seq()
        || (incoming.seq() == held.seq() && incoming.expiresAtMillis() > held.expiresAtMillis());
  }
}
