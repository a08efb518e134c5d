package net.switchboard.signaling.contact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.wire.ByteReader;
import net.switchboard.dht.wire.ByteWriter;

/**
 * The binary form of a {@link Reachability}, shared by contact records and call rings:
 *
 * <pre>
 * transports(1)    bit flags, see {@link ContactTransport}
 * media(1)         bit flags, see {@link MediaCapability}
 * routeCount(1)    0..16, then routeCount x nodeId(32)
 * endpointCount(1) 0..8, then endpointCount x (hostLength(1) 1..253 | host UTF-8 | port(2) 1..65535)
 * </pre>
 */
public final class ReachabilityCodec {
  /** What a reader does with flag bits this version does not define. */
  public enum UnknownFlags {
    /** Refuse them: contact records, whose layout says undefined bits must be 0. */
    REFUSE,
    /** Drop them: call rings, which a newer peer may send with bits this version lacks. */
    IGNORE
  }

  private ReachabilityCodec() {}

  public static void write(ByteWriter out, Reachability r) {
    int transports = 0;
    for (ContactTransport t : r.transports()) {
      transports |= t.bit;
    }
    int media = 0;
    for (MediaCapability m : r.media()) {
      media |= m.bit;
    }
    out.u8(transports).u8(media).u8(r.routes().size());
    for (Id256 route : r.routes()) {
      out.id(route);
    }
    out.u8(r.endpoints().size());
    for (DirectEndpoint e : r.endpoints()) {
      out.bytes8(e.host().getBytes(StandardCharsets.UTF_8), DirectEndpoint.MAX_HOST_BYTES).u16(e.port());
    }
  }

  /** Reads one reachability, refusing anything out of range with the reader's exception. */
  public static <E extends Exception> Reachability read(ByteReader<E> in, UnknownFlags unknown) throws E {
    Set<ContactTransport> transports =
        flags(in, "transport", ContactTransport.class, t -> t.bit, ContactTransport.KNOWN_BITS, unknown);
    Set<MediaCapability> media =
        flags(in, "media", MediaCapability.class, m -> m.bit, MediaCapability.KNOWN_BITS, unknown);
    int routeCount = in.u8("routeCount");
    if (routeCount > Reachability.MAX_ROUTES) {
      throw in.refuse(routeCount + " routes exceed " + Reachability.MAX_ROUTES);
    }
    List<Id256> routes = new ArrayList<>(routeCount);
    for (int i = 0; i < routeCount; i++) {
      routes.add(in.id("route " + i));
    }
    int endpointCount = in.u8("endpointCount");
    if (endpointCount > Reachability.MAX_ENDPOINTS) {
      throw in.refuse(endpointCount + " endpoints exceed " + Reachability.MAX_ENDPOINTS);
    }
    List<DirectEndpoint> endpoints = new ArrayList<>(endpointCount);
    for (int i = 0; i < endpointCount; i++) {
      int hostLength = in.u8("endpoint " + i + " host length");
      if (hostLength == 0 || hostLength > DirectEndpoint.MAX_HOST_BYTES) {
        throw in.refuse("endpoint " + i + " host length " + hostLength + " out of range");
      }
      String host = in.utf8(hostLength, "endpoint " + i + " host");
      int port = in.u16("endpoint " + i + " port");
      if (port == 0) {
        throw in.refuse("endpoint " + i + " port 0");
      }
      endpoints.add(new DirectEndpoint(host, port));
    }
    if (routes.isEmpty() && endpoints.isEmpty()) {
      throw in.refuse("record has neither routes nor endpoints");
    }
    if (transports.isEmpty()) {
      throw in.refuse("record lists no signaling transport");
    }
    return new Reachability(routes, endpoints, transports, media);
  }

  private static <E extends Exception, F extends Enum<F>> Set<F> flags(ByteReader<E> in, String what,
      Class<F> type, ToIntFunction<F> bitOf, int known, UnknownFlags unknown) throws E {
    int bits = in.u8(what);
    if (unknown == UnknownFlags.REFUSE && (bits & ~known) != 0) {
      throw in.refuse("undefined " + what + " flag bits 0x" + Integer.toHexString(bits & ~known));
    }
    EnumSet<F> set = EnumSet.noneOf(type);
    for (F f : type.getEnumConstants()) {
      if ((bits & bitOf.applyAsInt(f)) != 0) {
        set.add(f);
      }
    }
    return set;
  }
}
