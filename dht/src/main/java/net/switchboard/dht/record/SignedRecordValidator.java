package net.switchboard.dht.record;

import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.RecordRejectedException.Reason;
import net.switchboard.dht.identity.SignatureScheme;
import net.switchboard.dht.wire.ByteReader;

/** Validates namespace-1 {@link SignedRecord}s: layout, key binding, lifetime and signature. */
public final class SignedRecordValidator implements NamespaceValidator {
  private final long maxLifetimeMillis;
  private final SignatureScheme scheme;

  /** @param maxLifetimeMillis how far in the future an expiry may lie */
  public SignedRecordValidator(long maxLifetimeMillis) {
    this(maxLifetimeMillis, SignatureScheme.ed25519());
  }

  /** As above, verifying under {@code scheme} (the simulator's stand-in; Ed25519 elsewhere). */
  public SignedRecordValidator(long maxLifetimeMillis, SignatureScheme scheme) {
    this.scheme = scheme;
    if (maxLifetimeMillis <= 0) {
      throw new IllegalArgumentException("maxLifetimeMillis must be > 0, got " + maxLifetimeMillis);
    }
    this.maxLifetimeMillis = maxLifetimeMillis;
  }

  @Override
  public byte namespace() {
    return SignedRecord.NAMESPACE;
  }

  @Override
  public RecordMeta validate(Id256 key, byte[] value, long nowMillis) throws RecordRejectedException {
    if (value.length < SignedRecord.OVERHEAD) {
      throw new RecordRejectedException(Reason.MALFORMED, "signed record shorter than " + SignedRecord.OVERHEAD);
    }
    if (value.length > SignedRecord.OVERHEAD + SignedRecord.MAX_DATA_BYTES) {
      throw new RecordRejectedException(Reason.OVERSIZE, "signed record of " + value.length + " bytes");
    }
    var r = new ByteReader<>(value, m -> new RecordRejectedException(Reason.MALFORMED, m));
    byte[] pk = r.bytes(32, "public key");
    long seq = r.u64("seq");
    long expiresAt = r.u64("expiresAt");
    int dataLength = r.bytes16(SignedRecord.MAX_DATA_BYTES, "data").length;
    r.bytes(64, "signature");
    if (r.remaining() != 0) {
      throw new RecordRejectedException(Reason.MALFORMED, "length field disagrees with record size");
    }
    if (!Identity.nodeIdOf(pk).equals(key)) {
      throw new RecordRejectedException(Reason.WRONG_KEY, "record key is not SHA-256 of its public key");
    }
    if (seq < 0) {
      throw new RecordRejectedException(Reason.MALFORMED, "negative seq");
    }
    if (expiresAt <= nowMillis) {
      throw new RecordRejectedException(Reason.EXPIRED, "record expired");
    }
    if (expiresAt - nowMillis > maxLifetimeMillis) {
      throw new RecordRejectedException(Reason.TOO_FAR_FUTURE, "record expiry too far in the future");
    }
    if (!SignedRecord.signatureValid(key, value, seq, expiresAt, dataLength, scheme)) {
      throw new RecordRejectedException(Reason.BAD_SIGNATURE, "signature does not verify");
    }
    return new RecordMeta(seq, expiresAt);
  }
}
