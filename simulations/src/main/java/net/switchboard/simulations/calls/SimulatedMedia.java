package net.switchboard.simulations.calls;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import net.switchboard.dht.identity.Identity;
import net.switchboard.seam.Scheduler;
import net.switchboard.signaling.call.CallId;
import net.switchboard.signaling.call.IceCandidate;
import net.switchboard.signaling.call.MediaEngine;
import net.switchboard.signaling.call.MediaSession;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.e2e.SdpFingerprints;

/**
 * The simulator's stand-in for WebRTC: what the call layer needs and nothing more. Sessions find
 * each other by ICE ufrag; one connects once it has both descriptions and a remote candidate and
 * its peer does too, and "DTLS" checks that each side's remote fingerprint is the other's own. So a
 * call reaches ACTIVE only when the offer, the answer and a candidate crossed the overlay intact.
 * One instance per simulation; on the simulator's thread.
 */
final class SimulatedMedia {
  private static final long DTLS_MILLIS = 5;

  private final Scheduler scheduler;
  private final Map<String, Session> byUfrag = new HashMap<>();
  private long next;

  SimulatedMedia(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** A person's engine. */
  MediaEngine engine() {
    return (CallId callId, Set<MediaCapability> media, MediaSession.Listener listener) -> {
      Session s = new Session("s" + next++, listener);
      byUfrag.put(s.ufrag, s);
      return s;
    };
  }

  private final class Session implements MediaSession {
    final String ufrag;
    final String fingerprint;
    final MediaSession.Listener listener;
    String remoteUfrag;
    String remoteFingerprint;
    boolean localSet;
    boolean remoteSet;
    boolean remoteCandidate;
    boolean opened;
    boolean closed;

    Session(String ufrag, MediaSession.Listener listener) {
      this.ufrag = ufrag;
      this.fingerprint = HexFormat.ofDelimiter(":").withUpperCase().formatHex(Identity.sha256(ufrag.getBytes()));
      this.listener = listener;
    }

    @Override
    public CompletableFuture<String> createOffer() {
      return local("actpass");
    }

    @Override
    public CompletableFuture<String> createAnswer() {
      return local("active");
    }

    private CompletableFuture<String> local(String setup) {
      localSet = true;
      scheduler.schedule(1, () -> {
        if (!closed) {
          listener.onLocalCandidate(new IceCandidate("0", 0, "candidate:1 1 udp 2122260223 192.0.2.1 50000 typ host"));
        }
      });
      return CompletableFuture.completedFuture("v=0\r\no=- 1 2 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n"
          + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
          + "a=ice-ufrag:" + ufrag + "\r\na=ice-pwd:pw" + ufrag + "\r\n"
          + "a=fingerprint:sha-256 " + fingerprint + "\r\na=setup:" + setup + "\r\na=mid:0\r\n");
    }

    @Override
    public CompletableFuture<Void> setRemoteDescription(SdpType type, String sdp) {
      for (String line : sdp.split("\r\n")) {
        if (line.startsWith("a=ice-ufrag:")) {
          remoteUfrag = line.substring("a=ice-ufrag:".length());
        }
      }
      var fingerprints = SdpFingerprints.extract(sdp);
      remoteFingerprint = fingerprints.isEmpty() ? null : fingerprints.get(0).value();
      remoteSet = true;
      tryConnect();
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void addIceCandidate(IceCandidate candidate) {
      remoteCandidate = true;
      tryConnect();
    }

    private boolean ready() {
      return !closed && localSet && remoteSet && remoteCandidate;
    }

    private void tryConnect() {
      Session peer = remoteUfrag == null ? null : byUfrag.get(remoteUfrag);
      if (opened || peer == null || peer.opened || !ready() || !peer.ready() || !ufrag.equals(peer.remoteUfrag)) {
        return;
      }
      boolean dtlsOk = fingerprint.equals(peer.remoteFingerprint) && peer.fingerprint.equals(remoteFingerprint);
      opened = true;
      peer.opened = true;
      scheduler.schedule(DTLS_MILLIS, () -> {
        for (Session s : new Session[] {this, peer}) {
          if (!s.closed) {
            if (dtlsOk) {
              s.listener.onDataChannelOpen();
            } else {
              s.listener.onFailed("DTLS fingerprint mismatch");
            }
          }
        }
      });
    }

    @Override
    public void close() {
      closed = true;
      byUfrag.remove(ufrag);
    }
  }
}
