package net.switchboard.media;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import net.switchboard.signaling.call.IceCandidate;

/**
 * Connects a caller and a callee in the same process by handing offer, answer and candidates
 * straight from one peer to the other: no network signaling at all. Used by tests and by the
 * bare handshake benchmark, which measures what WebRTC alone costs.
 */
public final class InProcessSignaling {
  private InProcessSignaling() {}

  /**
   * A caller/callee pair being connected.
   *
   * @param caller the offering side
   * @param callee the answering side
   * @param connected completes when both sides' chat channels are open
   */
  public record Pair(WebRtcPeer caller, WebRtcPeer callee, CompletableFuture<Void> connected)
      implements AutoCloseable {

    /** Closes both peers (caller first). */
    @Override
    public void close() {
      caller.close();
      callee.close();
    }
  }

  /**
   * Creates both peers on {@code factory} and starts the handshake: the caller's offer goes to the
   * callee, the answer back, and each side's candidates to the other as they trickle.
   */
  public static Pair connect(
      WebRtcFactory factory,
      PeerConfig callerConfig,
      PeerListener callerListener,
      PeerConfig calleeConfig,
      PeerListener calleeListener) {
    AtomicReference<WebRtcPeer> callerRef = new AtomicReference<>();
    AtomicReference<WebRtcPeer> calleeRef = new AtomicReference<>();
    WebRtcPeer caller =
        factory.newPeer(callerConfig, new Forwarding(callerListener, calleeRef));
    callerRef.set(caller);
    WebRtcPeer callee;
    try {
      callee = factory.newPeer(calleeConfig, new Forwarding(calleeListener, callerRef));
    } catch (RuntimeException e) {
      caller.close();
      throw e;
    }
    calleeRef.set(callee);
    CompletableFuture<Void> handshake =
        caller
            .createOffer()
            .thenCompose(callee::acceptOffer)
            .thenCompose(caller::acceptAnswer)
            .thenCompose(v -> CompletableFuture.allOf(caller.opened(), callee.opened()));
    return new Pair(caller, callee, handshake);
  }

  /** Passes every callback on, and sends local candidates to the other peer. */
  private static final class Forwarding extends ForwardingPeerListener {
    private final AtomicReference<WebRtcPeer> other;

    Forwarding(PeerListener inner, AtomicReference<WebRtcPeer> other) {
      super(inner);
      this.other = other;
    }

    @Override
    public void onLocalCandidate(IceCandidate candidate) {
      WebRtcPeer peer = other.get();
      if (peer != null) {
        peer.addRemoteCandidate(candidate);
      }
      delegate.onLocalCandidate(candidate);
    }

  }
}
