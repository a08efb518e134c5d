package net.switchboard.dht.wire;

import java.util.ArrayList;
import java.util.List;
import net.switchboard.dht.identity.Ed25519Keys;
import net.switchboard.dht.routing.Contact;
import net.switchboard.seam.Endpoint;
import net.switchboard.dht.wire.Body.RawRecord;

/**
 * Encodes and decodes every DHT message. The layout is documented in docs/wire-format.md and
 * pinned by golden vectors in the tests. Decoding never throws anything but {@link
 * MalformedMessageException}: truncated, oversize, unknown-version, unknown-type, bad-flag and
 * trailing-byte input are all refused.
 */
public final class WireCodec {
  public static final int VERSION = 1;
  public static final int HEADER_BYTES = 1 + 1 + 1 + 8 + 32;
  public static final int MAX_MESSAGE_BYTES = 8192;
  public static final int MAX_CONTACTS = 32;
  public static final int MAX_RECORD_VALUE_BYTES = 4096;
  public static final int MAX_ROUTE_PATH = 16;
  public static final int MAX_ROUTE_FRAGMENTS = 16;
  public static final int MAX_ROUTE_FRAGMENT_BYTES = 6144;

  static final int FLAG_PROVE_REQUESTED = 0x01;
  static final int FLAG_PROOF_PRESENT = 0x02;
  static final int FLAG_CLIENT = 0x04;

  private WireCodec() {}

  /** Encodes a message. Throws IllegalArgumentException for a message this codec could not decode. */
  public static byte[] encode(Envelope m) {
    ByteWriter w = new ByteWriter(128);
    int flags = (m.proveRequested() ? FLAG_PROVE_REQUESTED : 0) | (m.proof() != null ? FLAG_PROOF_PRESENT : 0)
        | (m.client() ? FLAG_CLIENT : 0);
    w.u8(VERSION).u8(m.type().code).u8(flags).u64(m.requestId()).id(m.sender());
    if (m.proof() != null) {
      w.bytes(m.proof().publicKey()).bytes(m.proof().signature());
    }
    Body b = m.body();
    if (b instanceof Body.Pong p) {
      endpoint(w, p.observed());
    } else if (b instanceof Body.FindNode f) {
      w.id(f.target());
    } else if (b instanceof Body.Nodes n) {
      contacts(w, n.contacts());
    } else if (b instanceof Body.FindValue f) {
      w.id(f.key()).u8(f.namespace());
    } else if (b instanceof Body.Value v) {
      w.u8(v.record() == null ? 0 : 1);
      if (v.record() != null) {
        record(w, v.record());
      }
      contacts(w, v.contacts());
    } else if (b instanceof Body.Store s) {
      record(w, s.record());
    } else if (b instanceof Body.StoreAck a) {
      w.u8(a.status().ordinal());
    } else if (b instanceof Body.Has h) {
      w.id(h.key()).u8(h.namespace());
    } else if (b instanceof Body.HasReply h) {
      w.u64(h.seq());
    } else if (b instanceof Body.Route rt) {
      route(w, rt);
    } else if (b instanceof Body.RouteAck a) {
      w.u8(a.status().ordinal());
    }
    byte[] out = w.toByteArray();
    if (out.length > MAX_MESSAGE_BYTES) {
      throw new IllegalArgumentException("message of " + out.length + " bytes exceeds " + MAX_MESSAGE_BYTES);
    }
    return out;
  }

  /** Decodes one datagram. */
  public static Envelope decode(byte[] data) throws MalformedMessageException {
    if (data == null || data.length < HEADER_BYTES) {
      throw new MalformedMessageException("shorter than the " + HEADER_BYTES + "-byte header");
    }
    if (data.length > MAX_MESSAGE_BYTES) {
      throw new MalformedMessageException("oversize: " + data.length + " bytes");
    }
    var r = new ByteReader<>(data, MalformedMessageException::new);
    int version = r.u8("version");
    if (version != VERSION) {
      throw new MalformedMessageException("unsupported version " + version);
    }
    int code = r.u8("type");
    MessageType type = MessageType.ofCode(code);
    if (type == null) {
      throw new MalformedMessageException("unknown message type 0x" + Integer.toHexString(code));
    }
    int flags = r.u8("flags");
    if ((flags & ~(FLAG_PROVE_REQUESTED | FLAG_PROOF_PRESENT | FLAG_CLIENT)) != 0) {
      throw new MalformedMessageException("unknown flags 0x" + Integer.toHexString(flags));
    }
    boolean prove = (flags & FLAG_PROVE_REQUESTED) != 0;
    boolean hasProof = (flags & FLAG_PROOF_PRESENT) != 0;
    boolean client = (flags & FLAG_CLIENT) != 0;
    if ((prove || client) && type.isResponse() || hasProof && !type.isResponse()) {
      throw new MalformedMessageException("flags 0x" + Integer.toHexString(flags) + " invalid on " + type);
    }
    long requestId = r.u64("request id");
    var sender = r.id("sender id");
    Envelope.IdProofData proof = null;
    if (hasProof) {
      proof = new Envelope.IdProofData(
          r.bytes(Ed25519Keys.PUBLIC_KEY_BYTES, "proof key"), r.bytes(Ed25519Keys.SIGNATURE_BYTES, "proof signature"));
    }
    Body body = switch (type) {
      case PING -> new Body.Ping();
      case PONG -> new Body.Pong(endpoint(r));
      case FIND_NODE -> new Body.FindNode(r.id("target"));
      case NODES -> new Body.Nodes(contacts(r));
      case FIND_VALUE -> new Body.FindValue(r.id("key"), (byte) r.u8("namespace"));
      case VALUE -> {
        int present = r.u8("record flag");
        if (present > 1) {
          throw new MalformedMessageException("record flag must be 0 or 1, got " + present);
        }
        RawRecord rec = present == 1 ? record(r) : null;
        yield new Body.Value(rec, contacts(r));
      }
      case STORE -> new Body.Store(record(r));
      case STORE_ACK -> {
        int s = r.u8("store status");
        Body.StoreStatus status = Body.StoreStatus.ofCode(s);
        if (status == null) {
          throw new MalformedMessageException("unknown store status " + s);
        }
        yield new Body.StoreAck(status);
      }
      case HAS -> new Body.Has(r.id("key"), (byte) r.u8("namespace"));
      case HAS_REPLY -> new Body.HasReply(r.u64("seq"));
      case ROUTE -> route(r);
      case ROUTE_ACK -> {
        int s = r.u8("route ack status");
        Body.RouteAckStatus status = Body.RouteAckStatus.ofCode(s);
        if (status == null) {
          throw new MalformedMessageException("unknown route ack status " + s);
        }
        yield new Body.RouteAck(status);
      }
      default -> throw new MalformedMessageException("unknown message type " + type);
    };
    r.expectEnd();
    return new Envelope(requestId, sender, prove, proof, body, client);
  }

  private static void endpoint(ByteWriter w, Endpoint e) {
    w.u8(e.addressLength() == 4 ? 4 : 6).address(e).u16(e.port());
  }

  private static Endpoint endpoint(ByteReader<MalformedMessageException> r) throws MalformedMessageException {
    int family = r.u8("address family");
    int len = switch (family) {
      case 4 -> 4;
      case 6 -> 16;
      default -> throw new MalformedMessageException("unknown address family " + family);
    };
    byte[] addr = r.bytes(len, "address");
    int port = r.u16("port");
    if (port == 0) {
      throw new MalformedMessageException("port 0");
    }
    return Endpoint.of(addr, port);
  }

  private static void contacts(ByteWriter w, List<Contact> contacts) {
    if (contacts.size() > MAX_CONTACTS) {
      throw new IllegalArgumentException("at most " + MAX_CONTACTS + " contacts per message");
    }
    w.u8(contacts.size());
    for (Contact c : contacts) {
      w.id(c.id());
      endpoint(w, c.endpoint());
    }
  }

  private static List<Contact> contacts(ByteReader<MalformedMessageException> r) throws MalformedMessageException {
    int n = r.u8("contact count");
    if (n > MAX_CONTACTS) {
      throw new MalformedMessageException(n + " contacts exceeds " + MAX_CONTACTS);
    }
    List<Contact> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Contact(r.id("contact id"), endpoint(r)));
    }
    return out;
  }

  private static void route(ByteWriter w, Body.Route rt) {
    if (rt.path().size() > MAX_ROUTE_PATH || rt.payload().length > MAX_ROUTE_FRAGMENT_BYTES) {
      throw new IllegalArgumentException("route path or fragment too large");
    }
    w.u64(rt.routeId()).u8(rt.kind().ordinal()).id(rt.target()).u8(rt.hopsLeft())
        .u8(rt.fragment()).u8(rt.fragments()).u8(rt.path().size());
    for (var id : rt.path()) {
      w.id(id);
    }
    w.bytes16(rt.payload(), MAX_ROUTE_FRAGMENT_BYTES);
  }

  private static Body.Route route(ByteReader<MalformedMessageException> r) throws MalformedMessageException {
    long routeId = r.u64("route id");
    int k = r.u8("route kind");
    Body.RouteKind kind = Body.RouteKind.ofCode(k);
    if (kind == null) {
      throw new MalformedMessageException("unknown route kind " + k);
    }
    var target = r.id("route target");
    int hopsLeft = r.u8("hops left");
    int fragment = r.u8("fragment index");
    int fragments = r.u8("fragment count");
    if (fragments < 1 || fragments > MAX_ROUTE_FRAGMENTS || fragment >= fragments) {
      throw new MalformedMessageException("bad fragment " + fragment + "/" + fragments);
    }
    int pathLength = r.u8("path length");
    if (pathLength > MAX_ROUTE_PATH) {
      throw new MalformedMessageException("route path of " + pathLength + " exceeds " + MAX_ROUTE_PATH);
    }
    List<net.switchboard.dht.identity.Id256> path = new ArrayList<>(pathLength);
    for (int i = 0; i < pathLength; i++) {
      path.add(r.id("path id"));
    }
    byte[] payload = r.bytes16(MAX_ROUTE_FRAGMENT_BYTES, "fragment");
    return new Body.Route(routeId, kind, target, hopsLeft, fragment, fragments, path, payload);
  }

  private static void record(ByteWriter w, RawRecord rec) {
    if (rec.value().length > MAX_RECORD_VALUE_BYTES) {
      throw new IllegalArgumentException("record value over " + MAX_RECORD_VALUE_BYTES + " bytes");
    }
    w.u8(rec.namespace()).id(rec.key()).bytes16(rec.value(), MAX_RECORD_VALUE_BYTES);
  }

  private static RawRecord record(ByteReader<MalformedMessageException> r) throws MalformedMessageException {
    byte ns = (byte) r.u8("record namespace");
    var key = r.id("record key");
    return new RawRecord(ns, key, r.bytes16(MAX_RECORD_VALUE_BYTES, "record value"));
  }
}
