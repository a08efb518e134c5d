package net.switchboard.signaling.call;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.switchboard.dht.identity.Identity;
import net.switchboard.seam.Scheduler;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.e2e.SdpFingerprints;

/**
 * An in-memory stand-in for WebRTC, for tests only: sessions find each other by ICE ufrag, connect
 * once both have local and remote descriptions and a remote candidate, and emulate DTLS by checking
 * that each side's remote fingerprint is the other's real one.
 */
final class FakeMedia {
  private final Scheduler scheduler;
  private final Map<String, Session> byUfrag = new HashMap<>();
  private int next;
  /** When false, sessions never connect (ICE that never succeeds). */
  boolean connects = true;

  FakeMedia(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** One party's engine, whose candidates carry {@code hostIp}. */
  Engine engine(String hostIp) {
    return new Engine(hostIp);
  }

  final class Engine implements MediaEngine {
    final String hostIp;
    final List<Session> opened = new ArrayList<>();

    Engine(String hostIp) {
      this.hostIp = hostIp;
    }

    @Override
    public MediaSession open(CallId callId, Set<MediaCapability> media, MediaSession.Listener listener) {
      Session s = new Session(this, "u" + (next++), listener);
      byUfrag.put(s.ufrag, s);
      opened.add(s);
      return s;
    }
  }

  final class Session implements MediaSession {
    final Engine engine;
    final String ufrag;
    final String fingerprint;
    final MediaSession.Listener listener;
    String remoteUfrag;
    String remoteFingerprint;
    boolean localSet;
    boolean remoteSet;
    boolean closed;
    boolean opened;
    final List<IceCandidate> remoteCandidates = new ArrayList<>();
    final List<String> violations = new ArrayList<>();

    Session(Engine engine, String ufrag, MediaSession.Listener listener) {
      this.engine = engine;
      this.ufrag = ufrag;
      this.fingerprint = fingerprintOf(ufrag);
      this.listener = listener;
    }

    String sdp(String type) {
      return "v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
          + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
          + "a=ice-ufrag:" + ufrag + "\r\na=ice-pwd:pw" + ufrag + "\r\n"
          + "a=fingerprint:sha-256 " + fingerprint + "\r\n"
          + "a=setup:" + ("offer".equals(type) ? "actpass" : "active") + "\r\na=mid:0\r\na=sctp-port:5000\r\n";
    }

    @Override
    public CompletableFuture<String> createOffer() {
      return local("offer");
    }

    @Override
    public CompletableFuture<String> createAnswer() {
      if (!remoteSet) {
        violations.add("createAnswer before remote offer");
        return CompletableFuture.failedFuture(new IllegalStateException("no remote offer"));
      }
      return local("answer");
    }

    private CompletableFuture<String> local(String type) {
      CompletableFuture<String> f = new CompletableFuture<>();
      scheduler.execute(() -> {
        localSet = true;
        f.complete(sdp(type));
        // gathering starts with the local description
        scheduler.schedule(1, () -> candidate("candidate:1 1 udp 2122260223 " + engine.hostIp + " 50000 typ host"));
        scheduler.schedule(2, () -> candidate("candidate:2 1 udp 1686052607 203.0.113." + engine.hostIp.hashCode() % 200
            + " 50001 typ srflx raddr " + engine.hostIp + " rport 50000"));
      });
      return f;
    }

    private void candidate(String c) {
      if (!closed) {
        listener.onLocalCandidate(new IceCandidate("0", 0, c));
      }
    }

    @Override
    public CompletableFuture<Void> setRemoteDescription(SdpType type, String sdp) {
      CompletableFuture<Void> f = new CompletableFuture<>();
      scheduler.execute(() -> {
        for (String line : sdp.split("\r\n")) {
          if (line.startsWith("a=ice-ufrag:")) {
            remoteUfrag = line.substring(12);
          }
        }
        remoteFingerprint = SdpFingerprints.extract(sdp).get(0).value();
        remoteSet = true;
        f.complete(null);
        tryConnect();
      });
      return f;
    }

    @Override
    public void addIceCandidate(IceCandidate candidate) {
      if (!remoteSet) {
        violations.add("candidate added before the remote description");
      }
      remoteCandidates.add(candidate);
      scheduler.execute(this::tryConnect);
    }

    private boolean ready() {
      return !closed && localSet && remoteSet && !remoteCandidates.isEmpty();
    }

    private void tryConnect() {
      Session peer = remoteUfrag == null ? null : byUfrag.get(remoteUfrag);
      if (!connects || opened || peer == null || !ready() || !peer.ready() || !ufrag.equals(peer.remoteUfrag)) {
        return;
      }
      boolean dtlsOk = fingerprint.equals(peer.remoteFingerprint) && peer.fingerprint.equals(remoteFingerprint);
      opened = true;
      peer.opened = true;
      scheduler.schedule(5, () -> {
        if (dtlsOk) {
          listener.onDataChannelOpen();
          peer.listener.onDataChannelOpen();
        } else {
          listener.onFailed("DTLS fingerprint mismatch");
          peer.listener.onFailed("DTLS fingerprint mismatch");
        }
      });
    }

    /** Emulates the connection dying. */
    void fail(String reason) {
      listener.onFailed(reason);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  static String fingerprintOf(String seed) {
    byte[] h = Identity.sha256(seed.getBytes());
    return HexFormat.ofDelimiter(":").withUpperCase().formatHex(h);
  }
}
