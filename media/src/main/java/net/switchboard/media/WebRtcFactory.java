package net.switchboard.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.PortAllocatorConfig;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.media.audio.AudioDeviceModule;
import dev.onvoid.webrtc.media.audio.AudioDeviceModuleBase;
import dev.onvoid.webrtc.media.audio.AudioLayer;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one native {@code PeerConnectionFactory} of the process and everything shared by calls.
 *
 * <p>Built with a {@link HeadlessAudioDeviceModule}: the no-argument factory constructor aborts
 * the JVM when no PulseAudio server runs, and the dummy audio layer never decodes received audio.
 * The headless module needs {@code libpulse.so.0} to be installed (Debian: {@code libpulse0}) but
 * no sound server, X server or display.
 *
 * <p>Calls that <em>send</em> audio ({@link PeerConfig#audio()}) run on a second native factory,
 * created on first use, whose audio module uses the dummy audio layer. The headless module starts
 * a capture thread as soon as a call sends audio, and that thread feeds (silent) captured audio
 * into every audio sender of its factory while {@link AudioSender} pushes the WAV from its own
 * thread: two threads in {@code AudioSendStream::SendAudioData} abort the JVM
 * ({@code Check failed: !race_checker.RaceDetected()}). The dummy layer captures nothing, so
 * pushed audio is the only input there; it never decodes received audio, so a call that sends
 * audio cannot also record what it hears.
 *
 * <p>Spare connections ({@link #keepSpareConnections}): creating a native peer connection takes 1-3
 * ms on the calling thread, on the critical path of both ends of a call. When asked to, the factory
 * keeps that many connections created ahead, per connection settings (loopback, ICE servers,
 * audio), and hands one to the next {@link #newPeer} with those settings; it makes the next spare
 * once that peer's handshake is over (its chat channel opened or it closed), so the making does
 * not compete with the handshake. A spare is a bare {@code RTCPeerConnection}: no data channel, no
 * local description, so no candidate is gathered and no socket bound before a peer takes it; each
 * call still gets its own connection and its own fresh DTLS certificate.
 *
 * <p>{@link #close()} closes every live {@link WebRtcPeer} first and disposes the native factories
 * last: disposing one with an open connection is a SIGSEGV. Until it is closed the native threads
 * (which are not daemons) keep the JVM alive, so a process must close it before it ends.
 */
public final class WebRtcFactory implements AutoCloseable {
  private static final Object LOCK = new Object();
  private static WebRtcFactory instance;

  private final HeadlessAudioDeviceModule adm;
  private final PeerConnectionFactory factory;
  private AudioDeviceModuleBase sendAdm;
  private PeerConnectionFactory sendFactory;
  private final ExecutorService workers;
  private final ScheduledExecutorService timers;
  private final ConnectionBudget budget;
  private final Set<WebRtcPeer> live = ConcurrentHashMap.newKeySet();
  private final AtomicInteger peerIds = new AtomicInteger();
  private final Map<ConnectionKey, ArrayDeque<Spare>> spares = new HashMap<>(); // guarded by itself
  private volatile int spareTarget;
  private volatile boolean closed;

  /** What a native connection is created with: spares are only handed to peers with the same. */
  private record ConnectionKey(boolean loopback, boolean audio, List<String> iceServers) {
    static ConnectionKey of(PeerConfig c) {
      return new ConnectionKey(c.loopback(), c.audio(), c.iceServers());
    }
  }

  /** A connection created ahead, whose events go to the peer that takes it. */
  private record Spare(RTCPeerConnection pc, Handover observer) {}

  /** Passes a spare connection's events to the observer of the peer that took it (none before). */
  private static final class Handover implements PeerConnectionObserver {
    private volatile PeerConnectionObserver to;

    @Override
    public void onSignalingChange(dev.onvoid.webrtc.RTCSignalingState state) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onSignalingChange(state);
      }
    }

    @Override
    public void onConnectionChange(dev.onvoid.webrtc.RTCPeerConnectionState state) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onConnectionChange(state);
      }
    }

    @Override
    public void onIceConnectionChange(dev.onvoid.webrtc.RTCIceConnectionState state) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onIceConnectionChange(state);
      }
    }

    @Override
    public void onStandardizedIceConnectionChange(dev.onvoid.webrtc.RTCIceConnectionState state) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onStandardizedIceConnectionChange(state);
      }
    }

    @Override
    public void onIceConnectionReceivingChange(boolean receiving) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onIceConnectionReceivingChange(receiving);
      }
    }

    @Override
    public void onIceGatheringChange(dev.onvoid.webrtc.RTCIceGatheringState state) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onIceGatheringChange(state);
      }
    }

    @Override
    public void onIceCandidate(dev.onvoid.webrtc.RTCIceCandidate candidate) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onIceCandidate(candidate);
      }
    }

    @Override
    public void onIceCandidateError(dev.onvoid.webrtc.RTCPeerConnectionIceErrorEvent event) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onIceCandidateError(event);
      }
    }

    @Override
    public void onIceCandidatesRemoved(dev.onvoid.webrtc.RTCIceCandidate[] candidates) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onIceCandidatesRemoved(candidates);
      }
    }

    @Override
    public void onAddStream(dev.onvoid.webrtc.media.MediaStream stream) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onAddStream(stream);
      }
    }

    @Override
    public void onRemoveStream(dev.onvoid.webrtc.media.MediaStream stream) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onRemoveStream(stream);
      }
    }

    @Override
    public void onDataChannel(dev.onvoid.webrtc.RTCDataChannel channel) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onDataChannel(channel);
      }
    }

    @Override
    public void onRenegotiationNeeded() {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onRenegotiationNeeded();
      }
    }

    @Override
    public void onAddTrack(dev.onvoid.webrtc.RTCRtpReceiver receiver, dev.onvoid.webrtc.media.MediaStream[] streams) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onAddTrack(receiver, streams);
      }
    }

    @Override
    public void onRemoveTrack(dev.onvoid.webrtc.RTCRtpReceiver receiver) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onRemoveTrack(receiver);
      }
    }

    @Override
    public void onTrack(dev.onvoid.webrtc.RTCRtpTransceiver transceiver) {
      PeerConnectionObserver o = to;
      if (o != null) {
        o.onTrack(transceiver);
      }
    }
  }

  private WebRtcFactory(ConnectionBudget budget) {
    this.budget = budget;
    try {
      this.adm = new HeadlessAudioDeviceModule();
      this.factory = new PeerConnectionFactory(adm);
    } catch (LinkageError e) {
      throw NativeLibrary.explain(e); // e.g. no libpulse0: one line, not a native stack trace
    }
    this.workers = Executors.newCachedThreadPool(daemons("switchboard-media-"));
    this.timers = Executors.newSingleThreadScheduledExecutor(daemons("switchboard-media-timer-"));
  }

  /**
   * The process-wide factory, created with {@link ConnectionBudget#defaults()} on first use (or
   * again after the previous one was closed).
   */
  public static WebRtcFactory shared() {
    synchronized (LOCK) {
      if (instance == null || instance.closed) {
        instance = new WebRtcFactory(ConnectionBudget.defaults());
      }
      return instance;
    }
  }

  /**
   * Creates the process-wide factory with a given budget.
   *
   * @throws IllegalStateException when an open factory exists already (one per process)
   */
  public static WebRtcFactory create(ConnectionBudget budget) {
    synchronized (LOCK) {
      if (instance != null && !instance.closed) {
        throw new IllegalStateException("a WebRtcFactory is open already: one per process");
      }
      instance = new WebRtcFactory(budget);
      return instance;
    }
  }

  /**
   * Starts one call. The peer does nothing until {@link WebRtcPeer#createOffer()} (caller) or
   * {@link WebRtcPeer#acceptOffer} (callee) is called.
   *
   * @throws MediaException when the connection budget is used up
   * @throws IllegalStateException when this factory is closed
   */
  public WebRtcPeer newPeer(PeerConfig config, PeerListener listener) {
    if (closed) {
      throw new IllegalStateException("WebRtcFactory is closed");
    }
    budget.acquire();
    try {
      WebRtcPeer peer = new WebRtcPeer(this, config, listener, "peer-" + peerIds.incrementAndGet());
      live.add(peer);
      return peer;
    } catch (RuntimeException | Error e) {
      budget.release();
      throw e;
    }
  }

  /**
   * Keeps at least {@code n} native connections created ahead for each kind of connection used
   * since (see the class comment); never lowers an earlier setting. 0 (the default) keeps none.
   * A node with one call at a time needs 1; a process running both ends of its calls, 2.
   *
   * @throws IllegalArgumentException when {@code n} is outside 0..4
   */
  public void keepSpareConnections(int n) {
    if (n < 0 || n > 4) {
      throw new IllegalArgumentException("spare connections must be in 0..4, got " + n);
    }
    synchronized (spares) {
      spareTarget = Math.max(spareTarget, n);
    }
  }

  /** Spare connections ready now (all kinds). */
  public int spareConnections() {
    synchronized (spares) {
      return spares.values().stream().mapToInt(ArrayDeque::size).sum();
    }
  }

  /**
   * Tops up the spares of {@code config}'s kind, on a worker thread. Peers call it once their
   * handshake is over, so that making a connection never competes with one.
   */
  void refillSpares(PeerConfig config) {
    if (spareTarget <= 0 || closed) {
      return;
    }
    ConnectionKey key = ConnectionKey.of(config);
    try {
      workers.execute(() -> Guard.quietly("spare connection", () -> {
        while (true) {
          synchronized (spares) { // held while creating: close() waits for it, then disposes them all
            ArrayDeque<Spare> q = spares.computeIfAbsent(key, k -> new ArrayDeque<>());
            if (closed || q.size() >= spareTarget) {
              return;
            }
            Handover observer = new Handover();
            q.add(new Spare(newConnection(config, observer), observer));
          }
        }
      }));
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  private RTCPeerConnection takeSpare(PeerConfig config, PeerConnectionObserver observer) {
    if (spareTarget <= 0) {
      return null;
    }
    synchronized (spares) {
      ArrayDeque<Spare> q = spares.get(ConnectionKey.of(config));
      Spare s = q == null || closed ? null : q.poll();
      if (s == null) {
        return null;
      }
      s.observer().to = observer;
      return s.pc();
    }
  }

  /** The calls still open. */
  public List<WebRtcPeer> livePeers() {
    return new ArrayList<>(live);
  }

  /** This factory's connection budget. */
  public ConnectionBudget budget() {
    return budget;
  }

  /** True once {@link #close()} ran. */
  public boolean isClosed() {
    return closed;
  }

  RTCPeerConnection createConnection(PeerConfig config, PeerConnectionObserver observer) {
    RTCPeerConnection spare = takeSpare(config, observer);
    return spare != null ? spare : newConnection(config, observer);
  }

  private RTCPeerConnection newConnection(PeerConfig config, PeerConnectionObserver observer) {
    RTCConfiguration rtc = new RTCConfiguration();
    rtc.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
    if (!config.iceServers().isEmpty()) {
      RTCIceServer server = new RTCIceServer();
      server.urls = new ArrayList<>(config.iceServers());
      rtc.iceServers.add(server);
    }
    if (config.loopback()) {
      rtc.portAllocatorConfig.flags =
          PortAllocatorConfig.PORTALLOCATOR_DISABLE_ADAPTER_ENUMERATION
              | PortAllocatorConfig.PORTALLOCATOR_DISABLE_TCP;
    }
    RTCPeerConnection pc = nativeFactory(config).createPeerConnection(rtc, observer);
    if (pc == null) {
      throw new MediaException("libwebrtc refused to create a peer connection");
    }
    return pc;
  }

  AudioTrack createAudioTrack(PeerConfig config, String id, CustomAudioSource source) {
    return nativeFactory(config).createAudioTrack(id, source);
  }

  /** The headless factory, or for calls that send audio the dummy-audio one (created lazily). */
  private PeerConnectionFactory nativeFactory(PeerConfig config) {
    if (!config.audio()) {
      return factory;
    }
    synchronized (LOCK) {
      if (closed) {
        throw new IllegalStateException("WebRtcFactory is closed");
      }
      if (sendFactory == null) {
        sendAdm = new AudioDeviceModule(AudioLayer.kDummyAudio);
        sendFactory = new PeerConnectionFactory(sendAdm);
      }
      return sendFactory;
    }
  }

  SerialExecutor newSerialExecutor(String name) {
    return new SerialExecutor(workers, name);
  }

  ExecutorService workers() {
    return workers;
  }

  ScheduledExecutorService timers() {
    return timers;
  }

  void forget(WebRtcPeer peer) {
    if (live.remove(peer)) {
      budget.release();
    }
  }

  /**
   * Closes every live call, then disposes the audio module and the native factory, in that order.
   * Must not be called from a native callback. Idempotent.
   */
  @Override
  public void close() {
    synchronized (LOCK) {
      if (closed) {
        return;
      }
      closed = true;
    }
    for (WebRtcPeer peer : livePeers()) {
      Guard.quietly("close peer", peer::close);
    }
    synchronized (spares) { // after any refill in progress; none starts once closed is set
      for (ArrayDeque<Spare> q : spares.values()) {
        for (Spare s : q) {
          Guard.quietly("close spare connection", s.pc()::close);
        }
      }
      spares.clear();
    }
    if (!live.isEmpty()) {
      // A peer that did not close would make factory.dispose() a SIGSEGV: leak instead.
      Guard.log().log(Level.WARNING, live.size() + " peers did not close; native factory leaked");
    } else {
      if (sendFactory != null) {
        Guard.quietly("send adm.dispose", sendAdm::dispose);
        Guard.quietly("send factory.dispose", sendFactory::dispose);
      }
      Guard.quietly("adm.dispose", adm::dispose);
      Guard.quietly("factory.dispose", factory::dispose);
    }
    timers.shutdownNow();
    workers.shutdown();
    try {
      workers.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
  }

  private static ThreadFactory daemons(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
