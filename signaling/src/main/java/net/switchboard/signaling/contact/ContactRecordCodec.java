package net.switchboard.signaling.contact;

import net.switchboard.dht.wire.ByteReader;
import net.switchboard.dht.wire.ByteWriter;

/**
 * The compact binary form of a {@link ContactRecord} (the plaintext inside the encrypted payload).
 * All integers big-endian:
 *
 * <pre>
 * version(1) = 1
 * seq(8) | expiresAt(8)
 * then a reachability ({@link ReachabilityCodec}):
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
    ByteWriter out = new ByteWriter(64 + 32 * r.routes().size());
    out.u8(VERSION).u64(record.seq()).u64(record.expiresAtMillis());
    ReachabilityCodec.write(out, r);
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
    var in = new ByteReader<>(bytes, MalformedContactRecordException::new);
    int version = in.u8("version");
    if (version != VERSION) {
      throw new MalformedContactRecordException("unknown record version " + version);
    }
    long seq = in.u64("seq");
    if (seq < 0) {
      throw new MalformedContactRecordException("negative seq");
    }
    long expiresAt = in.u64("expiresAt");
    Reachability reachability = ReachabilityCodec.read(in, ReachabilityCodec.UnknownFlags.REFUSE);
    in.expectEnd();
    return new ContactRecord(reachability, seq, expiresAt);
  }
}
