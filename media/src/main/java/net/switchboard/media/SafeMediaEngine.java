package net.switchboard.media;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import net.switchboard.seam.NodeLog;
import net.switchboard.signaling.call.CallId;
import net.switchboard.signaling.call.IceCandidate;
import net.switchboard.signaling.call.MediaEngine;
import net.switchboard.signaling.call.MediaSession;
import net.switchboard.signaling.contact.MediaCapability;

/**
 * The node's {@link MediaEngine}: creates the native WebRTC factory on the first call (a node that
 * never calls never loads libwebrtc), and never lets media take the node down. Any exception of the
 * factory or a peer becomes a failed call ({@link MediaSession.Listener#onFailed} or a failed
 * future), never an exception on the node's thread.
 */
public final class SafeMediaEngine implements MediaEngine {
  private final WebRtcMediaEngine.CallMedia perCall;
  private final Supplier<WebRtcFactory> factories;
  private final NodeLog log;
  private WebRtcFactory factory; // guarded by this
  private WebRtcMediaEngine engine; // guarded by this
  private boolean closed; // guarded by this

  /** Calls configured by {@code perCall}, on the process-wide factory, created on first use. */
  public SafeMediaEngine(WebRtcMediaEngine.CallMedia perCall, NodeLog log) {
    this(perCall, WebRtcFactory::shared, log);
  }

  SafeMediaEngine(WebRtcMediaEngine.CallMedia perCall, Supplier<WebRtcFactory> factories, NodeLog log) {
    this.perCall = perCall;
    this.factories = factories;
    this.log = log;
  }

  /** The engine, creating the factory now if needed (e.g. to warm up before a benchmark). */
  public synchronized WebRtcMediaEngine engine() {
    if (closed) {
      throw new IllegalStateException("media engine closed");
    }
    if (engine == null) {
      long t0 = System.nanoTime();
      factory = factories.get();
      factory.keepSpareConnections(1); // one call at a time: one connection made ahead for the next
      engine = new WebRtcMediaEngine(factory, perCall);
      log.info(String.format("WebRTC media engine loaded in %.0f ms", (System.nanoTime() - t0) / 1e6));
    }
    return engine;
  }

  /** True once the native factory was created. */
  public synchronized boolean loaded() {
    return engine != null;
  }

  /** The running peer of a call (to send text, files, audio), if media is open for it. */
  public Optional<WebRtcPeer> peer(CallId id) {
    WebRtcMediaEngine e;
    synchronized (this) {
      e = engine;
    }
    return e == null ? Optional.empty() : e.peer(id);
  }

  /** Longest wait for the first local candidate before an offer or answer goes out ({@link HalfTrickle}). */
  static final long HALF_TRICKLE_WAIT_MILLIS = 20;
  /** {@code -Dswitchboard.halfTrickle=false} trickles every candidate on its own (for comparisons). */
  static final boolean HALF_TRICKLE = !"false".equals(System.getProperty("switchboard.halfTrickle"));

  @Override
  public MediaSession open(CallId callId, Set<MediaCapability> media, MediaSession.Listener listener) {
    try {
      HalfTrickle gate = new HalfTrickle(listener, HALF_TRICKLE ? HALF_TRICKLE_WAIT_MILLIS : 0);
      return new Guarded(engine().open(callId, media, gate), gate);
    } catch (Throwable t) {
      log.info("media for call " + callId + " failed to open: " + t);
      return new Failed(String.valueOf(t.getMessage()));
    }
  }

  /**
   * Closes every call's media and disposes the native factory (only if it was created). Must not
   * run on a native callback thread. Idempotent; never throws.
   */
  public void close() {
    WebRtcFactory f;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      f = factory;
    }
    if (f != null) {
      try {
        f.close();
      } catch (Throwable t) {
        log.info("closing the WebRTC factory failed: " + t);
      }
    }
  }

  /** A session whose every call is fenced: exceptions become failed futures. */
  private static final class Guarded implements MediaSession {
    private final MediaSession inner;
    private final HalfTrickle gate;

    Guarded(MediaSession inner, HalfTrickle gate) {
      this.inner = inner;
      this.gate = gate;
    }

    @Override
    public CompletableFuture<String> createOffer() {
      try {
        return gate.describe(inner.createOffer());
      } catch (Throwable t) {
        return CompletableFuture.failedFuture(t);
      }
    }

    @Override
    public CompletableFuture<String> createAnswer() {
      try {
        return gate.describe(inner.createAnswer());
      } catch (Throwable t) {
        return CompletableFuture.failedFuture(t);
      }
    }

    @Override
    public CompletableFuture<Void> setRemoteDescription(SdpType type, String sdp) {
      try {
        return inner.setRemoteDescription(type, sdp);
      } catch (Throwable t) {
        return CompletableFuture.failedFuture(t);
      }
    }

    @Override
    public void addIceCandidate(IceCandidate candidate) {
      try {
        inner.addIceCandidate(candidate);
      } catch (Throwable t) {
        // a bad candidate is dropped; ICE fails (and is reported) if none works
      }
    }

    @Override
    public void close() {
      try {
        inner.close();
      } catch (Throwable t) {
        // already failing: nothing else to do
      }
    }
  }

  /** Media that could not open: every step fails, and the call layer hears it once. */
  private static final class Failed implements MediaSession {
    private final String reason;

    Failed(String reason) {
      this.reason = reason;
    }

    private <T> CompletableFuture<T> fail() {
      return CompletableFuture.failedFuture(new IllegalStateException("media unavailable: " + reason));
    }

    @Override
    public CompletableFuture<String> createOffer() {
      return fail();
    }

    @Override
    public CompletableFuture<String> createAnswer() {
      return fail();
    }

    @Override
    public CompletableFuture<Void> setRemoteDescription(SdpType type, String sdp) {
      return fail();
    }

    @Override
    public void addIceCandidate(IceCandidate candidate) {}

    @Override
    public void close() {}
  }
}
