package net.switchboard.signaling.transport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import net.switchboard.dht.identity.Identity;

/**
 * The PeerJS server protocol, as far as a signaling transport needs it, with no I/O: the adapter
 * (overlay module) opens {@code ws://host:port/<path>/peerjs?key=K&id=ID&token=T}, waits for {@code
 * OPEN}, sends {@code HEARTBEAT} every ~5 s, and exchanges JSON messages {@code {type, src, dst,
 * payload}} that the server relays from {@code src} to {@code dst}.
 *
 * <p>Switchboard over PeerJS: an envelope goes as {@code {"type":"OFFER","dst":peerId,
 * "payload":{"sb":"<base64>"}}}; the receiver acknowledges (only if it wants to, see {@link
 * Inbound#acknowledge}) with {@code {"type":"ANSWER","dst":src,"payload":{"sbAck":"<ackId>"}}},
 * where ackId is the hex of the first 16 bytes of SHA-256(envelope). PeerJS ids are derived from
 * identity keys ({@link #peerIdOf}), so a caller needs nothing but the contact's key.
 *
 * @param type the message type
 * @param src sender's PeerJS id (set by the server), or null
 * @param dst recipient's PeerJS id, or null
 * @param payload the parsed JSON payload (Map, List, String, Double, Boolean) or null
 */
public record PeerJsMessage(Type type, String src, String dst, Object payload) {

  /** Message types of the PeerJS server protocol. */
  public enum Type {
    OPEN("OPEN"),
    ID_TAKEN("ID-TAKEN"),
    INVALID_KEY("INVALID-KEY"),
    ERROR("ERROR"),
    EXPIRE("EXPIRE"),
    LEAVE("LEAVE"),
    HEARTBEAT("HEARTBEAT"),
    OFFER("OFFER"),
    ANSWER("ANSWER"),
    CANDIDATE("CANDIDATE");

    private final String wire;

    Type(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    static Type ofWire(String s) throws MalformedPeerJsException {
      for (Type t : values()) {
        if (t.wire.equals(s)) {
          return t;
        }
      }
      throw new MalformedPeerJsException("unknown PeerJS message type " + s);
    }
  }

  /** A server message this adapter cannot read; dropped and counted. */
  public static final class MalformedPeerJsException extends Exception {
    public MalformedPeerJsException(String message) {
      super(message, null, false, false);
    }
  }

  /** The PeerJS id of an identity: {@code sb-} and 40 hex digits of SHA-256(identity key). */
  public static String peerIdOf(byte[] identityKey) {
    return "sb-" + Identity.nodeIdOf(identityKey).toHex().substring(0, 40);
  }

  /** The WebSocket path and query for {@code id} ({@code path} is the server's mount, e.g. "/"). */
  public static String connectPath(String path, String key, String id, String token) {
    String base = path.endsWith("/") ? path : path + "/";
    return base + "peerjs?key=" + enc(key) + "&id=" + enc(id) + "&token=" + enc(token);
  }

  /** {@code {"type":"HEARTBEAT"}}. */
  public static String heartbeat() {
    return PeerJsJson.write(Type.HEARTBEAT.wire(), null, null, null);
  }

  /** An envelope for {@code dstPeerId}. */
  public static String envelopeOffer(String dstPeerId, byte[] envelope) {
    return PeerJsJson.write(Type.OFFER.wire(), dstPeerId, "sb", Base64.getEncoder().encodeToString(envelope));
  }

  /** The acknowledgement of {@code envelope}, back to {@code dstPeerId}. */
  public static String acknowledgement(String dstPeerId, byte[] envelope) {
    return PeerJsJson.write(Type.ANSWER.wire(), dstPeerId, "sbAck", ackId(envelope));
  }

  /** Hex of the first 16 bytes of SHA-256(envelope). */
  public static String ackId(byte[] envelope) {
    return HexFormat.of().formatHex(Identity.sha256(envelope), 0, 16);
  }

  /** @throws MalformedPeerJsException on bad JSON, a missing or unknown type */
  public static PeerJsMessage parse(String json) throws MalformedPeerJsException {
    Object v = PeerJsJson.parse(json);
    if (!(v instanceof Map<?, ?> m) || !(m.get("type") instanceof String type)) {
      throw new MalformedPeerJsException("not a PeerJS message");
    }
    return new PeerJsMessage(Type.ofWire(type), string(m.get("src")), string(m.get("dst")), m.get("payload"));
  }

  /** The envelope an OFFER carries, if it is a Switchboard one. */
  public Optional<byte[]> envelope() {
    if (type == Type.OFFER && payload instanceof Map<?, ?> p && p.get("sb") instanceof String b64) {
      try {
        return Optional.of(Base64.getDecoder().decode(b64));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The acknowledged ackId an ANSWER carries, if it is a Switchboard one. */
  public Optional<String> acknowledged() {
    if (type == Type.ANSWER && payload instanceof Map<?, ?> p && p.get("sbAck") instanceof String id) {
      return Optional.of(id);
    }
    return Optional.empty();
  }

  private static String string(Object o) {
    return o instanceof String s ? s : null;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
