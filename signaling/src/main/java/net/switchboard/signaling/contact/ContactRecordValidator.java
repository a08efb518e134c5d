package net.switchboard.signaling.contact;


import net.switchboard.dht.identity.Id256;
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
  private final long maxLifetimeMillis;

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
    if (!ContactEnvelope.signatureValid(key, parts)) {
      throw new RecordRejectedException(Reason.BAD_SIGNATURE, "blinded-key signature does not verify");
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
