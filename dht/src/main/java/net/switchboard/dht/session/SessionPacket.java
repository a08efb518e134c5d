package net.switchboard.dht.session;

import java.util.Arrays;
import net.switchboard.dht.wire.ByteReader;
import net.switchboard.dht.wire.ByteWriter;
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
    return new ByteWriter(HELLO_BYTES).u8(HELLO).bytes(ephemeral).bytes(new byte[HELLO_BYTES - 1 - KEY]).toByteArray();
  }

  /** COOKIE: kind | first 16 bytes of the initiator's ephemeral | cookie. */
  static byte[] cookie(byte[] ephemeral, byte[] cookie) {
    return new ByteWriter(1 + ECHO_BYTES + COOKIE_BYTES).u8(COOKIE).bytes(ephemeral, 0, ECHO_BYTES).bytes(cookie)
        .toByteArray();
  }

  /**
   * The signed part of INIT: kind | ephemeral | cookie | identity key | flags | [claimed endpoint]
   * | expected responder id (zeros: any). The signature over it follows.
   */
  static byte[] initBody(byte[] ephemeral, byte[] cookie, byte[] identityKey, boolean client, Endpoint claim,
      byte[] expectedId) {
    ByteWriter w = new ByteWriter(160).u8(INIT).bytes(ephemeral).bytes(cookie).bytes(identityKey).u8(flags(client, claim));
    putEndpoint(w, claim);
    return w.bytes(expectedId).toByteArray();
  }

  /**
   * The signed part of ACCEPT: kind | ephemeral | identity key | flags | [claimed endpoint] |
   * the initiator's endpoint as the responder sees it. The signature (over the INIT's hash and
   * this) follows.
   */
  static byte[] acceptBody(byte[] ephemeral, byte[] identityKey, boolean client, Endpoint claim, Endpoint observed) {
    ByteWriter w = new ByteWriter(128).u8(ACCEPT).bytes(ephemeral).bytes(identityKey).u8(flags(client, claim));
    putEndpoint(w, claim);
    putEndpoint(w, observed);
    return w.toByteArray();
  }

  private static int flags(boolean client, Endpoint claim) {
    return (client ? FLAG_CLIENT : 0) | (claim != null ? FLAG_CLAIM : 0);
  }

  static byte[] concat(byte[]... parts) {
    ByteWriter w = new ByteWriter(256);
    for (byte[] p : parts) {
      w.bytes(p);
    }
    return w.toByteArray();
  }

  /** UNKNOWN: kind | the receiver tag a DATA named that no session here has. */
  static byte[] unknown(byte[] dataPacket) {
    return new ByteWriter(1 + TAG).u8(UNKNOWN).bytes(dataPacket, 1, TAG).toByteArray();
  }

  /** A decoded INIT. */
  record Init(byte[] ephemeral, byte[] cookie, byte[] identityKey, boolean client, Endpoint claim, byte[] expectedId,
      byte[] signedPart, byte[] signature) {}

  /** A decoded ACCEPT. */
  record Accept(byte[] ephemeral, byte[] identityKey, boolean client, Endpoint claim, Endpoint observed,
      byte[] signedPart, byte[] signature) {}

  static Init decodeInit(byte[] d) throws MalformedSessionPacketException {
    ByteReader<MalformedSessionPacketException> r = reader(d, "INIT");
    r.u8("kind");
    byte[] eph = r.bytes(KEY, "ephemeral"), cookie = r.bytes(COOKIE_BYTES, "cookie"), key = r.bytes(KEY, "identity key");
    int flags = flags(r);
    Endpoint claim = (flags & FLAG_CLAIM) != 0 ? getEndpoint(r) : null;
    byte[] expected = r.bytes(KEY, "expected id");
    int signed = r.position();
    byte[] sig = r.bytes(SIGNATURE, "signature");
    r.expectEnd();
    return new Init(eph, cookie, key, (flags & FLAG_CLIENT) != 0, claim, expected, Arrays.copyOf(d, signed), sig);
  }

  static Accept decodeAccept(byte[] d) throws MalformedSessionPacketException {
    ByteReader<MalformedSessionPacketException> r = reader(d, "ACCEPT");
    r.u8("kind");
    byte[] eph = r.bytes(KEY, "ephemeral"), key = r.bytes(KEY, "identity key");
    int flags = flags(r);
    Endpoint claim = (flags & FLAG_CLAIM) != 0 ? getEndpoint(r) : null;
    Endpoint observed = getEndpoint(r);
    int signed = r.position();
    byte[] sig = r.bytes(SIGNATURE, "signature");
    r.expectEnd();
    return new Accept(eph, key, (flags & FLAG_CLIENT) != 0, claim, observed, Arrays.copyOf(d, signed), sig);
  }

  private static ByteReader<MalformedSessionPacketException> reader(byte[] d, String kind) {
    return new ByteReader<>(d, m -> new MalformedSessionPacketException(kind + ": " + m));
  }

  private static int flags(ByteReader<MalformedSessionPacketException> r) throws MalformedSessionPacketException {
    int flags = r.u8("flags");
    if ((flags & ~(FLAG_CLIENT | FLAG_CLAIM)) != 0) {
      throw r.refuse("unknown flags " + flags);
    }
    return flags;
  }

  /** An endpoint: address length (4 or 16) | address | port. */
  private static void putEndpoint(ByteWriter w, Endpoint e) {
    if (e != null) {
      w.u8(e.addressLength()).address(e).u16(e.port());
    }
  }

  private static Endpoint getEndpoint(ByteReader<MalformedSessionPacketException> r) throws MalformedSessionPacketException {
    int len = r.u8("address length");
    if (len != 4 && len != 16) {
      throw r.refuse("address length " + len);
    }
    byte[] addr = r.bytes(len, "address");
    int port = r.u16("port");
    if (port == 0) {
      throw r.refuse("port 0");
    }
    return Endpoint.of(addr, port);
  }

  /** An endpoint as signed material (the same bytes as on the wire). */
  static byte[] endpointMaterial(Endpoint e) {
    ByteWriter w = new ByteWriter(19);
    putEndpoint(w, e);
    return w.toByteArray();
  }
}
