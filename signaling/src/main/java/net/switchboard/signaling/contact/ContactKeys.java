package net.switchboard.signaling.contact;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.wire.ByteWriter;
import net.switchboard.signaling.contact.blind.Edwards25519;
import net.switchboard.signaling.contact.blind.KeyBlinding;
import net.switchboard.signaling.contact.crypto.Aead;
import net.switchboard.signaling.contact.crypto.Hkdf;
import net.switchboard.signaling.contact.crypto.StrictPublicKeys;

/**
 * Everything derived from an identity public key for one period, all computable by anyone who
 * knows that key and by nobody else:
 *
 * <ul>
 *   <li>blind key {@code bk = SHA-256("switchboard/v1/contact-blind-key" || identityPk)} and context
 *       {@code ctx = "switchboard/v1/contact-period" || periodMillis(8) || period(8)}; the draft's
 *       {@code BlindPublicKey(identityPk, bk, ctx)} gives the blinded key
 *   <li>storage key {@code SHA-256(blindedPk)}
 *   <li>payload key {@code HKDF-SHA256(ikm = identityPk, salt = "switchboard/v1/contact-record",
 *       info = "payload-key" || periodMillis(8) || period(8))}
 * </ul>
 *
 * Because the blind key needs the identity key, the blinded key of one period cannot be linked to
 * the identity or to another period's blinded key without it.
 */
public final class ContactKeys {
  /** The namespace string; also the signature domain and HKDF salt. */
  public static final String NAMESPACE = "switchboard/v1/contact-record";
  private static final byte[] BLIND_KEY_DOMAIN = ascii("switchboard/v1/contact-blind-key");
  private static final byte[] CONTEXT_DOMAIN = ascii("switchboard/v1/contact-period");
  private static final byte[] SALT = ascii(NAMESPACE);
  private static final byte[] PAYLOAD_INFO = ascii("payload-key");

  private final long period;
  private final byte[] blindKey;
  private final byte[] context;
  private final byte[] blindedPublicKey;
  private final Id256 storageKey;
  private final byte[] payloadKey;

  private ContactKeys(byte[] identityPublicKey, Edwards25519.Point identityPoint, long period, long periodMillis) {
    this.period = period;
    this.blindKey = Identity.sha256(BLIND_KEY_DOMAIN, identityPublicKey);
    this.context = periodBytes(CONTEXT_DOMAIN, period, periodMillis);
    this.blindedPublicKey = KeyBlinding.blindPublicKey(identityPoint, blindKey, context);
    this.storageKey = Id256.of(Identity.sha256(blindedPublicKey));
    this.payloadKey = Hkdf.sha256(identityPublicKey, SALT, periodBytes(PAYLOAD_INFO, period, periodMillis), Aead.KEY_BYTES);
  }

  /**
   * Derives the keys of {@code identityPublicKey} for {@code period}. Costs one variable-base
   * scalar multiplication (~70 us); callers that repeat it should cache.
   *
   * <p>The key must pass {@link StrictPublicKeys} (prime order): the same rule as every other
   * identity key, at the cost of a second scalar multiplication on a cold resolve.
   *
   * @throws IllegalArgumentException when the identity key is not a valid Ed25519 public key
   */
  public static ContactKeys derive(byte[] identityPublicKey, long period, ContactPeriods periods) {
    if (identityPublicKey.length != 32) {
      throw new IllegalArgumentException("an identity public key is 32 bytes, got " + identityPublicKey.length);
    }
    if (!StrictPublicKeys.valid(identityPublicKey)) {
      throw new IllegalArgumentException("not a valid Ed25519 public key (off the curve, or not of prime order)");
    }
    Edwards25519.Point point;
    try {
      point = Edwards25519.decode(identityPublicKey);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a valid Ed25519 public key (" + e.getMessage() + ")");
    }
    return new ContactKeys(identityPublicKey, point, period, periods.periodMillis());
  }

  public long period() {
    return period;
  }

  /** The blinded Ed25519 public key records of this period are signed with. */
  public byte[] blindedPublicKey() {
    return blindedPublicKey.clone();
  }

  /** The DHT key records of this period are stored under: SHA-256 of the blinded public key. */
  public Id256 storageKey() {
    return storageKey;
  }

  byte[] payloadKey() {
    return payloadKey;
  }

  /** Signs with the blinded secret key (draft BlindKeySign); {@code identity} must own the keys. */
  byte[] sign(Identity identity, byte[] message) {
    byte[] sk = identity.secretKey();
    try {
      return KeyBlinding.blindKeySign(sk, blindKey, context, message);
    } finally {
      Arrays.fill(sk, (byte) 0);
    }
  }

  private static byte[] periodBytes(byte[] prefix, long period, long periodMillis) {
    return new ByteWriter(prefix.length + 16).bytes(prefix).u64(periodMillis).u64(period).toByteArray();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
