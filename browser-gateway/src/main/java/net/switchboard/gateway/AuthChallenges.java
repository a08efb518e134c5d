package net.switchboard.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import net.switchboard.dht.identity.Ed25519Keys;
import net.switchboard.dht.identity.Id256;

/**
 * Challenge-response authentication of browsers by their own Ed25519 identity key.
 *
 * <pre>
 * challenge (gateway to browser) = nonce(32, random) | gatewayNodeId(32) | timestamp(8, ms)
 * answer    (browser to gateway) = publicKey(32) | signature(64) over
 *     "switchboard/v1/gateway-auth\0" || nonce || gatewayNodeId || timestamp(8, big-endian)
 * </pre>
 *
 * A nonce is accepted once, only on the connection it was issued to, and only within {@link
 * #WINDOW_MILLIS} of its timestamp (and of the gateway's clock); the domain string and the gateway
 * id keep a signature from being reused as anything else or at another gateway. Thread-safe.
 */
public final class AuthChallenges {
  /** How far a challenge's timestamp may be from the gateway's clock when answered. */
  public static final long WINDOW_MILLIS = 60_000;
  public static final int NONCE_BYTES = 32;
  static final byte[] DOMAIN = "switchboard/v1/gateway-auth\0".getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_OUTSTANDING = 100_000;
  private static final int MAX_USED = 200_000;

  /** Why an answer was refused; the code is what the browser sees. */
  public enum Refusal {
    MALFORMED("malformed"),
    UNKNOWN_NONCE("unknown_nonce"),
    REPLAYED("replayed"),
    STALE("stale"),
    BAD_SIGNATURE("bad_signature");

    public final String code;

    Refusal(String code) {
      this.code = code;
    }
  }

  /** A refused answer. */
  public static final class RefusedException extends Exception {
    private final Refusal refusal;

    RefusedException(Refusal refusal, String message) {
      super(message, null, false, false);
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  /** One issued challenge. */
  public record Challenge(byte[] nonce, Id256 gatewayId, long timestampMillis) {
    /** The bytes the browser signs. */
    public byte[] signedBytes() {
      return message(nonce, gatewayId, timestampMillis);
    }
  }

  private record Issued(Object connection, long timestampMillis) {}

  private final Id256 gatewayId;
  private final LongSupplier clock;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Issued> outstanding = new LinkedHashMap<>();
  private final Map<String, Long> used = new LinkedHashMap<>();

  public AuthChallenges(Id256 gatewayId, LongSupplier clock) {
    this.gatewayId = gatewayId;
    this.clock = clock;
  }

  /** The signed message of a challenge. */
  public static byte[] message(byte[] nonce, Id256 gatewayId, long timestampMillis) {
    return ByteBuffer.allocate(DOMAIN.length + NONCE_BYTES + Id256.BYTES + 8)
        .put(DOMAIN).put(nonce).put(gatewayId.toBytes()).putLong(timestampMillis).array();
  }

  /** A fresh challenge for {@code connection} (any object identifying one WebSocket). */
  public synchronized Challenge issue(Object connection) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    long now = clock.getAsLong();
    expire(now);
    while (outstanding.size() >= MAX_OUTSTANDING) {
      Iterator<String> it = outstanding.keySet().iterator();
      it.next();
      it.remove();
    }
    outstanding.put(key(nonce), new Issued(connection, now));
    return new Challenge(nonce, gatewayId, now);
  }

  /**
   * Checks an answer; on success the nonce is spent.
   *
   * @return the authenticated identity public key
   * @throws RefusedException saying why not
   */
  public synchronized byte[] verify(Object connection, byte[] publicKey, byte[] nonce, long timestampMillis, byte[] signature)
      throws RefusedException {
    if (publicKey == null || publicKey.length != Ed25519Keys.PUBLIC_KEY_BYTES || nonce == null
        || nonce.length != NONCE_BYTES || signature == null || signature.length != Ed25519Keys.SIGNATURE_BYTES) {
      throw new RefusedException(Refusal.MALFORMED, "an answer is a 32-byte key, the 32-byte nonce, the timestamp and a 64-byte signature");
    }
    long now = clock.getAsLong();
    String k = key(nonce);
    if (used.containsKey(k)) {
      throw new RefusedException(Refusal.REPLAYED, "this challenge was already answered: replayed answer refused");
    }
    if (Math.abs(now - timestampMillis) > WINDOW_MILLIS) {
      outstanding.remove(k);
      throw new RefusedException(Refusal.STALE, "the challenge timestamp is " + (now - timestampMillis)
          + " ms from the gateway clock (window +-" + WINDOW_MILLIS + " ms): stale answer refused");
    }
    Issued issued = outstanding.get(k);
    if (issued == null) {
      throw new RefusedException(Refusal.UNKNOWN_NONCE, "no such challenge (expired, or issued by another gateway)");
    }
    if (issued.connection() != connection) {
      throw new RefusedException(Refusal.REPLAYED, "the challenge was issued to another connection: replayed answer refused");
    }
    if (issued.timestampMillis() != timestampMillis) {
      throw new RefusedException(Refusal.BAD_SIGNATURE, "the answer names another timestamp than the challenge");
    }
    if (!Ed25519Keys.verify(publicKey, signature, message(nonce, gatewayId, timestampMillis))) {
      throw new RefusedException(Refusal.BAD_SIGNATURE, "the signature does not verify under the given key");
    }
    outstanding.remove(k);
    used.put(k, issued.timestampMillis());
    while (used.size() > MAX_USED) {
      Iterator<String> it = used.keySet().iterator();
      it.next();
      it.remove();
    }
    return publicKey.clone();
  }

  /** Forgets the challenges of a closed connection. */
  public synchronized void forget(Object connection) {
    outstanding.values().removeIf(i -> i.connection() == connection);
  }

  private void expire(long now) {
    Iterator<Map.Entry<String, Issued>> it = outstanding.entrySet().iterator();
    while (it.hasNext()) {
      if (now - it.next().getValue().timestampMillis() > WINDOW_MILLIS) {
        it.remove();
      } else {
        break;
      }
    }
    // a used nonce can never be reused once its timestamp is stale, so forget it then
    Iterator<Map.Entry<String, Long>> u = used.entrySet().iterator();
    while (u.hasNext()) {
      if (now - u.next().getValue() > 2 * WINDOW_MILLIS) {
        u.remove();
      } else {
        break;
      }
    }
  }

  private static String key(byte[] nonce) {
    return java.util.HexFormat.of().formatHex(nonce);
  }
}
