package net.switchboard.dht.wire;

import java.util.List;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.routing.Contact;
import net.switchboard.dht.seam.Endpoint;

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
