package net.switchboard.signaling.contact;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.wire.ByteReader;
import net.switchboard.dht.wire.ByteWriter;
import net.switchboard.signaling.contact.ContactResolveException.Kind;
import net.switchboard.signaling.contact.crypto.Aead;

/**
 * The encrypted payload of a contact record. Ciphertext = {@code nonce(12) | AES-256-GCM(payloadKey,
 * nonce, aad, inner)} with {@code aad = "switchboard/v1/contact-payload" || blindedPk || seq ||
 * expiresAt}, where {@code inner} is:
 *
 * <pre>
 * mode(1) = 0 (open)        | record            (ContactRecordCodec)
 * mode(1) = 1 (restricted)  | access header     (RestrictedAccess)
 *                           | AES-256-GCM(routesKey, nonce = 0^12, aad', record)
 * </pre>
 *
 * {@code routesKey} is fresh and random per record, so its all-zero nonce is used once; {@code aad'}
 * is {@code "switchboard/v1/contact-routes" || blindedPk || seq || expiresAt}.
 */
final class PayloadCipher {
  static final byte MODE_OPEN = 0;
  static final byte MODE_RESTRICTED = 1;
  private static final byte[] OUTER_AAD = "switchboard/v1/contact-payload".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] INNER_AAD = "switchboard/v1/contact-routes".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ZERO_NONCE = new byte[Aead.NONCE_BYTES];

  private PayloadCipher() {}

  /** Encrypts {@code record}; {@code access} null means open mode. */
  static byte[] seal(ContactKeys keys, ContactRecord record, AccessList access, RandomGenerator random) {
    byte[] bpk = keys.blindedPublicKey();
    byte[] body = ContactRecordCodec.encode(record);
    byte[] inner;
    if (access == null) {
      inner = new ByteWriter(1 + body.length).u8(MODE_OPEN).bytes(body).toByteArray();
    } else {
      byte[] routesKey = new byte[Aead.KEY_BYTES];
      random.nextBytes(routesKey);
      byte[] header = RestrictedAccess.wrap(access, bpk, routesKey, random);
      byte[] sealed = Aead.seal(routesKey, ZERO_NONCE, aad(INNER_AAD, bpk, record.seq(), record.expiresAtMillis()), body);
      Arrays.fill(routesKey, (byte) 0);
      inner = new ByteWriter(1 + header.length + sealed.length)
          .u8(MODE_RESTRICTED).bytes(header).bytes(sealed).toByteArray();
    }
    byte[] nonce = new byte[Aead.NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] ct = Aead.seal(keys.payloadKey(), nonce, aad(OUTER_AAD, bpk, record.seq(), record.expiresAtMillis()), inner);
    return new ByteWriter(nonce.length + ct.length).bytes(nonce).bytes(ct).toByteArray();
  }

  /**
   * Decrypts an authentic envelope's ciphertext. {@code self} may be null (then a restricted record
   * gives {@link Kind#NOT_ALLOWED}).
   */
  static ContactRecord open(ContactKeys keys, ContactEnvelope.Parts parts, Identity self) throws ContactResolveException {
    byte[] ct = parts.ciphertext();
    byte[] bpk = parts.blindedPublicKey();
    if (ct.length < Aead.NONCE_BYTES + Aead.TAG_BYTES + 1) {
      throw forged("ciphertext too short");
    }
    byte[] inner;
    try {
      inner = Aead.open(keys.payloadKey(), Arrays.copyOf(ct, Aead.NONCE_BYTES),
          aad(OUTER_AAD, bpk, parts.seq(), parts.expiresAtMillis()), ct, Aead.NONCE_BYTES, ct.length - Aead.NONCE_BYTES);
    } catch (Aead.AuthenticationFailedException e) {
      throw forged("payload does not decrypt under this identity's key");
    }
    var in = new ByteReader<>(inner, PayloadCipher::forged);
    int mode = in.u8("payload mode");
    byte[] body;
    if (mode == MODE_OPEN) {
      body = in.rest();
    } else if (mode == MODE_RESTRICTED) {
      body = openRestricted(in, bpk, parts, self);
    } else {
      throw forged("unknown payload mode " + mode);
    }
    ContactRecord record;
    try {
      record = ContactRecordCodec.decode(body);
    } catch (MalformedContactRecordException e) {
      throw forged("malformed record: " + e.getMessage());
    }
    if (record.seq() != parts.seq() || record.expiresAtMillis() != parts.expiresAtMillis()) {
      throw forged("record seq/expiry disagree with the signed envelope");
    }
    return record;
  }

  private static byte[] openRestricted(ByteReader<ContactResolveException> in, byte[] bpk, ContactEnvelope.Parts parts,
      Identity self) throws ContactResolveException {
    RestrictedAccess.Header header = RestrictedAccess.read(in);
    if (self == null) {
      throw new ContactResolveException(Kind.NOT_ALLOWED, "the record is restricted to an allow list");
    }
    byte[] aad = aad(INNER_AAD, bpk, parts.seq(), parts.expiresAtMillis());
    byte[] sealed = in.rest();
    for (byte[] routesKey : RestrictedAccess.unwrap(header, self, bpk)) {
      try {
        return Aead.open(routesKey, ZERO_NONCE, aad, sealed, 0, sealed.length);
      } catch (Aead.AuthenticationFailedException e) {
        // a slot-id collision with someone else's slot: try the next match
      }
    }
    throw new ContactResolveException(Kind.NOT_ALLOWED, "this identity is not on the record's allow list");
  }

  private static byte[] aad(byte[] domain, byte[] bpk, long seq, long expiresAt) {
    return new ByteWriter(domain.length + 32 + 16).bytes(domain).bytes(bpk).u64(seq).u64(expiresAt).toByteArray();
  }

  private static ContactResolveException forged(String why) {
    return new ContactResolveException(Kind.FORGED, why);
  }
}
