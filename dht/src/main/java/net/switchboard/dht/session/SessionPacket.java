package net.switchboard.dht.session;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import net.switchboard.seam.Endpoint;

/**
 * The six session packets (docs/sessions.md has the layout and the sequence). Their first byte
 * is a kind from 0x20 up, so a node tells them from a version-1 DHT message (first byte 0x01).
 * Sizes are chosen so that no reply to an unvalidated source is larger than what provoked it:
 * HELLO is padded to {@link #HELLO_BYTES}, COOKIE is 33 bytes, ACCEPT is smaller than INIT.
 */
final class SessionPacket {
  static final int HELLO = 0x20;
  static final int COOKIE = 0x21;
  static final int INIT = 0x22;
  static final int ACCEPT = 0x23;
  static final int DATA = 0x24;
  static final int UNKNOWN = 0x25;

  static final int KEY = 32;
  static final int COOKIE_BYTES = 16;
  static final int ECHO_BYTES = 16;
  static final int TAG = 8;
  static final int SIGNATURE = 64;
  static final int HELLO_BYTES = 96;
  /** DATA header: kind, receiver tag, counter (also the AEAD's associated data). */
  static final int DATA_HEADER = 1 + TAG + 8;

  static final int FLAG_CLIENT = 0x01;
  static final int FLAG_CLAIM = 0x02;

  private SessionPacket() {}

  static boolean isSessionPacket(byte[] d) {
    return d.length > 0 && (d[0] & 0xFF) >= HELLO && (d[0] & 0xFF) <= UNKNOWN;
  }

  /** HELLO: kind | initiator ephemeral | zeros up to 96 bytes. */
  static byte[] hello(byte[] ephemeral) {
    return ByteBuffer.allocate(HELLO_BYTES).put((byte) HELLO).put(ephemeral).array();
  }

  /** COOKIE: kind | first 16 bytes of the initiator's ephemeral | cookie. */
  static byte[] cookie(byte[] ephemeral, byte[] cookie) {
    return ByteBuffer.allocate(1 + ECHO_BYTES + COOKIE_BYTES).put((byte) COOKIE).put(ephemeral, 0, ECHO_BYTES)
        .put(cookie).array();
  }

  /**
   * The signed part of INIT: kind | ephemeral | cookie | identity key | flags | [claimed endpoint]
   * | expected responder id (zeros: any). The signature over it follows.
   */
  static byte[] initBody(byte[] ephemeral, byte[] cookie, byte[] identityKey, boolean client, Endpoint claim,
      byte[] expectedId) {
    ByteBuffer b = ByteBuffer.allocate(1 + KEY + COOKIE_BYTES + KEY + 1 + endpointBytes(claim) + KEY);
    b.put((byte) INIT).put(ephemeral).put(cookie).put(identityKey)
        .put((byte) ((client ? FLAG_CLIENT : 0) | (claim != null ? FLAG_CLAIM : 0)));
    putEndpoint(b, claim);
    b.put(expectedId);
    return b.array();
  }

  /**
   * The signed part of ACCEPT: kind | ephemeral | identity key | flags | [claimed endpoint] |
   * the initiator's endpoint as the responder sees it. The signature (over the INIT's hash and
   * this) follows.
   */
  static byte[] acceptBody(byte[] ephemeral, byte[] identityKey, boolean client, Endpoint claim, Endpoint observed) {
    ByteBuffer b = ByteBuffer.allocate(1 + KEY + KEY + 1 + endpointBytes(claim) + endpointBytes(observed));
    b.put((byte) ACCEPT).put(ephemeral).put(identityKey)
        .put((byte) ((client ? FLAG_CLIENT : 0) | (claim != null ? FLAG_CLAIM : 0)));
    putEndpoint(b, claim);
    putEndpoint(b, observed);
    return b.array();
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

  /** UNKNOWN: kind | the receiver tag a DATA named that no session here has. */
  static byte[] unknown(byte[] dataPacket) {
    return ByteBuffer.allocate(1 + TAG).put((byte) UNKNOWN).put(dataPacket, 1, TAG).array();
  }

  /** A decoded INIT. */
  record Init(byte[] ephemeral, byte[] cookie, byte[] identityKey, boolean client, Endpoint claim, byte[] expectedId,
      byte[] signedPart, byte[] signature) {}

  /** A decoded ACCEPT. */
  record Accept(byte[] ephemeral, byte[] identityKey, boolean client, Endpoint claim, Endpoint observed,
      byte[] signedPart, byte[] signature) {}

  static Init decodeInit(byte[] d) throws MalformedSessionPacketException {
    try {
      ByteBuffer b = ByteBuffer.wrap(d);
      b.get();
      byte[] eph = take(b, KEY), cookie = take(b, COOKIE_BYTES), key = take(b, KEY);
      int flags = b.get() & 0xFF;
      checkFlags(flags);
      Endpoint claim = (flags & FLAG_CLAIM) != 0 ? getEndpoint(b) : null;
      byte[] expected = take(b, KEY);
      int signed = b.position();
      byte[] sig = take(b, SIGNATURE);
      end(b);
      return new Init(eph, cookie, key, (flags & FLAG_CLIENT) != 0, claim, expected, java.util.Arrays.copyOf(d, signed), sig);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new MalformedSessionPacketException("INIT: " + e.getMessage());
    }
  }

  static Accept decodeAccept(byte[] d) throws MalformedSessionPacketException {
    try {
      ByteBuffer b = ByteBuffer.wrap(d);
      b.get();
      byte[] eph = take(b, KEY), key = take(b, KEY);
      int flags = b.get() & 0xFF;
      checkFlags(flags);
      Endpoint claim = (flags & FLAG_CLAIM) != 0 ? getEndpoint(b) : null;
      Endpoint observed = getEndpoint(b);
      int signed = b.position();
      byte[] sig = take(b, SIGNATURE);
      end(b);
      return new Accept(eph, key, (flags & FLAG_CLIENT) != 0, claim, observed, java.util.Arrays.copyOf(d, signed), sig);
    } catch (BufferUnderflowException | IllegalArgumentException e) {
      throw new MalformedSessionPacketException("ACCEPT: " + e.getMessage());
    }
  }

  private static void checkFlags(int flags) {
    if ((flags & ~(FLAG_CLIENT | FLAG_CLAIM)) != 0) {
      throw new IllegalArgumentException("unknown flags " + flags);
    }
  }

  private static void end(ByteBuffer b) {
    if (b.hasRemaining()) {
      throw new IllegalArgumentException(b.remaining() + " trailing bytes");
    }
  }

  private static byte[] take(ByteBuffer b, int n) {
    byte[] out = new byte[n];
    b.get(out);
    return out;
  }

  static int endpointBytes(Endpoint e) {
    return e == null ? 0 : 1 + e.addressLength() + 2;
  }

  private static void putEndpoint(ByteBuffer b, Endpoint e) {
    if (e == null) {
      return;
    }
    b.put((byte) e.addressLength()).put(e.address()).putShort((short) e.port());
  }

  private static Endpoint getEndpoint(ByteBuffer b) {
    int len = b.get() & 0xFF;
    if (len != 4 && len != 16) {
      throw new IllegalArgumentException("address length " + len);
    }
    byte[] addr = take(b, len);
    return Endpoint.of(addr, b.getShort() & 0xFFFF);
  }

  /** Encodes an endpoint as signed material (the same bytes as on the wire). */
  static byte[] endpointMaterial(Endpoint e) {
    ByteBuffer b = ByteBuffer.allocate(endpointBytes(e));
    putEndpoint(b, e);
    return b.array();
  }
}
