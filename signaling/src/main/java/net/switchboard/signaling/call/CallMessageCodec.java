package net.switchboard.signaling.call;

import net.switchboard.dht.wire.ByteReader;
import net.switchboard.dht.wire.ByteWriter;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.contact.ReachabilityCodec;

/**
 * Encoding of {@link CallMessage} (docs/wire-format.md, "Signaling envelope"): {@code version(1)=1 |
 * type(1) | callId(16) | fields}. Strings are UTF-8 with a u32 (SDP, candidate) or u16 length; a
 * ring's reply-to is a {@link ReachabilityCodec reachability}.
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
  private static final int MAX_SHORT_STRING_BYTES = 0xFFFF;
  private static final int NO_MLINE_INDEX = 0xFFFF;

  private CallMessageCodec() {}

  /** @throws IllegalArgumentException on an SDP or candidate over 60000 UTF-8 bytes */
  public static byte[] encode(CallMessage m) {
    ByteWriter out = new ByteWriter(128);
    out.u8(VERSION).u8(typeOf(m)).bytes(m.callId().toBytes());
    if (m instanceof CallMessage.Ring r) {
      ReachabilityCodec.write(out, r.replyTo());
      out.utf8With32(r.offerSdp(), MAX_STRING_BYTES);
    } else if (m instanceof CallMessage.Accept a) {
      out.utf8With32(a.answerSdp(), MAX_STRING_BYTES);
    } else if (m instanceof CallMessage.Ice i) {
      int index = i.candidate().sdpMLineIndex();
      out.utf8With16(i.candidate().sdpMid(), MAX_SHORT_STRING_BYTES)
          .u16(index < 0 ? NO_MLINE_INDEX : index)
          .utf8With32(i.candidate().candidate(), MAX_STRING_BYTES);
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
    if (body == null) {
      throw new MalformedCallMessageException("no call message");
    }
    var in = new ByteReader<>(body, MalformedCallMessageException::new);
    int version = in.u8("version");
    if (version != VERSION) {
      throw new MalformedCallMessageException("unknown call message version " + version);
    }
    int type = in.u8("type");
    try {
      CallId callId = CallId.of(in.bytes(CallId.BYTES, "call id"));
      CallMessage m = switch (type) {
        case RING -> {
          Reachability replyTo = ReachabilityCodec.read(in, ReachabilityCodec.UnknownFlags.IGNORE);
          yield new CallMessage.Ring(callId, in.utf8With32(MAX_STRING_BYTES, "offer SDP"), replyTo);
        }
        case ACCEPT -> new CallMessage.Accept(callId, in.utf8With32(MAX_STRING_BYTES, "answer SDP"));
        case REJECT -> new CallMessage.Reject(callId);
        case BUSY -> new CallMessage.Busy(callId);
        case CANCEL -> new CallMessage.Cancel(callId);
        case HANGUP -> new CallMessage.Hangup(callId);
        case ICE -> {
          String mid = in.utf8With16(MAX_SHORT_STRING_BYTES, "sdpMid");
          int index = in.u16("sdpMLineIndex");
          String candidate = in.utf8With32(MAX_STRING_BYTES, "candidate");
          yield new CallMessage.Ice(callId, new IceCandidate(mid, index == NO_MLINE_INDEX ? -1 : index, candidate));
        }
        default -> throw new MalformedCallMessageException("unknown call message type " + type);
      };
      in.expectEnd();
      return m;
    } catch (IllegalArgumentException e) {
      throw new MalformedCallMessageException(e.getMessage());
    }
  }
}
