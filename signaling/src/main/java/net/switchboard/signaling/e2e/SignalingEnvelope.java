package net.switchboard.signaling.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import net.switchboard.dht.identity.Ed25519Keys;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.wire.ByteReader;
import net.switchboard.dht.wire.ByteWriter;
import net.switchboard.signaling.contact.crypto.Aead;
import net.switchboard.signaling.contact.crypto.Hkdf;
import net.switchboard.signaling.contact.crypto.X25519Keys;

/**
 * Seals and opens signaling envelopes (see docs/wire-format.md, "Signaling envelope").
 *
 * <pre>
 * header  = version(1)=1 | kind(1)=0x01 | recipientId(32) | ephemeralX25519(32)
 * k       = HKDF-SHA256(ikm = X25519(eph, X(recipientPk)), salt = eph || X(recipientPk), info = KEY_INFO)
 * body    = AES-256-GCM(k, nonce 0..01, aad = header, timestamp(8) | messageId(16) | plaintext)
 * sig     = Ed25519(sender, SIG_DOMAIN | senderPk | recipientPk | eph | timestamp | messageId | body)
 * seal    = AES-256-GCM(k, nonce 0..02, aad = header | body, senderPk(32) | sig(64))
 * wire    = header | seal(112) | body
 * </pre>
 *
 * The signature covers the ciphertext and is itself encrypted: a relay cannot test guessed sender
 * keys against it, and binding the recipient key and ephemeral key stops the recipient from
 * re-sending a signed message to someone else as if it were addressed to them.
 */
public final class SignalingEnvelope {
  public static final int VERSION = 1;
  /** Kind byte of a signaling envelope; lets a routed-payload demultiplexer tell it apart. */
  public static final int KIND = 0x01;
  public static final int MESSAGE_ID_BYTES = 16;
  static final int HEADER_BYTES = 2 + Id256.BYTES + X25519Keys.KEY_BYTES;
  static final int SEAL_BYTES = Ed25519Keys.PUBLIC_KEY_BYTES + Ed25519Keys.SIGNATURE_BYTES + Aead.TAG_BYTES;
  static final int INNER_PREFIX_BYTES = 8 + MESSAGE_ID_BYTES;
  /** Bytes an envelope adds to its plaintext. */
  public static final int OVERHEAD_BYTES = HEADER_BYTES + SEAL_BYTES + INNER_PREFIX_BYTES + Aead.TAG_BYTES;
  /** Largest envelope: the largest routed payload. */
  public static final int MAX_ENVELOPE_BYTES = 65536;
  public static final int MAX_BODY_BYTES = MAX_ENVELOPE_BYTES - OVERHEAD_BYTES;

  static final byte[] SIG_DOMAIN = "switchboard/signaling-envelope/v1/sig\0".getBytes(StandardCharsets.US_ASCII);
  static final byte[] KEY_INFO = "switchboard/signaling-envelope/v1/key".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NONCE_BODY = nonce(1);
  private static final byte[] NONCE_SEAL = nonce(2);

  private SignalingEnvelope() {}

  /**
   * Encrypts {@code body} to {@code recipientKey} and signs it as {@code sender}.
   *
   * @param recipientKey the recipient's Ed25519 identity public key (from its contact)
   * @param messageId 16 bytes, fresh per message
   * @throws IllegalArgumentException on a body over {@link #MAX_BODY_BYTES}, a bad message id, or a
   *     recipient key that is not a usable curve point
   */
  public static byte[] seal(
      Identity sender, byte[] recipientKey, long timestampMillis, byte[] messageId, byte[] body, RandomGenerator random) {
    return seal(sender.publicKey(), sender::sign, recipientKey, timestampMillis, messageId, body, random, null);
  }

  /**
   * {@link #seal(Identity, byte[], long, byte[], byte[], RandomGenerator)} taking the recipient's
   * X25519 key from {@code peers} (derived once per recipient, not once per message). The same
   * bytes on the wire.
   */
  public static byte[] seal(Identity sender, byte[] recipientKey, long timestampMillis, byte[] messageId, byte[] body,
      RandomGenerator random, PeerKeys peers) {
    return seal(sender.publicKey(), sender::sign, recipientKey, timestampMillis, messageId, body, random, peers);
  }

  /** Seal with an explicit claimed sender key and signer; tests use it to forge. */
  static byte[] seal(byte[] senderKey, java.util.function.UnaryOperator<byte[]> signer, byte[] recipientKey,
      long timestampMillis, byte[] messageId, byte[] body, RandomGenerator random) {
    return seal(senderKey, signer, recipientKey, timestampMillis, messageId, body, random, null);
  }

  private static byte[] seal(byte[] senderKey, java.util.function.UnaryOperator<byte[]> signer, byte[] recipientKey,
      long timestampMillis, byte[] messageId, byte[] body, RandomGenerator random, PeerKeys peers) {
    if (body.length > MAX_BODY_BYTES) {
      throw new IllegalArgumentException("envelope body of " + body.length + " bytes exceeds " + MAX_BODY_BYTES);
    }
    if (messageId.length != MESSAGE_ID_BYTES) {
      throw new IllegalArgumentException("message id must be " + MESSAGE_ID_BYTES + " bytes, got " + messageId.length);
    }
    if (recipientKey.length != Ed25519Keys.PUBLIC_KEY_BYTES) {
      throw new IllegalArgumentException("recipient key must be 32 bytes, got " + recipientKey.length);
    }
    byte[] recipientX = peers != null ? peers.x25519(recipientKey) : X25519Keys.publicKeyFromEd25519(recipientKey);
    byte[] ephSecret = new byte[X25519Keys.KEY_BYTES];
    fill(random, ephSecret);
    byte[] ephPublic = X25519Keys.publicKey(ephSecret);
    byte[] shared = X25519Keys.agree(ephSecret, recipientX);
    if (shared == null) {
      throw new IllegalArgumentException("recipient key is a low-order point");
    }
    byte[] key = Hkdf.sha256(shared, concat(ephPublic, recipientX), KEY_INFO, Aead.KEY_BYTES);
    Arrays.fill(shared, (byte) 0);
    Arrays.fill(ephSecret, (byte) 0);

    byte[] header = new ByteWriter(HEADER_BYTES)
        .u8(VERSION).u8(KIND).id(Identity.nodeIdOf(recipientKey)).bytes(ephPublic).toByteArray();
    byte[] inner = new ByteWriter(INNER_PREFIX_BYTES + body.length)
        .u64(timestampMillis).bytes(messageId).bytes(body).toByteArray();
    byte[] ct = Aead.seal(key, NONCE_BODY, header, inner);
    byte[] sig = signer.apply(transcript(senderKey, recipientKey, ephPublic, timestampMillis, messageId, ct));
    byte[] seal = Aead.seal(key, NONCE_SEAL, concat(header, ct), concat(senderKey, sig));
    Arrays.fill(key, (byte) 0);
    return concat(header, seal, ct);
  }

  /**
   * The recipient id an envelope is addressed to, read without any key: what a relay or gateway
   * may use to dispatch it.
   *
   * @throws EnvelopeRejectedException MALFORMED when it is not an envelope of this version
   */
  public static Id256 recipientId(byte[] envelope) throws EnvelopeRejectedException {
    checkFraming(envelope);
    return Id256.read(envelope, 2);
  }

  /** True when {@code payload} starts like a signaling envelope (version and kind bytes). */
  public static boolean looksLikeEnvelope(byte[] payload) {
    return payload.length >= 2 && payload[0] == VERSION && payload[1] == KIND;
  }

  /**
   * Decrypts and verifies an envelope addressed to {@code recipient}. Does not check time or
   * replay: see {@link ReplayGuard} (or {@link EnvelopeOpener}, which does both).
   *
   * @throws EnvelopeRejectedException MALFORMED, NOT_FOR_US or FORGED
   */
  public static OpenedEnvelope open(Identity recipient, byte[] recipientX25519Secret, byte[] envelope)
      throws EnvelopeRejectedException {
    return open(recipient, recipientX25519Secret, X25519Keys.publicKey(recipientX25519Secret), envelope, null);
  }

  /**
   * {@link #open(Identity, byte[], byte[])} with the recipient's X25519 public key computed once
   * by the caller and senders' decoded keys kept in {@code peers} (may be null). The same checks.
   */
  static OpenedEnvelope open(Identity recipient, byte[] recipientX25519Secret, byte[] recipientX, byte[] envelope,
      PeerKeys peers) throws EnvelopeRejectedException {
    checkFraming(envelope);
    if (!recipient.nodeId().sameBytes(Arrays.copyOfRange(envelope, 2, 2 + Id256.BYTES))) {
      throw new EnvelopeRejectedException(EnvelopeRejectedException.Reason.NOT_FOR_US, "addressed to another identity");
    }
    byte[] header = Arrays.copyOf(envelope, HEADER_BYTES);
    byte[] ephPublic = Arrays.copyOfRange(envelope, 2 + Id256.BYTES, HEADER_BYTES);
    byte[] shared = X25519Keys.agree(recipientX25519Secret, ephPublic);
    if (shared == null) {
      throw new EnvelopeRejectedException(EnvelopeRejectedException.Reason.FORGED, "low-order ephemeral key");
    }
    byte[] key = Hkdf.sha256(shared, concat(ephPublic, recipientX), KEY_INFO, Aead.KEY_BYTES);
    Arrays.fill(shared, (byte) 0);
    int ctOffset = HEADER_BYTES + SEAL_BYTES;
    byte[] ct = Arrays.copyOfRange(envelope, ctOffset, envelope.length);
    try {
      byte[] seal = Aead.open(key, NONCE_SEAL, concat(header, ct), envelope, HEADER_BYTES, SEAL_BYTES);
      byte[] inner = Aead.open(key, NONCE_BODY, header, ct, 0, ct.length);
      byte[] senderKey = Arrays.copyOf(seal, Ed25519Keys.PUBLIC_KEY_BYTES);
      byte[] sig = Arrays.copyOfRange(seal, Ed25519Keys.PUBLIC_KEY_BYTES, seal.length);
      var in = new ByteReader<>(inner, m -> new EnvelopeRejectedException(EnvelopeRejectedException.Reason.MALFORMED, m));
      long timestamp = in.u64("timestamp");
      byte[] messageId = in.bytes(MESSAGE_ID_BYTES, "message id");
      byte[] body = in.rest();
      byte[] transcript = transcript(senderKey, recipient.publicKey(), ephPublic, timestamp, messageId, ct);
      boolean verified = peers != null ? peers.verify(senderKey, sig, transcript) : Ed25519Keys.verify(senderKey, sig, transcript);
      if (!verified) {
        throw new EnvelopeRejectedException(EnvelopeRejectedException.Reason.FORGED, "sender signature does not verify");
      }
      return new OpenedEnvelope(senderKey, timestamp, messageId, body);
    } catch (Aead.AuthenticationFailedException e) {
      throw new EnvelopeRejectedException(EnvelopeRejectedException.Reason.FORGED, "ciphertext altered or not for this key");
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  static byte[] transcript(byte[] senderKey, byte[] recipientKey, byte[] ephPublic, long timestamp, byte[] messageId, byte[] ct) {
    return new ByteWriter(SIG_DOMAIN.length + 32 + 32 + 32 + 8 + MESSAGE_ID_BYTES + ct.length)
        .bytes(SIG_DOMAIN).bytes(senderKey).bytes(recipientKey).bytes(ephPublic).u64(timestamp).bytes(messageId).bytes(ct)
        .toByteArray();
  }

  private static void checkFraming(byte[] envelope) throws EnvelopeRejectedException {
    if (envelope.length < OVERHEAD_BYTES) {
      throw new EnvelopeRejectedException(EnvelopeRejectedException.Reason.MALFORMED, "envelope of " + envelope.length + " bytes is too short");
    }
    if (envelope.length > MAX_ENVELOPE_BYTES) {
      throw new EnvelopeRejectedException(EnvelopeRejectedException.Reason.MALFORMED, "envelope of " + envelope.length + " bytes is too long");
    }
    if (envelope[0] != VERSION || envelope[1] != KIND) {
      throw new EnvelopeRejectedException(EnvelopeRejectedException.Reason.MALFORMED,
          "unknown envelope version/kind " + envelope[0] + "/" + envelope[1]);
    }
  }

  /** Fills {@code out} from the injected generator. */
  public static void fill(RandomGenerator random, byte[] out) {
    for (int i = 0; i < out.length; i += 8) {
      long r = random.nextLong();
      for (int j = 0; j < 8 && i + j < out.length; j++) {
        out[i + j] = (byte) (r >>> (8 * j));
      }
    }
  }

  /** A fresh 16-byte message id from the injected generator. */
  public static byte[] newMessageId(RandomGenerator random) {
    byte[] id = new byte[MESSAGE_ID_BYTES];
    fill(random, id);
    return id;
  }

  private static byte[] nonce(int n) {
    byte[] nonce = new byte[Aead.NONCE_BYTES];
    nonce[nonce.length - 1] = (byte) n;
    return nonce;
  }

  static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }
}
