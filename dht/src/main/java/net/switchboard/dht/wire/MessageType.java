package net.switchboard.dht.wire;

/** Every message type on the wire, with its code. Responses have the high bit set. */
public enum MessageType {
  PING(0x01),
  FIND_NODE(0x02),
  FIND_VALUE(0x03),
  STORE(0x04),
  HAS(0x05),
  ROUTE(0x06),
  PONG(0x81),
  NODES(0x82),
  VALUE(0x83),
  STORE_ACK(0x84),
  HAS_REPLY(0x85),
  ROUTE_ACK(0x86);

  private static final MessageType[] BY_CODE = new MessageType[256];

  static {
    for (MessageType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  public final int code;

  MessageType(int code) {
    this.code = code;
  }

  public boolean isResponse() {
    return (code & 0x80) != 0;
  }

  /** The type for a code, or null when unknown. */
  public static MessageType ofCode(int code) {
    return BY_CODE[code & 0xFF];
  }
}
