package net.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.switchboard.signaling.call.IceCandidate;
import net.switchboard.signaling.call.MediaSession;
import org.junit.jupiter.api.Test;

/** Half-trickle: early candidates ride inside the SDP, later ones trickle, none twice. */
class HalfTrickleTest {
  static final String SDP = String.join("\r\n",
      "v=0", "o=- 1 2 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0 1",
      "m=application 9 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 0.0.0.0", "a=mid:0",
      "a=fingerprint:sha-256 AA:BB", "m=audio 9 UDP/TLS/RTP/SAVPF 111", "a=mid:1", "") ;

  final List<IceCandidate> trickled = new ArrayList<>();
  final MediaSession.Listener down = new MediaSession.Listener() {
    @Override
    public void onLocalCandidate(IceCandidate candidate) {
      trickled.add(candidate);
    }

    @Override
    public void onDataChannelOpen() {}

    @Override
    public void onFailed(String reason) {}
  };

  @Test
  void candidatesGoIntoTheirMediaSectionAndTheRestOfTheSdpIsKept() {
    String out = HalfTrickle.withCandidates(SDP, List.of(
        new IceCandidate("0", 0, "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host"),
        new IceCandidate("", 1, "candidate:2 1 udp 2122260223 127.0.0.1 50002 typ host"),
        new IceCandidate("0", 0, "")));
    String[] lines = out.split("\r\n");
    assertEquals("a=fingerprint:sha-256 AA:BB", lines[8]);
    assertEquals("a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host", lines[9]);
    assertEquals("m=audio 9 UDP/TLS/RTP/SAVPF 111", lines[10]);
    assertEquals("a=candidate:2 1 udp 2122260223 127.0.0.1 50002 typ host", lines[12]);
    assertEquals(13, lines.length);
    assertTrue(out.endsWith("\r\n"));
    assertEquals(SDP, HalfTrickle.withCandidates(SDP, List.of()));
  }

  @Test
  void earlyCandidatesAreEmbeddedAndOnlyLaterOnesTrickle() throws Exception {
    HalfTrickle gate = new HalfTrickle(down, 5_000);
    CompletableFuture<String> offer = new CompletableFuture<>();
    CompletableFuture<String> described = gate.describe(offer);
    gate.onLocalCandidate(new IceCandidate("0", 0, "candidate:1 1 udp 1 127.0.0.1 1 typ host"));
    offer.complete(SDP);
    String sdp = described.get(5, TimeUnit.SECONDS);
    assertTrue(sdp.contains("a=candidate:1 1 udp 1 127.0.0.1 1 typ host"), sdp);
    assertTrue(trickled.isEmpty());
    gate.onLocalCandidate(new IceCandidate("0", 0, "candidate:2 1 udp 1 127.0.0.1 2 typ host"));
    assertEquals(1, trickled.size());
  }

  @Test
  void withNoCandidateInTimeTheSdpGoesAsItIsAndEverythingTrickles() throws Exception {
    HalfTrickle gate = new HalfTrickle(down, 1);
    String sdp = gate.describe(CompletableFuture.completedFuture(SDP)).get(5, TimeUnit.SECONDS);
    assertEquals(SDP, sdp);
    gate.onLocalCandidate(new IceCandidate("0", 0, "candidate:1 1 udp 1 127.0.0.1 1 typ host"));
    assertEquals(1, trickled.size());
  }
}
