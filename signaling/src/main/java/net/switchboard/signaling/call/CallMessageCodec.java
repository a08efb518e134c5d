package net.switchboard.signaling.call;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import net.switchboard.dht.identity.Id256;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.contact.DirectEndpoint;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.contact.Reachability;

/**
 * Encoding of {@link CallMessage} (docs/wire-format.md, "Signaling envelope"): {@code version(1)=1 |
 * type(1) | callId(16) | fields}. Strings are UTF-8 with a u32 (SDP, candidate) or u16 length.
 */
public final class CallMessageCodec {
  public static final int VERSION = 1;
  static final int RING = 1;
  static final int ACCEPT = 2;
  static final int REJECT = 3;
  static final int BUSY = 4;
  static final int CANCEL = 5;
  static final int HANGUP = 6;
  static final int ICE = 7;
  private static final int MAX_STRING_BYTES = 60_000;

  private CallMessageCodec() {}

  public static byte[] encode(CallMessage m) {
    Out out = new Out();
    out.u8(VERSION);
    out.u8(typeOf(m));
    out.bytes(m.callId().toBytes());
    if (m instanceof CallMessage.Ring r) {
      writeReachability(out, r.replyTo());
      out.longString(r.offerSdp());
    } else if (m instanceof CallMessage.Accept a) {
      out.longString(a.answerSdp());
    } else if (m instanceof CallMessage.Ice i) {
      out.shortString(i.candidate().sdpMid());
      out.u16(i.candidate().sdpMLineIndex() < 0 ? 0xFFFF : i.candidate().sdpMLineIndex());
      out.longString(i.candidate().candidate());
    }
    return out.toByteArray();
  }

  private static int typeOf(CallMessage m) {
    if (m instanceof CallMessage.Ring) {
      return RING;
    } else if (m instanceof CallMessage.Accept) {
      return ACCEPT;
    } else if (m instanceof CallMessage.Reject) {
      return REJECT;
    } else if (m instanceof CallMessage.Busy) {
      return BUSY;
    } else if (m instanceof CallMessage.Cancel) {
      return CANCEL;
    } else if (m instanceof CallMessage.Hangup) {
      return HANGUP;
    }
    return ICE;
  }

  /** @throws MalformedCallMessageException on any framing, range or UTF-8 error */
  public static CallMessage decode(byte[] body) throws MalformedCallMessageException {
    try {
      ByteBuffer in = ByteBuffer.wrap(body);
      int version = in.get() & 0xFF;
      if (version != VERSION) {
        throw new MalformedCallMessageException("unknown call message version " + version);
      }
      int type = in.get() & 0xFF;
      byte[] id = new byte[CallId.BYTES];
      in.get(id);
      CallId callId = CallId.of(id);
      CallMessage m = switch (type) {
        case RING -> {
          Reachability replyTo = readReachability(in);
          yield new CallMessage.Ring(callId, longString(in), replyTo);
        }
        case ACCEPT -> new CallMessage.Accept(callId, longString(in));
        case REJECT -> new CallMessage.Reject(callId);
        case BUSY -> new CallMessage.Busy(callId);
        case CANCEL -> new CallMessage.Cancel(callId);
        case HANGUP -> new CallMessage.Hangup(callId);
        case ICE -> {
          String mid = shortString(in);
          int index = in.getShort() & 0xFFFF;
          yield new CallMessage.Ice(callId, new IceCandidate(mid, index == 0xFFFF ? -1 : index, longString(in)));
        }
        default -> throw new MalformedCallMessageException("unknown call message type " + type);
      };
      if (in.hasRemaining()) {
        throw new MalformedCallMessageException(in.remaining() + " trailing bytes");
      }
      return m;
    } catch (BufferUnderflowException e) {
      throw new MalformedCallMessageException("truncated call message");
    } catch (IllegalArgumentException e) {
      throw new MalformedCallMessageException(e.getMessage());
    }
  }

  // reachability: transports(1) | media(1) | nRoutes(1) | routes(32 each) | nEndpoints(1) | (hostLen(1) host port(2))*
  private static void writeReachability(Out out, Reachability r) {
    int t = 0;
    for (ContactTransport ct : r.transports()) {
      t |= transportBit(ct);
    }
    int media = 0;
    for (MediaCapability mc : r.media()) {
      media |= mediaBit(mc);
    }
    out.u8(t);
    out.u8(media);
    out.u8(r.routes().size());
    for (Id256 route : r.routes()) {
      out.bytes(route.toBytes());
    }
    out.u8(r.endpoints().size());
    for (DirectEndpoint e : r.endpoints()) {
      byte[] host = e.host().getBytes(StandardCharsets.UTF_8);
      out.u8(host.length);
      out.bytes(host);
      out.u16(e.port());
    }
  }

  private static Reachability readReachability(ByteBuffer in) throws MalformedCallMessageException {
    int t = in.get() & 0xFF;
    int media = in.get() & 0xFF;
    Set<ContactTransport> transports = EnumSet.noneOf(ContactTransport.class);
    for (ContactTransport ct : ContactTransport.values()) {
      if ((t & transportBit(ct)) != 0) {
        transports.add(ct);
      }
    }
    Set<MediaCapability> caps = EnumSet.noneOf(MediaCapability.class);
    for (MediaCapability mc : MediaCapability.values()) {
      if ((media & mediaBit(mc)) != 0) {
        caps.add(mc);
      }
    }
    int nRoutes = in.get() & 0xFF;
    if (nRoutes > Reachability.MAX_ROUTES) {
      throw new MalformedCallMessageException(nRoutes + " reply routes");
    }
    List<Id256> routes = new ArrayList<>();
    for (int i = 0; i < nRoutes; i++) {
      byte[] b = new byte[Id256.BYTES];
      in.get(b);
      routes.add(Id256.of(b));
    }
    int nEndpoints = in.get() & 0xFF;
    if (nEndpoints > Reachability.MAX_ENDPOINTS) {
      throw new MalformedCallMessageException(nEndpoints + " reply endpoints");
    }
    List<DirectEndpoint> endpoints = new ArrayList<>();
    for (int i = 0; i < nEndpoints; i++) {
      byte[] host = new byte[in.get() & 0xFF];
      in.get(host);
      endpoints.add(new DirectEndpoint(utf8(host), in.getShort() & 0xFFFF));
    }
    return new Reachability(routes, endpoints, transports, caps);
  }

  private static int transportBit(ContactTransport t) {
    return switch (t) {
      case OVERLAY -> 0x01;
      case DIRECT -> 0x02;
      case GATEWAY -> 0x04;
      case PEERJS -> 0x08;
    };
  }

  private static int mediaBit(MediaCapability m) {
    return switch (m) {
      case AUDIO -> 0x01;
      case VIDEO -> 0x02;
      case DATA -> 0x04;
    };
  }

  private static String longString(ByteBuffer in) throws MalformedCallMessageException {
    int n = in.getInt();
    if (n < 0 || n > MAX_STRING_BYTES || n > in.remaining()) {
      throw new MalformedCallMessageException("string length " + n + " out of range");
    }
    byte[] b = new byte[n];
    in.get(b);
    return utf8(b);
  }

  private static String shortString(ByteBuffer in) throws MalformedCallMessageException {
    byte[] b = new byte[in.getShort() & 0xFFFF];
    in.get(b);
    return utf8(b);
  }

  private static String utf8(byte[] b) throws MalformedCallMessageException {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedCallMessageException("invalid UTF-8");
    }
  }

  private static final class Out extends ByteArrayOutputStream {
    void u8(int v) {
      write(v);
    }

    void u16(int v) {
      write(v >>> 8);
      write(v);
    }

    void bytes(byte[] b) {
      write(b, 0, b.length);
    }

    void longString(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length > MAX_STRING_BYTES) {
        throw new IllegalArgumentException("string of " + b.length + " bytes exceeds " + MAX_STRING_BYTES);
      }
      u16(b.length >>> 16);
      u16(b.length);
      bytes(b);
    }

    void shortString(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      if (b.length > 0xFFFF) {
        throw new IllegalArgumentException("string of " + b.length + " bytes exceeds 65535");
      }
      u16(b.length);
      bytes(b);
    }
  }
}
