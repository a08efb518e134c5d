package net.switchboard.signaling.contact;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.wire.ByteReader;
import net.switchboard.dht.wire.ByteWriter;
import net.switchboard.signaling.contact.crypto.Hkdf;
import net.switchboard.signaling.contact.crypto.X25519Keys;

/**
 * Wraps a record's routes key to each allowed contact, in the manner of Tor's client
 * authorization (rend-spec-v3 section 2.5.1.2). Layout:
 *
 * <pre>
 * ephemeralX25519Pk(32) | slotCount(1) | slotCount x (slotId(8) | wrappedKey(32))
 * </pre>
 *
 * For contact C: {@code okm = HKDF-SHA256(ikm = X25519(esk, C), salt = epk || C, info =
 * "switchboard/v1/contact-auth" || blindedPk)}, 40 bytes; {@code slotId = okm[0..8]}, {@code
 * wrappedKey = routesKey XOR okm[8..40]}. Slots are padded with random ones to a multiple of
 * {@link #SLOT_BLOCK} and shuffled, so a reader learns at most the padded count, and a contact can
 * find its own slot without learning who the others are.
 */
final class RestrictedAccess {
  static final int SLOT_BYTES = 40;
  static final int SLOT_BLOCK = 4;
  static final int KEY_BYTES = 32;
  private static final byte[] INFO = "switchboard/v1/contact-auth".getBytes(StandardCharsets.US_ASCII);

  private RestrictedAccess() {}

  /** The wrapping header for {@code routesKey}. */
  static byte[] wrap(AccessList access, byte[] blindedPk, byte[] routesKey, RandomGenerator random) {
    byte[] esk = new byte[KEY_BYTES];
    random.nextBytes(esk);
    byte[] epk = X25519Keys.publicKey(esk);
    int real = access.size();
    int count = Math.max(SLOT_BLOCK, (real + SLOT_BLOCK - 1) / SLOT_BLOCK * SLOT_BLOCK);
    byte[][] slots = new byte[count][];
    for (int i = 0; i < real; i++) {
      byte[] contact = access.x25519Keys().get(i);
      byte[] shared = X25519Keys.agree(esk, contact);
      if (shared == null) {
        throw new IllegalStateException("allowed contact " + i + " has a low-order X25519 key");
      }
      byte[] okm = derive(shared, epk, contact, blindedPk);
      for (int j = 0; j < KEY_BYTES; j++) {
        okm[8 + j] ^= routesKey[j];
      }
      slots[i] = okm;
    }
    for (int i = real; i < count; i++) {
      slots[i] = new byte[SLOT_BYTES];
      random.nextBytes(slots[i]);
    }
    for (int i = count - 1; i > 0; i--) { // Fisher-Yates: slot order says nothing
      int j = random.nextInt(i + 1);
      byte[] t = slots[i];
      slots[i] = slots[j];
      slots[j] = t;
    }
    Arrays.fill(esk, (byte) 0);
    ByteWriter out = new ByteWriter(KEY_BYTES + 1 + count * SLOT_BYTES).bytes(epk).u8(count);
    for (byte[] slot : slots) {
      out.bytes(slot);
    }
    return out.toByteArray();
  }

  /** A header as read: the ephemeral key and the slots, still wrapped. */
  record Header(byte[] ephemeralKey, byte[] slots) {
    int count() {
      return slots.length / SLOT_BYTES;
    }
  }

  /** Reads a header, refusing a truncated one with the reader's exception. */
  static <E extends Exception> Header read(ByteReader<E> in) throws E {
    byte[] epk = in.bytes(KEY_BYTES, "access header key");
    int count = in.u8("access slot count");
    return new Header(epk, in.bytes(count * SLOT_BYTES, "access slots"));
  }

  /**
   * The routes keys {@code self} could unwrap from {@code header}: one per slot whose id matches
   * (almost always zero or one).
   */
  static byte[][] unwrap(Header header, Identity self, byte[] blindedPk) {
    byte[] epk = header.ephemeralKey();
    byte[] seed = self.secretKey();
    byte[] sk = X25519Keys.secretKeyFromEd25519(seed);
    Arrays.fill(seed, (byte) 0);
    byte[] mine = X25519Keys.publicKey(sk);
    byte[] shared = X25519Keys.agree(sk, epk);
    Arrays.fill(sk, (byte) 0);
    if (shared == null) {
      return new byte[0][];
    }
    byte[] okm = derive(shared, epk, mine, blindedPk);
    byte[] slots = header.slots();
    byte[][] found = new byte[header.count()][];
    int n = 0;
    for (int i = 0; i < header.count(); i++) {
      int slot = i * SLOT_BYTES;
      if (Arrays.equals(slots, slot, slot + 8, okm, 0, 8)) {
        byte[] key = new byte[KEY_BYTES];
        for (int j = 0; j < KEY_BYTES; j++) {
          key[j] = (byte) (slots[slot + 8 + j] ^ okm[8 + j]);
        }
        found[n++] = key;
      }
    }
    return Arrays.copyOf(found, n);
  }

  private static byte[] derive(byte[] shared, byte[] epk, byte[] contact, byte[] blindedPk) {
    byte[] salt = new ByteWriter(2 * KEY_BYTES).bytes(epk).bytes(contact).toByteArray();
    byte[] info = new ByteWriter(INFO.length + blindedPk.length).bytes(INFO).bytes(blindedPk).toByteArray();
    byte[] okm = Hkdf.sha256(shared, salt, info, SLOT_BYTES);
    Arrays.fill(shared, (byte) 0);
    return okm;
  }
}
