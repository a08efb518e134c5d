package net.switchboard.signaling.call;

import java.util.concurrent.CompletableFuture;

/**
 * One WebRTC peer connection, driven by a {@link CallSession}. Futures and listener callbacks may
 * complete on any thread (webrtc-java's signaling thread); the call layer moves back to its
 * scheduler before acting, and implementations must never throw out of a native callback.
 */
public interface MediaSession {
  /** Type of a session description. */
  enum SdpType {
    OFFER,
    ANSWER
  }

  /** Creates an offer and sets it as the local description (ICE gathering starts). */
  CompletableFuture<String> createOffer();

  /** Creates an answer to the remote offer already set, and sets it as the local description. */
  CompletableFuture<String> createAnswer();

  /** Sets the remote description; candidates may be added once it completes. */
  CompletableFuture<Void> setRemoteDescription(SdpType type, String sdp);

  /**
   * Sets the remote offer and creates the answer (set as the local description) in one step, so
   * that the two do not wait for a turn of the call layer's thread in between. Fails as either
   * step would.
   */
  default CompletableFuture<String> answer(String offerSdp) {
    return setRemoteDescription(SdpType.OFFER, offerSdp).thenCompose(v -> createAnswer());
  }

  /** Adds a remote candidate (only after the remote description is set: the call layer queues). */
  void addIceCandidate(IceCandidate candidate);

  /** Closes the peer connection and frees it (idempotent). */
  void close();

  /** Events of the peer connection. */
  interface Listener {
    /** A local candidate was gathered; the call layer decides when it may be disclosed. */
    void onLocalCandidate(IceCandidate candidate);

    /** The data channel opened: media is connected and DTLS verified the remote fingerprint. */
    void onDataChannelOpen();

    /** ICE or DTLS failed, or the connection closed from the other side. */
    void onFailed(String reason);
  }
}
