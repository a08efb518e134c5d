package net.switchboard.media;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import net.switchboard.signaling.call.CallId;
import net.switchboard.signaling.call.IceCandidate;
import net.switchboard.signaling.call.MediaEngine;
import net.switchboard.signaling.call.MediaSession;
import net.switchboard.signaling.contact.MediaCapability;

/**
 * The signaling layer's {@link MediaEngine} on top of {@link WebRtcFactory}: each
 * {@link #open} starts a {@link WebRtcPeer}, wrapped as a {@link MediaSession}. A thin adapter;
 * the peer does the work.
 *
 * <p>What a call carries besides the chat and file channels is decided per call by a
 * {@link CallMedia} strategy: whether to negotiate (and send) audio, where received files and
 * recordings go, and who hears the peer's events (chat text, files, audio). The running peer of a
 * call is available from {@link #peer(CallId)} to send text, files and audio.
 */
public final class WebRtcMediaEngine implements MediaEngine {
  private final WebRtcFactory factory;
  private final CallMedia perCall;
  private final Map<CallId, WebRtcPeer> peers = new ConcurrentHashMap<>();

  /** Chooses the configuration and the listener of each call. */
  public interface CallMedia {
    /**
     * The configuration for {@code callId}; {@code media} is what the other side's contact record
     * says it takes.
     */
    PeerConfig config(CallId callId, Set<MediaCapability> media);

    /** Who hears the call's chat text, files, audio and end (called once per call). */
    default PeerListener listener(CallId callId) {
      return PeerListener.none();
    }
  }

  /**
   * Every call with {@code base}, except that audio is only negotiated when {@code base} asks for
   * it and the other side takes audio.
   */
  public WebRtcMediaEngine(WebRtcFactory factory, PeerConfig base) {
    this(factory, (id, media) -> base.withAudio(base.audio() && media.contains(MediaCapability.AUDIO)));
  }

  /** Every call configured by {@code perCall}. */
  public WebRtcMediaEngine(WebRtcFactory factory, CallMedia perCall) {
    this.factory = factory;
    this.perCall = perCall;
  }

  /** The running peer of a call, while it is open. */
  public Optional<WebRtcPeer> peer(CallId callId) {
    return Optional.ofNullable(peers.get(callId));
  }

  @Override
  public MediaSession open(CallId callId, Set<MediaCapability> media, MediaSession.Listener listener) {
    PeerConfig config = perCall.config(callId, media);
    Session session = new Session(callId, listener, perCall.listener(callId));
    WebRtcPeer peer = factory.newPeer(config, session);
    session.peer = peer;
    peers.put(callId, peer);
    peer.closed().whenComplete((reason, err) -> peers.remove(callId, peer));
    return session;
  }

  /** One call: the {@link MediaSession} the call layer drives and the listener of its peer. */
  private static final class Session extends ForwardingPeerListener implements MediaSession {
    private final CallId callId;
    private final MediaSession.Listener callLayer;
    private volatile WebRtcPeer peer;

    /** Events go to the call layer where it needs them, and all of them to {@code app}. */
    Session(CallId callId, MediaSession.Listener callLayer, PeerListener app) {
      super(app);
      this.callId = callId;
      this.callLayer = callLayer;
    }

    @Override
    public CompletableFuture<String> createOffer() {
      return peer.createOffer().thenApply(SessionDescription::sdp);
    }

    @Override
    public CompletableFuture<String> createAnswer() {
      return peer.createAnswer().thenApply(SessionDescription::sdp);
    }

    @Override
    public CompletableFuture<Void> setRemoteDescription(SdpType type, String sdp) {
      SessionDescription.Type t =
          type == SdpType.OFFER ? SessionDescription.Type.OFFER : SessionDescription.Type.ANSWER;
      return peer.setRemoteDescription(new SessionDescription(t, sdp));
    }

    @Override
    public void addIceCandidate(IceCandidate c) {
      if (c.candidate().isEmpty()) {
        return; // end of candidates: nothing to add
      }
      peer.addRemoteCandidate(c);
    }

    @Override
    public void close() {
      peer.closeAsync();
    }

    // ---- PeerListener: events of the peer, to the call layer and to the application

    @Override
    public void onLocalCandidate(IceCandidate c) {
      callLayer.onLocalCandidate(c);
      delegate.onLocalCandidate(c);
    }

    @Override
    public void onOpen() {
      callLayer.onDataChannelOpen();
      delegate.onOpen();
    }

    @Override
    public void onClosed(String reason) {
      if (!WebRtcPeer.LOCAL_CLOSE.equals(reason)) {
        callLayer.onFailed(reason);
      }
      delegate.onClosed(reason);
    }

    @Override
    public String toString() {
      return "media session " + callId;
    }
  }
}
