package net.switchboard.signaling.contact;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.switchboard.dht.identity.Id256;

/**
 * The compact binary form of a {@link ContactRecord} (the plaintext inside the encrypted payload).
 * All integers big-endian:
 *
 * <pre>
 * version(1) = 1
 * seq(8) | expiresAt(8)
 * transports(1)   bit flags, see {@link ContactTransport}; undefined bits must be 0
 * media(1)        bit flags, see {@link MediaCapability}; undefined bits must be 0
 * routeCount(1)   0..16, then routeCount x nodeId(32)
 * endpointCount(1) 0..8, then endpointCount x (hostLength(1) 1..253 | host UTF-8 | port(2) 1..65535)
 * </pre>
 *
 * Nothing may follow. At most {@link #MAX_BYTES} bytes. {@link #decode} refuses anything else with
 * a {@link MalformedContactRecordException} and never throws anything other than that.
 */
public final class ContactRecordCodec {
  public static final byte VERSION = 1;
  /** Largest encoded record. */
  public static final int MAX_BYTES = 2048;

  private ContactRecordCodec() {}

  /** Encodes a record; every valid {@link ContactRecord} fits in {@link #MAX_BYTES}. */
  public static byte[] encode(ContactRecord record) {
    Reachability r = record.reachability();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 32 * r.routes().size());
    out.write(VERSION);
    writeLong(out, record.seq());
    writeLong(out, record.expiresAtMillis());
    int transports = 0;
    for (ContactTransport t : r.transports()) {
      transports |= t.bit;
    }
    int media = 0;
    for (MediaCapability m : r.media()) {
      media |= m.bit;
    }
    out.write(transports);
    out.write(media);
    out.write(r.routes().size());
    for (Id256 route : r.routes()) {
      out.writeBytes(route.toBytes());
    }
    out.write(r.endpoints().size());
    for (DirectEndpoint e : r.endpoints()) {
      byte[] host = e.host().getBytes(StandardCharsets.UTF_8);
      out.write(host.length);
      out.writeBytes(host);
      out.write(e.port() >>> 8);
      out.write(e.port());
    }
    return out.toByteArray();
  }

  /**
   * Decodes a record.
   *
   * @throws MalformedContactRecordException for truncated, oversize, trailing or out-of-range input
   */
  public static ContactRecord decode(byte[] bytes) throws MalformedContactRecordException {
    if (bytes == null) {
      throw new MalformedContactRecordException("no bytes");
    }
    if (bytes.length > MAX_BYTES) {
      throw new MalformedContactRecordException("record of " + bytes.length + " bytes exceeds " + MAX_BYTES);
    }
    Reader in = new Reader(bytes);
    int version = in.u8("version");
    if (version != VERSION) {
      throw new MalformedContactRecordException("unknown record version " + version);
    }
    long seq = in.s64("seq");
    if (seq < 0) {
      throw new MalformedContactRecordException("negative seq");
    }
    long expiresAt = in.s64("expiresAt");
    Set<ContactTransport> transports = transports(in.u8("transports"));
    Set<MediaCapability> media = media(in.u8("media"));
    int routeCount = in.u8("routeCount");
    if (routeCount > Reachability.MAX_ROUTES) {
      throw new MalformedContactRecordException(routeCount + " routes exceed " + Reachability.MAX_ROUTES);
    }
    List<Id256> routes = new ArrayList<>(routeCount);
    for (int i = 0; i < routeCount; i++) {
      routes.add(Id256.of(in.bytes(32, "route " + i)));
    }
    int endpointCount = in.u8("endpointCount");
    if (endpointCount > Reachability.MAX_ENDPOINTS) {
      throw new MalformedContactRecordException(endpointCount + " endpoints exceed " + Reachability.MAX_ENDPOINTS);
    }
    List<DirectEndpoint> endpoints = new ArrayList<>(endpointCount);
    for (int i = 0; i < endpointCount; i++) {
      int hostLength = in.u8("endpoint " + i + " host length");
      if (hostLength == 0 || hostLength > DirectEndpoint.MAX_HOST_BYTES) {
        throw new MalformedContactRecordException("endpoint " + i + " host length " + hostLength + " out of range");
      }
      String host = utf8(in.bytes(hostLength, "endpoint " + i + " host"), i);
      int port = in.u16("endpoint " + i + " port");
      if (port == 0) {
        throw new MalformedContactRecordException("endpoint " + i + " port 0");
      }
      endpoints.add(new DirectEndpoint(host, port));
    }
    if (in.remaining() != 0) {
      throw new MalformedContactRecordException(in.remaining() + " trailing bytes after the record");
    }
    if (routes.isEmpty() && endpoints.isEmpty()) {
      throw new MalformedContactRecordException("record has neither routes nor endpoints");
    }
    if (transports.isEmpty()) {
      throw new MalformedContactRecordException("record lists no signaling transport");
    }
    return new ContactRecord(new Reachability(routes, endpoints, transports, media), seq, expiresAt);
  }

  private static Set<ContactTransport> transports(int bits) throws MalformedContactRecordException {
    checkKnown(bits, ContactTransport.KNOWN_BITS, "transport");
    EnumSet<ContactTransport> set = EnumSet.noneOf(ContactTransport.class);
    for (ContactTransport t : ContactTransport.values()) {
      if ((bits & t.bit) != 0) {
        set.add(t);
      }
    }
    return set;
  }

  private static Set<MediaCapability> media(int bits) throws MalformedContactRecordException {
    checkKnown(bits, MediaCapability.KNOWN_BITS, "media");
    EnumSet<MediaCapability> set = EnumSet.noneOf(MediaCapability.class);
    for (MediaCapability m : MediaCapability.values()) {
      if ((bits & m.bit) != 0) {
        set.add(m);
      }
    }
    return set;
  }

  private static void checkKnown(int bits, int known, String what) throws MalformedContactRecordException {
    if ((bits & ~known) != 0) {
      throw new MalformedContactRecordException(
          "undefined " + what + " flag bits 0x" + Integer.toHexString(bits & ~known));
    }
  }

  private static String utf8(byte[] bytes, int index) throws MalformedContactRecordException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedContactRecordException("endpoint " + index + " host is not UTF-8");
    }
  }

  private static void writeLong(ByteArrayOutputStream out, long v) {
    for (int i = 56; i >= 0; i -= 8) {
      out.write((int) (v >>> i));
    }
  }

  /** Bounds-checked reads that fail with the field's name. */
  private static final class Reader {
    private final byte[] b;
    private int pos;

    Reader(byte[] b) {
      this.b = b;
    }

    int remaining() {
      return b.length - pos;
    }

    private void need(int n, String field) throws MalformedContactRecordException {
      if (b.length - pos < n) {
        throw new MalformedContactRecordException("truncated at " + field + " (offset " + pos + ")");
      }
    }

    int u8(String field) throws MalformedContactRecordException {
      need(1, field);
      return b[pos++] & 0xFF;
    }

    int u16(String field) throws MalformedContactRecordException {
      need(2, field);
      int v = ((b[pos] & 0xFF) << 8) | (b[pos + 1] & 0xFF);
      pos += 2;
      return v;
    }

    long s64(String field) throws MalformedContactRecordException {
      need(8, field);
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (b[pos++] & 0xFF);
      }
      return v;
    }

    byte[] bytes(int n, String field) throws MalformedContactRecordException {
      need(n, field);
      byte[] out = new byte[n];
      System.arraycopy(b, pos, out, 0, n);
      pos += n;
      return out;
    }
  }
}
