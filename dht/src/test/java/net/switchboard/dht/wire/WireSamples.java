package net.switchboard.dht.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.routing.Contact;
import net.switchboard.dht.rpc.IdProof;
import net.switchboard.seam.Endpoint;
import net.switchboard.dht.wire.Body.RawRecord;

/**
 * Fixed example messages of every type, shared by the codec tests, the golden vectors and the
 * malformed-input network test, plus {@link #describe}, a lossless text form used to compare
 * messages field by field (records holding arrays do not compare by value).
 */
public final class WireSamples {
  public static final long REQUEST_ID = 0x0123456789abcdefL;
  /** Node "A", the requester of the golden vectors: id bytes 00 01 02 .. 1f. */
  public static final Id256 A = run(0x00);
  /** A second id, bytes 20 .. 3f. */
  public static final Id256 C = run(0x20);
  /** A record key / lookup target, bytes 40 .. 5f. */
  public static final Id256 K = run(0x40);
  /** Another contact id, bytes 60 .. 7f. */
  public static final Id256 D = run(0x60);
  /** Node "B", the responder: the RFC 8032 section 7.1 TEST 1 key, so its proof is reproducible. */
  public static final Identity B =
      Identity.fromSecretKey(hex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
  public static final Endpoint V4 = Endpoint.of(new byte[] {(byte) 192, 0, 2, 10}, 7400);
  public static final Endpoint V6 = Endpoint.parse("[2001:db8::1]:7400");
  public static final Endpoint V6_MAX_PORT = Endpoint.parse("[2001:db8::2]:65535");

  private WireSamples() {}

  /** 32 bytes counting up from {@code first}. */
  public static Id256 run(int first) {
    byte[] b = new byte[Id256.BYTES];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (first + i);
    }
    return Id256.of(b);
  }

  public static byte[] hex(String s) {
    return HexFormat.of().parseHex(s);
  }

  public static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  public static Envelope request(Body body) {
    return new Envelope(REQUEST_ID, A, false, null, body);
  }

  public static Envelope response(Body body) {
    return new Envelope(REQUEST_ID, C, false, null, body);
  }

  /** A response of {@code B} carrying a genuine id proof for requester {@code A}. */
  public static Envelope provenResponse(Body body) {
    return new Envelope(REQUEST_ID, B.nodeId(), false, IdProof.create(B, REQUEST_ID, A), body);
  }

  /** {@code n} contacts, alternating IPv4 and IPv6 endpoints. */
  public static List<Contact> contacts(int n) {
    List<Contact> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Endpoint e = i % 2 == 0
          ? Endpoint.ipv4(0x0A000000 + i, 1 + i)
          : Endpoint.of(hex("fe80000000000000000000000000" + String.format("%04x", i)), 65535 - i);
      out.add(new Contact(run(i * 3), e));
    }
    return out;
  }

  public static RawRecord rawRecord(int valueBytes) {
    byte[] v = new byte[valueBytes];
    for (int i = 0; i < v.length; i++) {
      v[i] = (byte) (i * 7);
    }
    return new RawRecord((byte) 1, K, v);
  }

  /** One or more examples of every message type and every variant the codec distinguishes. */
  public static Map<String, Envelope> all() {
    Map<String, Envelope> m = new LinkedHashMap<>();
    m.put("PING", request(new Body.Ping()));
    m.put("PING asking for proof", new Envelope(REQUEST_ID, A, true, null, new Body.Ping()));
    m.put("PONG IPv4", response(new Body.Pong(V4)));
    m.put("PONG IPv6", response(new Body.Pong(V6)));
    m.put("PONG IPv6 port 65535", response(new Body.Pong(V6_MAX_PORT)));
    m.put("PONG with id proof", provenResponse(new Body.Pong(V4)));
    m.put("FIND_NODE", request(new Body.FindNode(K)));
    m.put("FIND_NODE asking for proof", new Envelope(-1L, A, true, null, new Body.FindNode(K)));
    m.put("NODES 0 contacts", response(new Body.Nodes(List.of())));
    m.put("NODES 1 contact", response(new Body.Nodes(contacts(1))));
    m.put("NODES 32 contacts", response(new Body.Nodes(contacts(WireCodec.MAX_CONTACTS))));
    m.put("NODES with id proof", provenResponse(new Body.Nodes(contacts(20))));
    m.put("FIND_VALUE", request(new Body.FindValue(K, (byte) 1)));
    m.put("FIND_VALUE namespace 255", request(new Body.FindValue(K, (byte) 0xFF)));
    m.put("VALUE with record", response(new Body.Value(rawRecord(100), List.of())));
    m.put("VALUE with record and contacts", response(new Body.Value(rawRecord(3), contacts(5))));
    m.put("VALUE with 4096-byte record", response(new Body.Value(rawRecord(WireCodec.MAX_RECORD_VALUE_BYTES), List.of())));
    m.put("VALUE with empty record", response(new Body.Value(rawRecord(0), List.of())));
    m.put("VALUE without record", response(new Body.Value(null, contacts(20))));
    m.put("VALUE with id proof", provenResponse(new Body.Value(rawRecord(10), contacts(2))));
    m.put("STORE", request(new Body.Store(rawRecord(200))));
    m.put("STORE 4096-byte record", request(new Body.Store(rawRecord(WireCodec.MAX_RECORD_VALUE_BYTES))));
    for (Body.StoreStatus s : Body.StoreStatus.values()) {
      m.put("STORE_ACK " + s, response(new Body.StoreAck(s)));
    }
    m.put("STORE_ACK with id proof", provenResponse(new Body.StoreAck(Body.StoreStatus.STORED)));
    m.put("HAS", request(new Body.Has(K, (byte) 2)));
    m.put("HAS_REPLY -1", response(new Body.HasReply(-1)));
    m.put("HAS_REPLY 0", response(new Body.HasReply(0)));
    m.put("HAS_REPLY max", response(new Body.HasReply(Long.MAX_VALUE)));
    m.put("HAS_REPLY with id proof", provenResponse(new Body.HasReply(42)));
    m.put("ROUTE", request(new Body.Route(7, Body.RouteKind.FORWARD, K, 8, 0, 1, List.of(A, C), new byte[] {1, 2, 3})));
    m.put("ROUTE reply, last of 16 fragments", request(
        new Body.Route(-7, Body.RouteKind.REPLY, run(0), 0, 15, 16, List.of(), new byte[WireCodec.MAX_ROUTE_FRAGMENT_BYTES])));
    for (Body.RouteAckStatus s : Body.RouteAckStatus.values()) {
      m.put("ROUTE_ACK " + s, response(new Body.RouteAck(s)));
    }
    return m;
  }

  /**
   * The golden vectors, in the order docs/wire-format.md lists them. A asks, B (proving its id)
   * or C answers; K is the key or target. Their bytes are pinned in WireCodecTest.
   */
  public static Map<String, Envelope> golden() {
    Map<String, Envelope> m = new LinkedHashMap<>();
    m.put("PING", new Envelope(REQUEST_ID, A, true, null, new Body.Ping()));
    m.put("PONG with id proof", provenResponse(new Body.Pong(V4)));
    m.put("PONG IPv6", new Envelope(0xfedcba9876543210L, C, false, null, new Body.Pong(V6)));
    m.put("FIND_NODE", request(new Body.FindNode(K)));
    m.put("NODES 0 contacts", response(new Body.Nodes(List.of())));
    m.put("NODES 2 contacts", response(new Body.Nodes(List.of(new Contact(K, V4), new Contact(D, V6_MAX_PORT)))));
    m.put("FIND_VALUE", request(new Body.FindValue(K, (byte) 1)));
    m.put("VALUE with record", response(new Body.Value(new RawRecord((byte) 1, K, hex("6869")), List.of())));
    m.put("VALUE without record", response(new Body.Value(null, List.of(new Contact(D, V4)))));
    m.put("STORE", request(new Body.Store(new RawRecord((byte) 2, K, hex("c0ffee")))));
    m.put("STORE_ACK KEPT_NEWER", response(new Body.StoreAck(Body.StoreStatus.KEPT_NEWER)));
    m.put("HAS", request(new Body.Has(K, (byte) 1)));
    m.put("HAS_REPLY -1", response(new Body.HasReply(-1)));
    m.put("ROUTE", request(new Body.Route(0x1122334455667788L, Body.RouteKind.FORWARD, K, 8, 0, 1, List.of(A), hex("616263"))));
    m.put("ROUTE_ACK ACCEPTED", response(new Body.RouteAck(Body.RouteAckStatus.ACCEPTED)));
    return m;
  }

  /** Every field of a message, arrays in hex: equal strings mean equal messages. */
  public static String describe(Envelope m) {
    StringBuilder sb = new StringBuilder();
    sb.append("requestId=").append(Long.toHexString(m.requestId()))
        .append(" sender=").append(m.sender().toHex())
        .append(" prove=").append(m.proveRequested());
    if (m.proof() != null) {
      sb.append(" proof=").append(hex(m.proof().publicKey())).append('/').append(hex(m.proof().signature()));
    }
    sb.append(' ').append(m.type()).append(' ').append(describe(m.body()));
    return sb.toString();
  }

  private static String describe(Body b) {
    if (b instanceof Body.Pong p) {
      return endpoint(p.observed());
    } else if (b instanceof Body.FindNode f) {
      return f.target().toHex();
    } else if (b instanceof Body.Nodes n) {
      return contactsText(n.contacts());
    } else if (b instanceof Body.FindValue f) {
      return f.key().toHex() + " ns=" + f.namespace();
    } else if (b instanceof Body.Value v) {
      return record(v.record()) + " " + contactsText(v.contacts());
    } else if (b instanceof Body.Store s) {
      return record(s.record());
    } else if (b instanceof Body.StoreAck a) {
      return a.status().name();
    } else if (b instanceof Body.Has h) {
      return h.key().toHex() + " ns=" + h.namespace();
    } else if (b instanceof Body.HasReply h) {
      return Long.toString(h.seq());
    } else if (b instanceof Body.Route r) {
      List<String> path = r.path().stream().map(Id256::toHex).toList();
      return r.routeId() + " " + r.kind() + " " + r.target().toHex() + " hops=" + r.hopsLeft() + " frag=" + r.fragment()
          + "/" + r.fragments() + " path=" + path + " payload=" + hex(r.payload());
    } else if (b instanceof Body.RouteAck a) {
      return a.status().name();
    }
    return "";
  }

  private static String endpoint(Endpoint e) {
    return hex(e.address()) + ":" + e.port();
  }

  private static String contactsText(List<Contact> cs) {
    StringBuilder sb = new StringBuilder("[");
    for (Contact c : cs) {
      sb.append(c.id().toHex()).append('@').append(endpoint(c.endpoint())).append(' ');
    }
    return sb.append(']').toString();
  }

  private static String record(RawRecord r) {
    return r == null ? "no-record" : "record(ns=" + r.namespace() + " key=" + r.key().toHex() + " value=" + hex(r.value()) + ")";
  }

  /**
   * A seeded mutation of a valid message: one to three bit flips, byte changes, truncations,
   * insertions, deletions or duplications; or, one time in fifty, random bytes.
   */
  public static byte[] mutate(byte[] original, SplittableRandom r) {
    if (r.nextInt(50) == 0) {
      byte[] random = new byte[r.nextInt(200)];
      r.nextBytes(random);
      if (random.length > 1 && r.nextBoolean()) {
        random[0] = 1; // valid version, so the type and body checks get exercised
        random[1] = (byte) MessageType.values()[r.nextInt(MessageType.values().length)].code;
      }
      return random;
    }
    byte[] b = original.clone();
    int rounds = 1 + r.nextInt(3);
    for (int round = 0; round < rounds && b.length > 0; round++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(6)) {
        case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
        case 1 -> b[at] = (byte) r.nextInt(256);
        case 2 -> b = Arrays.copyOf(b, at);
        case 3 -> {
          byte[] ins = new byte[1 + r.nextInt(40)];
          r.nextBytes(ins);
          byte[] out = new byte[b.length + ins.length];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(ins, 0, out, at, ins.length);
          System.arraycopy(b, at, out, at + ins.length, b.length - at);
          b = out;
        }
        case 4 -> {
          int len = Math.min(b.length - at, 1 + r.nextInt(40));
          byte[] out = new byte[b.length - len];
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(b, at + len, out, at, b.length - at - len);
          b = out;
        }
        default -> {
          int len = Math.min(b.length - at, 1 + r.nextInt(60));
          byte[] out = new byte[b.length + len];
          System.arraycopy(b, 0, out, 0, at + len);
          System.arraycopy(b, at, out, at + len, b.length - at);
          b = out;
        }
      }
    }
    return b;
  }
}
