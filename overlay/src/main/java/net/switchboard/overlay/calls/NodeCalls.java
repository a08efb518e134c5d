package net.switchboard.overlay.calls;

import net.switchboard.seam.Failures;

import net.switchboard.media.SafeMediaEngine;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.identity.PrintedId;
import net.switchboard.media.FileTransfer;
import net.switchboard.media.PeerConfig;
import net.switchboard.media.PeerListener;
import net.switchboard.media.WebRtcMediaEngine;
import net.switchboard.media.WebRtcPeer;
import net.switchboard.seam.NodeLog;
import net.switchboard.overlay.node.OverlayNode;
import net.switchboard.overlay.transport.DirectTransport;
import net.switchboard.overlay.transport.PeerJsTransport;
import net.switchboard.signaling.call.CallId;
import net.switchboard.signaling.call.CallListener;
import net.switchboard.signaling.call.CallManager;
import net.switchboard.signaling.call.CallSession;
import net.switchboard.signaling.call.CallState;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.contact.DirectEndpoint;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.transport.ContactAddress;
import net.switchboard.signaling.transport.OverlayRouter;
import net.switchboard.signaling.transport.OverlayTransport;
import net.switchboard.signaling.transport.SignalingTransport;
import net.switchboard.signaling.transport.TransportSelector;

/**
 * Calls on a running {@link OverlayNode}: a {@link CallManager} signaling over the overlay (the
 * default), {@code direct} and optionally a PeerJS server, with the webrtc-java media engine
 * (created on the first call) and the node's policy. Files received go to {@code
 * <data-dir>/received/} (SHA-256 checked before they appear there), audio heard to {@code
 * <data-dir>/recordings/*.wav}.
 *
 * <p>The manager lives on the node's thread; {@link #call} and {@link #onNodeThread} get there from
 * any thread.
 */
public final class NodeCalls {
  /** Subfolder of the data dir for received files. */
  public static final String RECEIVED = "received";
  /** Subfolder of the data dir for recordings. */
  public static final String RECORDINGS = "recordings";
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  /** What an application hears besides the log (all optional; must not block). */
  public interface Events extends CallListener {
    default void onText(CallSession call, String text) {}

    default void onFileReceived(CallSession call, FileTransfer file) {}

    default void onFileFailed(CallSession call, String name, String reason) {}

    default void onAudioHeard(CallSession call) {}

    /** A signaling envelope was routed to {@code target} and acknowledged after {@code hops} hops (node thread). */
    default void onRouted(net.switchboard.dht.identity.Id256 target, int hops) {}
  }

  private final OverlayNode node;
  private final CallSettings settings;
  private final NodeLog log;
  private final Events events;
  private final SafeMediaEngine media;
  private final DirectTransport direct; // null when not listening
  private final PeerJsTransport peerJs; // null without a server
  private final Reachability reachability;
  private final Map<CallId, CallSession> byId = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile CallManager manager;
  /** Calls by outcome, for /metrics (node thread). */
  private final Map<String, Long> outcomes = new java.util.TreeMap<>();
  private volatile boolean closed;

  private NodeCalls(OverlayNode node, CallSettings settings, NodeLog log, Events events, DirectTransport direct,
      PeerJsTransport peerJs) {
    this.node = node;
    this.settings = settings;
    this.log = log;
    this.events = events;
    this.direct = direct;
    this.peerJs = peerJs;
    this.media = new SafeMediaEngine(new PerCall(), log);
    this.reachability = reachabilityOf(node, direct, peerJs, settings.advertiseDirect());
  }

  /**
   * Starts calls on {@code node}: opens the direct endpoint and the PeerJS connection (when
   * configured), then builds the call manager on the node's thread. Fails when the PeerJS server
   * cannot be reached or refuses; a direct port that is taken only turns direct off (logged).
   */
  public static CompletableFuture<NodeCalls> start(
      Vertx vertx, OverlayNode node, CallSettings settings, NodeLog log, Events events) {
    CompletableFuture<DirectTransport> direct = !settings.direct()
        ? CompletableFuture.completedFuture(null)
        : DirectTransport.listen(vertx, node.config().host(), node.endpoint().port())
            .exceptionally(e -> {
              log.info("direct signaling off: cannot listen on tcp " + node.config().host() + ":"
                  + node.endpoint().port() + " (" + e.getMessage() + ")");
              return null;
            });
    Identity person = settings.person() != null ? settings.person() : node.identity();
    CompletableFuture<PeerJsTransport> peerJs = settings.peerJsUrl() == null
        ? CompletableFuture.completedFuture(null)
        : PeerJsTransport.connect(vertx, settings.peerJsUrl(), settings.peerJsKey(), person.publicKey(),
            new SecureRandom());
    return direct.thenCombine(peerJs, (d, p) -> new NodeCalls(node, settings, log, events, d, p))
        .thenCompose(calls -> node.call(dht -> {
          calls.build(person);
          return calls;
        }));
  }

  /**
   * {@link #start} for a command: waits, and turns a failure into a one-line {@link
   * net.switchboard.overlay.node.NodeStartException}.
   */
  public static NodeCalls startBlocking(Vertx vertx, OverlayNode node, CallSettings settings, NodeLog log,
      net.switchboard.overlay.contacts.NodeContacts contacts) {
    if (contacts != null && settings.policy() instanceof LivePolicy live) {
      live.contacts(contacts.book().publicKeys());
      contacts.onChange(book -> live.contacts(book.publicKeys()));
    }
    try {
      NodeCalls calls = start(vertx, node, settings, log, new Events() {}).get(30, TimeUnit.SECONDS);
      if (contacts != null && !calls.reachability().equals(Reachability.viaOwnNode(node.identity().nodeId()))) {
        contacts.updateReachability(calls.reachability()); // the record lists the transports we take
      }
      log.info("calls: " + settings.policy());
      return calls;
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable c = Failures.unwrap(e);
      throw new net.switchboard.overlay.node.NodeStartException("cannot start calls: " + c.getMessage(), c);
    } catch (Exception e) {
      throw new net.switchboard.overlay.node.NodeStartException("cannot start calls: " + e, e);
    }
  }

  private static Reachability reachabilityOf(OverlayNode node, DirectTransport direct, PeerJsTransport peerJs,
      boolean advertiseDirect) {
    Set<ContactTransport> transports = EnumSet.of(ContactTransport.OVERLAY);
    List<DirectEndpoint> endpoints = new ArrayList<>();
    if (direct != null && advertiseDirect) {
      for (String a : node.addresses()) {
        int colon = a.lastIndexOf(':');
        String host = a.substring(0, colon).replace("[", "").replace("]", "");
        if (endpoints.size() < Reachability.MAX_ENDPOINTS) {
          endpoints.add(new DirectEndpoint(host, direct.port()));
        }
      }
      if (!endpoints.isEmpty()) {
        transports.add(ContactTransport.DIRECT);
      }
    }
    if (peerJs != null) {
      transports.add(ContactTransport.PEERJS);
    }
    return new Reachability(List.of(node.identity().nodeId()), endpoints, transports,
        EnumSet.allOf(MediaCapability.class));
  }

  /** On the node thread. */
  private void build(Identity person) {
    List<SignalingTransport> transports = new ArrayList<>();
    OverlayRouter router = OverlayRouter.of(node.dht());
    OverlayRouter counted = new OverlayRouter() {
      @Override
      public CompletableFuture<net.switchboard.dht.route.RouteReply> route(
          net.switchboard.dht.identity.Id256 target, byte[] payload) {
        return router.route(target, payload).whenComplete((reply, error) -> {
          if (reply != null) {
            events.onRouted(target, reply.hops());
          }
        });
      }

      @Override
      public void setRouteHandler(net.switchboard.dht.route.RouteHandler handler) {
        router.setRouteHandler(handler);
      }
    };
    transports.add(OverlayTransport.over(counted));
    // a browser caller asks for replies through its gateway (replyTo transports = gateway): same
    // routing, to the gateway's node id
    transports.add(OverlayTransport.towardGateways(counted));
    if (direct != null) {
      transports.add(direct);
    }
    if (peerJs != null) {
      transports.add(peerJs);
    }
    manager = CallManager.builder(person, node.scheduler())
        .random(new SecureRandom())
        .transports(new TransportSelector(node.scheduler(), transports))
        .media(media)
        .policy(settings.policy())
        .config(settings.callConfig())
        .replyTo(reachability)
        .listener(new Listener())
        .build();
    node.metrics().events("switchboard_call_events",
        "Call signaling events and refusals by name (envelope_*, refused_policy, busy_sent, ...)", manager::counters);
    node.metrics().events("switchboard_calls", "Calls by outcome: connected_caller/callee, ended_REASON",
        () -> new java.util.TreeMap<>(outcomes));
    log.info("calls: answering as " + person.printed() + " via " + reachability.transports()
        + (direct != null ? " (direct on tcp " + direct.port() + ")" : ""));
  }

  /** The call manager (use it on the node's thread only). */
  public CallManager manager() {
    return manager;
  }

  /** The media engine (created lazily): {@link SafeMediaEngine#peer} gives a call's peer. */
  public SafeMediaEngine media() {
    return media;
  }

  /** The running media of a call, once it has any. */
  public java.util.Optional<WebRtcPeer> peer(CallSession call) {
    return media.peer(call.id());
  }

  /**
   * How this node is reached for calls: its node id as introduction route, the transports it
   * listens on (and its direct endpoint when advertised). Suitable for its contact record.
   */
  public Reachability reachability() {
    return reachability;
  }

  /** The direct transport, when listening. */
  public DirectTransport direct() {
    return direct;
  }

  /** The PeerJS transport, when configured. */
  public PeerJsTransport peerJs() {
    return peerJs;
  }

  /** Runs {@code task} on the node thread. */
  public void onNodeThread(Runnable task) {
    node.scheduler().execute(task);
  }

  /** Places a call from the node thread; completes with the session once it rings. */
  public CompletableFuture<CallSession> call(ContactAddress callee) {
    return node.call(dht -> manager.call(callee));
  }

  /**
   * Hangs up every call, closes the media engine (peers first, native factory last) and the
   * transports. Never throws; call it before stopping the node.
   */
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      node.call(dht -> {
        if (manager != null) {
          manager.current().ifPresent(CallSession::hangup);
        }
        return null;
      }).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // the node may already be stopping: media is closed below anyway
    }
    media.close();
    if (direct != null) {
      quietly(direct.close());
    }
    if (peerJs != null) {
      quietly(peerJs.close());
    }
  }

  private static void quietly(CompletableFuture<?> f) {
    try {
      f.get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway
    }
  }

  private static String who(CallSession call) {
    return PrintedId.encode(call.remote().identityKey());
  }

  private Path dir(String name) {
    if (settings.dataDir() == null) {
      return null;
    }
    Path d = settings.dataDir().resolve(name);
    try {
      Files.createDirectories(d);
      return d;
    } catch (Exception e) {
      log.info("cannot create " + d + ": " + e.getMessage());
      return null;
    }
  }

  /** Configuration and listener of each call's peer. */
  private final class PerCall implements WebRtcMediaEngine.CallMedia {
    @Override
    public PeerConfig config(CallId callId, Set<MediaCapability> caps) {
      boolean audio = settings.sendAudio() && caps.contains(MediaCapability.AUDIO);
      PeerConfig c = PeerConfig.defaults().withLoopback(settings.loopbackMedia()).withAudio(audio);
      Path received = dir(RECEIVED);
      if (received != null) {
        c = c.withReceiveDir(received);
      }
      Path recordings = audio ? null : dir(RECORDINGS);
      if (recordings != null) {
        String hex = callId.toString();
        c = c.withRecording(recordings.resolve(
            LocalDateTime.now().format(STAMP) + "-" + hex.substring(0, Math.min(12, hex.length())) + ".wav"));
      }
      return c;
    }

    @Override
    public PeerListener listener(CallId callId) {
      return new PeerListener() {
        CallSession call() {
          return byId.get(callId);
        }

        @Override
        public void onText(String text) {
          CallSession c = call();
          if (c != null) {
            events.onText(c, text);
          }
        }

        @Override
        public void onFileReceived(FileTransfer file) {
          log.info("received file " + file.path() + " (" + file.size() + " bytes, sha256 " + file.sha256()
              + ", checked)");
          CallSession c = call();
          if (c != null) {
            events.onFileReceived(c, file);
          }
        }

        @Override
        public void onFileFailed(String name, String reason) {
          log.info("file " + name + " refused: " + reason);
          CallSession c = call();
          if (c != null) {
            events.onFileFailed(c, name, reason);
          }
        }

        @Override
        public void onAudioHeard() {
          CallSession c = call();
          log.info("hearing audio" + (c != null ? " from " + who(c) : ""));
          if (c != null) {
            events.onAudioHeard(c);
          }
        }
      };
    }
  }

  /** Call events: logged, kept by id for the peer listener, passed on. */
  private final class Listener implements CallListener {
    @Override
    public void onIncoming(CallSession call) {
      byId.put(call.id(), call);
      log.info("incoming call " + call.id() + " from " + who(call));
      events.onIncoming(call);
    }

    @Override
    public void onStateChanged(CallSession call, CallState from, CallState to) {
      if (call.role() == CallSession.Role.CALLER) {
        byId.put(call.id(), call);
      }
      if (to == CallState.ACTIVE) {
        log.info("call " + call.id() + " with " + who(call) + " connected");
        outcomes.merge("connected_" + call.role().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
        if (call.role() == CallSession.Role.CALLER) {
          node.metrics().observe("call_setup", call.activeAtMillis() - call.createdAtMillis());
        }
      }
      events.onStateChanged(call, from, to);
    }

    @Override
    public void onEnded(CallSession call) {
      log.info("call " + call.id() + " with " + who(call) + " ended: " + call.endReason() + " (" + call.endDetail() + ")");
      outcomes.merge("ended_" + call.endReason().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum);
      events.onEnded(call);
      node.scheduler().schedule(60_000, () -> byId.remove(call.id())); // late file/text events still find it
    }

    @Override
    public void onRefused(byte[] callerKey, CallId callId) {
      log.info("refused a call from " + PrintedId.encode(callerKey) + " (policy)");
      events.onRefused(callerKey, callId);
    }
  }

  public static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (Exception e) {
      return false;
    }
  }
}
