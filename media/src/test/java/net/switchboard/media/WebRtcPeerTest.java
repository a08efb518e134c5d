package net.switchboard.media;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.switchboard.signaling.call.CallId;
import net.switchboard.signaling.call.IceCandidate;
import net.switchboard.signaling.call.MediaSession;
import net.switchboard.signaling.contact.MediaCapability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real webrtc-java peers in this JVM, signaling handed over in-process, ICE over 127.0.0.1.
 * All native tests live in this one class so the process-wide factory is created once and
 * disposed once, after every peer is closed.
 */
class WebRtcPeerTest {
  private static WebRtcFactory factory;
  private final List<InProcessSignaling.Pair> pairs = new ArrayList<>();

  @TempDir Path tmp;

  @BeforeAll
  static void startFactory() {
    factory = WebRtcFactory.create(new ConnectionBudget(8, 1_000));
  }

  @AfterAll
  static void disposeFactory() {
    if (factory != null) {
      factory.close();
    }
  }

  @AfterEach
  void closePeers() {
    pairs.forEach(InProcessSignaling.Pair::close);
    assertEquals(0, factory.budget().live(), "every connection returned to the budget");
  }

  private InProcessSignaling.Pair connect(
      PeerConfig callerCfg, PeerListener callerL, PeerConfig calleeCfg, PeerListener calleeL)
      throws Exception {
    InProcessSignaling.Pair pair =
        InProcessSignaling.connect(factory, callerCfg, callerL, calleeCfg, calleeL);
    pairs.add(pair);
    pair.connected().get(20, TimeUnit.SECONDS);
    return pair;
  }

  private static PeerConfig loopback() {
    return PeerConfig.defaults().withLoopback(true);
  }

  @Test
  void spareConnectionsAreMadeAfterAHandshakeAndCarryTheNextCall() throws Exception {
    factory.keepSpareConnections(2); // from here on the other tests run on spares too
    connect(loopback(), PeerListener.none(), loopback(), PeerListener.none());
    await().atMost(Duration.ofSeconds(10)).until(() -> factory.spareConnections() == 2);
    List<String> atCallee = new CopyOnWriteArrayList<>();
    InProcessSignaling.Pair second =
        connect(
            loopback(),
            PeerListener.none(),
            loopback(),
            new PeerListener() {
              @Override
              public void onText(String text) {
                atCallee.add(text);
              }
            });
    second.caller().sendText("over a connection made ahead").get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> atCallee.size() == 1);
    assertEquals("over a connection made ahead", atCallee.get(0));
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> factory.keepSpareConnections(5));
  }

  @Test
  void chatChannelOpensAndTextArrivesBothWays() throws Exception {
    List<String> atCallee = new CopyOnWriteArrayList<>();
    List<String> atCaller = new CopyOnWriteArrayList<>();
    List<IceCandidate> callerCandidates = new CopyOnWriteArrayList<>();
    PeerListener callerL =
        new PeerListener() {
          @Override
          public void onText(String text) {
            atCaller.add(text);
          }

          @Override
          public void onLocalCandidate(IceCandidate c) {
            callerCandidates.add(c);
          }
        };
    PeerListener calleeL =
        new PeerListener() {
          @Override
          public void onText(String text) {
            atCallee.add(text);
          }
        };
    InProcessSignaling.Pair pair = connect(loopback(), callerL, loopback(), calleeL);
    pair.caller().sendText("hello, callee — ünïcödé").get(5, TimeUnit.SECONDS);
    pair.callee().sendText("hello back").get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> atCallee.size() == 1 && atCaller.size() == 1);
    assertEquals("hello, callee — ünïcödé", atCallee.get(0));
    assertEquals("hello back", atCaller.get(0));
    assertTrue(!callerCandidates.isEmpty());
    assertTrue(callerCandidates.stream().allMatch(c -> c.candidate().contains(" 127.0.0.1 ")),
        "loopback candidates are rewritten: " + callerCandidates);
    System.out.printf("handshake (offer to chat open): caller %.1f ms%n", pair.caller().handshakeMillis());
  }

  @Test
  void fiveMegabyteFileArrivesIntact() throws Exception {
    Path src = tmp.resolve("payload.bin");
    byte[] content = new byte[5 * 1024 * 1024 + 123];
    new Random(42).nextBytes(content);
    Files.write(src, content);
    Path inbox = tmp.resolve("inbox");
    List<FileTransfer> received = new CopyOnWriteArrayList<>();
    PeerListener calleeL =
        new PeerListener() {
          @Override
          public void onFileReceived(FileTransfer f) {
            received.add(f);
          }
        };
    InProcessSignaling.Pair pair =
        connect(loopback(), PeerListener.none(), loopback().withReceiveDir(inbox), calleeL);
    FileTransfer sent = pair.caller().sendFile(src).get(30, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> received.size() == 1);
    FileTransfer got = received.get(0);
    assertEquals(Digests.sha256Hex(src), sent.sha256());
    assertEquals(sent.sha256(), got.sha256());
    assertEquals(inbox.resolve("payload.bin"), got.path());
    assertArrayEquals(content, Files.readAllBytes(got.path()));
    System.out.printf("5 MB file: %d ms (%.1f MB/s)%n", sent.millis(),
        content.length / 1e6 / Math.max(1, sent.millis()) * 1000);
  }

  @Test
  void audioSentIsHeard() throws Exception {
    double hz = 440;
    Path wav = tmp.resolve("tone.wav");
    WavFiles.writeMono(wav, Tones.sine(hz, 3.0, 0.5), WavFiles.RATE);
    Path recording = tmp.resolve("heard.wav");
    InProcessSignaling.Pair pair =
        connect(
            loopback().withAudio(true),
            PeerListener.none(),
            loopback().withRecording(recording),
            PeerListener.none());
    pair.caller().sendAudio(wav).get(20, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> pair.callee().recordedSamples() > 48_000);
    pair.callee().close();
    short[] heard = readRecording(recording);
    // skip the first 500 ms (jitter buffer warm-up), analyse 1 s
    int rate = WavFiles.RATE;
    int from = rate / 2;
    int n = Math.min(rate, heard.length - from);
    assertTrue(n > rate / 2, "recorded " + heard.length + " samples");
    double rms = Tones.rms(heard, from, n);
    double peak = Tones.peak(heard, from, n, rate, 4000);
    System.out.printf("audio heard: %d samples, rms %.3f, peak %.0f Hz%n", heard.length, rms, peak);
    assertTrue(rms > 0.05, "level above silence: " + rms);
    assertEquals(hz, peak, 20, "spectrum peaks at the sent tone");
  }

  @Test
  void candidatesThatArriveBeforeTheOfferAreHeldBack() throws Exception {
    List<IceCandidate> fromCaller = new CopyOnWriteArrayList<>();
    List<IceCandidate> fromCallee = new CopyOnWriteArrayList<>();
    WebRtcPeer caller = factory.newPeer(loopback(), collect(fromCaller));
    WebRtcPeer callee = factory.newPeer(loopback(), collect(fromCallee));
    pairs.add(new InProcessSignaling.Pair(caller, callee, null));
    SessionDescription offer = caller.createOffer().get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> !fromCaller.isEmpty());
    fromCaller.forEach(callee::addRemoteCandidate); // before the offer
    SessionDescription answer = callee.acceptOffer(offer).get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> !fromCallee.isEmpty());
    fromCallee.forEach(caller::addRemoteCandidate); // before the answer
    caller.acceptAnswer(answer).get(5, TimeUnit.SECONDS);
    caller.opened().get(10, TimeUnit.SECONDS);
    callee.opened().get(10, TimeUnit.SECONDS);
  }

  private static PeerListener collect(List<IceCandidate> into) {
    return new PeerListener() {
      @Override
      public void onLocalCandidate(IceCandidate c) {
        into.add(c);
      }
    };
  }

  @Test
  void mediaEngineAdapterConnectsAndHangingUpEndsTheOtherSide() throws Exception {
    WebRtcMediaEngine engine = new WebRtcMediaEngine(factory, loopback());
    java.util.Random random = new java.util.Random(7);
    CallId callerId = CallId.random(random);
    CallId calleeId = CallId.random(random);
    AtomicReference<MediaSession> callerSession = new AtomicReference<>();
    AtomicReference<MediaSession> calleeSession = new AtomicReference<>();
    List<String> events = new CopyOnWriteArrayList<>();
    MediaSession caller =
        engine.open(callerId, Set.of(MediaCapability.DATA), events("caller", events, calleeSession));
    callerSession.set(caller);
    MediaSession callee =
        engine.open(calleeId, Set.of(MediaCapability.DATA), events("callee", events, callerSession));
    calleeSession.set(callee);
    String offer = caller.createOffer().get(5, TimeUnit.SECONDS);
    callee.setRemoteDescription(MediaSession.SdpType.OFFER, offer).get(5, TimeUnit.SECONDS);
    String answer = callee.createAnswer().get(5, TimeUnit.SECONDS);
    caller.setRemoteDescription(MediaSession.SdpType.ANSWER, answer).get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10))
        .until(() -> events.containsAll(List.of("caller open", "callee open")));
    WebRtcPeer calleePeer = engine.peer(calleeId).orElseThrow();
    engine.peer(callerId).orElseThrow().sendText("via the engine").get(5, TimeUnit.SECONDS);
    caller.close();
    await().atMost(Duration.ofSeconds(10)).until(() -> calleePeer.isClosed());
    assertTrue(events.contains("callee failed: the other side hung up"), events.toString());
    assertTrue(events.stream().noneMatch(e -> e.startsWith("caller failed")), events.toString());
    await().atMost(Duration.ofSeconds(5)).until(() -> engine.peer(callerId).isEmpty());
  }

  private static MediaSession.Listener events(
      String who, List<String> events, AtomicReference<MediaSession> other) {
    return new MediaSession.Listener() {
      @Override
      public void onLocalCandidate(net.switchboard.signaling.call.IceCandidate c) {
        other.get().addIceCandidate(c);
      }

      @Override
      public void onDataChannelOpen() {
        events.add(who + " open");
      }

      @Override
      public void onFailed(String reason) {
        events.add(who + " failed: " + reason);
      }
    };
  }

  private static short[] readRecording(Path wav) throws IOException {
    return WavFiles.readMono48k(wav);
  }
}
