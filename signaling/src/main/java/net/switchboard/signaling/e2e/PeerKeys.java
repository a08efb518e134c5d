package net.switchboard.signaling.e2e;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import net.switchboard.dht.identity.Ed25519Keys;
import net.switchboard.signaling.contact.crypto.X25519Keys;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * What envelopes need from a peer's Ed25519 identity key, derived once per peer instead of once
 * per message: its X25519 key (the birational map, a field inversion and a point decompression,
 * for sealing to it) and its decoded point (for verifying its signatures without decompressing
 * the key again). Both are functions of public data only. A bounded LRU owned by one node: used
 * on its thread only (each call manager has its own); pure.
 */
public final class PeerKeys {
  /** Peers remembered by {@link #PeerKeys()}. */
  public static final int DEFAULT_CAPACITY = 256;

  private final int capacity;
  private final Map<ByteBuffer, Entry> entries;

  private static final class Entry {
    byte[] x25519; // null until asked for
    Ed25519.PublicPoint point; // null until asked for
    boolean pointInvalid;
  }

  public PeerKeys() {
    this(DEFAULT_CAPACITY);
  }

  /** @throws IllegalArgumentException when {@code capacity} is below 1 */
  public PeerKeys(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Entry> eldest) {
        return size() > PeerKeys.this.capacity;
      }
    };
  }

  /**
   * The X25519 public key of {@code ed25519Key} (a copy).
   *
   * @throws IllegalArgumentException when it is not 32 bytes or not a usable curve point
   */
  public byte[] x25519(byte[] ed25519Key) {
    if (ed25519Key.length != Ed25519Keys.PUBLIC_KEY_BYTES) {
      throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + ed25519Key.length);
    }
    ByteBuffer k = ByteBuffer.wrap(ed25519Key.clone());
    Entry known = entries.get(k);
    if (known != null && known.x25519 != null) {
      return known.x25519.clone();
    }
    byte[] x = X25519Keys.publicKeyFromEd25519(ed25519Key); // throws on a bad key: nothing cached
    entries.computeIfAbsent(k, key -> new Entry()).x25519 = x;
    return x.clone();
  }

  /**
   * True when {@code signature} over {@code message} verifies under {@code ed25519Key}: the same
   * checks as {@link Ed25519Keys#verify(byte[], byte[], byte[])} (the key decoded with
   * BouncyCastle's partial validation, which is what verification from bytes applies), with the
   * decoded key kept for the next signature. Never throws.
   */
  public boolean verify(byte[] ed25519Key, byte[] signature, byte[] message) {
    if (ed25519Key.length != Ed25519Keys.PUBLIC_KEY_BYTES || signature.length != Ed25519Keys.SIGNATURE_BYTES) {
      return false;
    }
    ByteBuffer k = ByteBuffer.wrap(ed25519Key.clone());
    Ed25519.PublicPoint point = null;
    boolean known = false;
    Entry cached = entries.get(k);
    if (cached != null && (cached.point != null || cached.pointInvalid)) {
      if (cached.pointInvalid) {
        return false;
      }
      point = cached.point;
      known = true;
    }
    if (!known) {
      try {
        point = Ed25519.validatePublicKeyFullExport(ed25519Key, 0); // StrictPublicKeys' rule, cached per key
      } catch (RuntimeException ex) {
        point = null;
      }
      Entry e = entries.computeIfAbsent(k, key -> new Entry());
      e.point = point;
      e.pointInvalid = point == null;
      if (point == null) {
        return false;
      }
    }
    try {
      return Ed25519.verify(signature, 0, point, message, 0, message.length);
    } catch (RuntimeException ex) {
      return false;
    }
  }

  /** Peers remembered now. */
  public int size() {
    return entries.size();
  }
}
