package net.switchboard.dht.wire;

import java.util.List;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.routing.Contact;
import net.switchboard.seam.Endpoint;

/** The type-specific part of a message. One record per message type; see docs/wire-format.md. */
public sealed interface Body {
  MessageType type();

  /** Liveness check; the reply proves the responder's id when asked to. */
  record Ping() implements Body {
    public MessageType type() { return MessageType.PING; }
  }

  /** Reply to PING, telling the requester the endpoint its datagram came from. */
  record Pong(Endpoint observed) implements Body {
    public MessageType type() { return MessageType.PONG; }
  }

  /** Asks for the k contacts closest to {@code target}. */
  record FindNode(Id256 target) implements Body {
    public MessageType type() { return MessageType.FIND_NODE; }
  }

  /** Reply to FIND_NODE: up to k contacts closest to the target that the responder knows. */
  record Nodes(List<Contact> contacts) implements Body {
    public MessageType type() { return MessageType.NODES; }
  }

  /** Asks for the record under {@code key} in {@code namespace}, or closer contacts. */
  record FindValue(Id256 key, byte namespace) implements Body {
    public MessageType type() { return MessageType.FIND_VALUE; }
  }

  /** Reply to FIND_VALUE: the record if held (else null), and closer contacts. */
  record Value(RawRecord record, List<Contact> contacts) implements Body {
    public MessageType type() { return MessageType.VALUE; }
  }

  /** Asks the responder to keep a record. */
  record Store(RawRecord record) implements Body {
    public MessageType type() { return MessageType.STORE; }
  }

  /** Reply to STORE: what the responder did with the record. */
  record StoreAck(StoreStatus status) implements Body {
    public MessageType type() { return MessageType.STORE_ACK; }
  }

  /** Holder audit: does the responder hold a record under this key, and which seq? */
  record Has(Id256 key, byte namespace) implements Body {
    public MessageType type() { return MessageType.HAS; }
  }

  /** Reply to HAS: the held seq, or -1 when the responder holds nothing under the key. */
  record HasReply(long seq) implements Body {
    public MessageType type() { return MessageType.HAS_REPLY; }
  }

  /**
   * One fragment of a key-routed message (see {@code route.Router}).
   *
   * @param routeId random id chosen by the origin; names the route at every hop
   * @param kind FORWARD toward the target, REPLY or NOT_FOUND back along the path
   * @param target the node id the message is for (FORWARD), zero otherwise
   * @param hopsLeft hops this fragment may still take
   * @param fragment index of this fragment, from 0
   * @param fragments number of fragments of the whole payload
   * @param path node ids already visited, origin first (FORWARD only)
   * @param payload this fragment's bytes (opaque: end-to-end encrypted by the signaling layer)
   */
  record Route(long routeId, RouteKind kind, Id256 target, int hopsLeft, int fragment, int fragments,
      List<Id256> path, byte[] payload) implements Body {
    public MessageType type() { return MessageType.ROUTE; }
  }

  /** Hop-level acknowledgement of a ROUTE fragment: the next hop took responsibility, or why not. */
  record RouteAck(RouteAckStatus status) implements Body {
    public MessageType type() { return MessageType.ROUTE_ACK; }
  }

  /** Direction of a routed fragment. */
  enum RouteKind {
    FORWARD,
    REPLY,
    NOT_FOUND;

    static RouteKind ofCode(int code) {
      return code >= 0 && code < values().length ? values()[code] : null;
    }
  }

  /** What a hop did with a fragment. */
  enum RouteAckStatus {
    ACCEPTED,
    DUPLICATE,
    RATE_LIMITED,
    REFUSED;

    static RouteAckStatus ofCode(int code) {
      return code >= 0 && code < values().length ? values()[code] : null;
    }
  }

  /** A record as carried on the wire, not yet validated. */
  record RawRecord(byte namespace, Id256 key, byte[] value) {}

  /** Outcome codes of a STORE. */
  enum StoreStatus {
    STORED,
    KEPT_NEWER,
    REJECTED,
    FULL;

    static StoreStatus ofCode(int code) {
      return code >= 0 && code < values().length ? values()[code] : null;
    }
  }
}
