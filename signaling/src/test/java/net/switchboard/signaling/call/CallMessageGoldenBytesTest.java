package net.switchboard.signaling.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import net.switchboard.dht.identity.Id256;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.contact.DirectEndpoint;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.contact.Reachability;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Pins the exact bytes of every call message type. */
class CallMessageGoldenBytesTest {
  private static final HexFormat HEX = HexFormat.of();

  private static CallId callId() {
    byte[] b = new byte[CallId.BYTES];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (0xA0 + i);
    }
    return CallId.of(b);
  }

  private static Reachability replyTo() {
    byte[] route = new byte[32];
    route[31] = 1;
    return new Reachability(List.of(Id256.of(route)), List.of(new DirectEndpoint("198.51.100.2", 5060)),
        EnumSet.of(ContactTransport.OVERLAY, ContactTransport.DIRECT), EnumSet.of(MediaCapability.AUDIO));
  }

  static Stream<Arguments> golden() {
    CallId id = callId();
    return Stream.of(
        Arguments.of(new CallMessage.Ring(id, "v=0\r\n", replyTo()),
            "0101a0a1a2a3a4a5a6a7a8a9aaabacadaeaf" + "03" + "01" + "01"
                + "0000000000000000000000000000000000000000000000000000000000000001"
                + "01" + "0c" + "3139382e35312e3130302e32" + "13c4" + "00000005" + "763d300d0a"),
        Arguments.of(new CallMessage.Accept(id, "v=0 ü"),
            "0102a0a1a2a3a4a5a6a7a8a9aaabacadaeaf" + "00000006" + "763d3020c3bc"),
        Arguments.of(new CallMessage.Reject(id), "0103a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"),
        Arguments.of(new CallMessage.Busy(id), "0104a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"),
        Arguments.of(new CallMessage.Cancel(id), "0105a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"),
        Arguments.of(new CallMessage.Hangup(id), "0106a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"),
        Arguments.of(new CallMessage.Ice(id, new IceCandidate("0", 1, "candidate:1 1 udp 1 10.0.0.1 9 typ host")),
            "0107a0a1a2a3a4a5a6a7a8a9aaabacadaeaf" + "0001" + "30" + "0001" + "00000027"
                + "63616e6469646174653a3120312075647020312031302e302e302e3120392074797020686f7374"),
        Arguments.of(new CallMessage.Ice(id, new IceCandidate("", -1, "")),
            "0107a0a1a2a3a4a5a6a7a8a9aaabacadaeaf" + "0000" + "ffff" + "00000000"));
  }

  @ParameterizedTest
  @MethodSource("golden")
  void encodesToThePinnedBytes(CallMessage m, String pinned) {
    assertEquals(pinned, HEX.formatHex(CallMessageCodec.encode(m)));
  }

  @ParameterizedTest
  @MethodSource("golden")
  void decodesFromThePinnedBytes(CallMessage m, String pinned) throws Exception {
    assertEquals(m, CallMessageCodec.decode(HEX.parseHex(pinned)));
  }
}
