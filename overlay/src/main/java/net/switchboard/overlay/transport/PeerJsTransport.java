package net.switchboard.overlay.transport;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.e2e.SignalingEnvelope;
import net.switchboard.signaling.transport.ContactAddress;
import net.switchboard.signaling.transport.Inbound;
import net.switchboard.signaling.transport.PeerJsMessage;
import net.switchboard.signaling.transport.SignalingTransport;
import net.switchboard.signaling.transport.TransportException;

/**
 * The {@code peerjs} signaling transport: a client of an existing PeerJS server (npm {@code peer}).
 * It connects a WebSocket to {@code <server>/peerjs?key=K&id=ID&token=T} under the PeerJS id of
 * this identity ({@link PeerJsMessage#peerIdOf}), waits for {@code OPEN}, sends {@code HEARTBEAT}
 * every {@value #HEARTBEAT_MILLIS} ms, and carries each envelope as the base64 payload of an {@code
 * OFFER} to the contact's PeerJS id; the receiver's {@code ANSWER} carrying the envelope's ack id
 * completes the send. When the server cannot deliver it answers {@code EXPIRE} and the send fails
 * at once; otherwise it fails after the timeout. A dropped connection is re-opened with backoff.
 *
 * <p>The server sees PeerJS ids (hashes of identity keys) and sizes, never plaintext: envelopes are
 * encrypted and signed end to end.
 */
public final class PeerJsTransport implements SignalingTransport {
  /** Key of a PeerJS server started with its defaults. */
  public static final String DEFAULT_KEY = "peerjs";
  static final long HEARTBEAT_MILLIS = 5_000;
  /** How long a send waits for the ANSWER. */
  public static final long DEFAULT_TIMEOUT_MILLIS = 8_000;
  private static final long MAX_RECONNECT_MILLIS = 30_000;

  private final Vertx vertx;
  private final WebSocketClient client;
  private final URI server;
  private final String key;
  private final String peerId;
  private final String token;
  private final long timeoutMillis;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final LongAdder malformed = new LongAdder();
  private final LongAdder received = new LongAdder();
  private volatile Consumer<Inbound> receiver = in -> {};
  private volatile WebSocket socket;
  private volatile boolean open;
  private volatile boolean closed;
  private volatile CompletableFuture<Void> firstOpen = new CompletableFuture<>();
  private long heartbeatTimer = -1;
  private long reconnectMillis = 500;

  private record Pending(String dst, CompletableFuture<Void> done, long timer) {}

  private PeerJsTransport(Vertx vertx, URI server, String key, String peerId, String token, long timeoutMillis) {
    this.vertx = vertx;
    this.server = server;
    this.key = key;
    this.peerId = peerId;
    this.token = token;
    this.timeoutMillis = timeoutMillis;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setConnectTimeout(5_000));
  }

  /**
   * Connects to the PeerJS server at {@code serverUrl} ({@code ws://host:port/path}, {@code
   * http://...} works too) as the PeerJS id of {@code identityKey}. Completes once the server said
   * {@code OPEN}; fails when it refuses (invalid key, id taken) or cannot be reached.
   */
  public static CompletableFuture<PeerJsTransport> connect(
      Vertx vertx, URI serverUrl, String key, byte[] identityKey, RandomGenerator random) {
    return connect(vertx, serverUrl, key, identityKey, random, DEFAULT_TIMEOUT_MILLIS);
  }

  /** As {@link #connect(Vertx, URI, String, byte[], RandomGenerator)} with a send timeout. */
  public static CompletableFuture<PeerJsTransport> connect(
      Vertx vertx, URI serverUrl, String key, byte[] identityKey, RandomGenerator random, long timeoutMillis) {
    byte[] t = new byte[8];
    random.nextBytes(t);
    PeerJsTransport p = new PeerJsTransport(vertx, serverUrl, key, PeerJsMessage.peerIdOf(identityKey),
        HexFormat.of().formatHex(t), timeoutMillis);
    CompletableFuture<Void> opened = p.firstOpen;
    p.open();
    return opened.thenApply(v -> p).whenComplete((v, e) -> {
      if (e != null) {
        p.close();
      }
    });
  }

  /** This client's PeerJS id. */
  public String peerId() {
    return peerId;
  }

  /** True while the server connection is open. */
  public boolean isOpen() {
    return open;
  }

  private void open() {
    if (closed) {
      return;
    }
    boolean tls = "wss".equals(server.getScheme()) || "https".equals(server.getScheme());
    int port = server.getPort() > 0 ? server.getPort() : (tls ? 443 : 80);
    String path = server.getPath() == null || server.getPath().isEmpty() ? "/" : server.getPath();
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost(server.getHost())
        .setPort(port)
        .setSsl(tls)
        .setURI(PeerJsMessage.connectPath(path, key, peerId, token));
    client.connect(options).onComplete(ar -> {
      if (ar.failed()) {
        failOpen(new TransportException(TransportException.Reason.NO_ACKNOWLEDGEMENT,
            "cannot reach the PeerJS server " + server + ": " + ar.cause().getMessage()));
        return;
      }
      WebSocket ws = ar.result();
      if (closed) {
        ws.close();
        return;
      }
      socket = ws;
      ws.textMessageHandler(this::onText);
      ws.exceptionHandler(e -> { });
      ws.closeHandler(v -> onClosed(ws));
    });
  }

  private void failOpen(Throwable e) {
    if (!firstOpen.isDone()) {
      firstOpen.completeExceptionally(e);
    } else {
      scheduleReconnect();
    }
  }

  private void onClosed(WebSocket ws) {
    if (socket != ws) {
      return;
    }
    socket = null;
    open = false;
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
      heartbeatTimer = -1;
    }
    if (!firstOpen.isDone()) {
      firstOpen.completeExceptionally(new TransportException(TransportException.Reason.NO_ACKNOWLEDGEMENT,
          "the PeerJS server closed the connection"));
    } else {
      scheduleReconnect();
    }
  }

  private void scheduleReconnect() {
    if (closed) {
      return;
    }
    long delay = reconnectMillis;
    reconnectMillis = Math.min(reconnectMillis * 2, MAX_RECONNECT_MILLIS);
    vertx.setTimer(delay, id -> open());
  }

  private void onText(String text) {
    PeerJsMessage m;
    try {
      m = PeerJsMessage.parse(text);
    } catch (PeerJsMessage.MalformedPeerJsException | RuntimeException e) {
      malformed.increment();
      return;
    }
    switch (m.type()) {
      case OPEN -> {
        open = true;
        reconnectMillis = 500;
        WebSocket ws = socket;
        heartbeatTimer = vertx.setPeriodic(HEARTBEAT_MILLIS, id -> {
          WebSocket s = socket;
          if (s != null && open) {
            s.writeTextMessage(PeerJsMessage.heartbeat());
          }
        });
        firstOpen.complete(null);
      }
      case ID_TAKEN, INVALID_KEY, ERROR -> {
        String why = m.payload() instanceof Map<?, ?> p && p.get("msg") instanceof String s ? s : m.type().wire();
        WebSocket ws = socket;
        if (!firstOpen.isDone()) {
          firstOpen.completeExceptionally(new TransportException(TransportException.Reason.NO_ACKNOWLEDGEMENT,
              "the PeerJS server refused " + peerId + ": " + why));
          closed = true;
        }
        if (ws != null) {
          ws.close();
        }
      }
      case OFFER -> m.envelope().ifPresentOrElse(e -> deliver(m.src(), e), malformed::increment);
      case ANSWER -> m.acknowledged().ifPresent(this::onAcknowledged);
      case EXPIRE, LEAVE -> failPendingTo(m.src(), m.type().wire());
      default -> { }
    }
  }

  private void deliver(String src, byte[] envelope) {
    if (src == null || envelope.length > SignalingEnvelope.MAX_ENVELOPE_BYTES) {
      malformed.increment();
      return;
    }
    received.increment();
    boolean[] acked = {false};
    try {
      receiver.accept(new Inbound() {
        @Override
        public byte[] envelope() {
          return envelope;
        }

        @Override
        public String transport() {
          return name();
        }

        @Override
        public synchronized void acknowledge() {
          if (!acked[0]) {
            acked[0] = true;
            write(PeerJsMessage.acknowledgement(src, envelope));
          }
        }
      });
    } catch (RuntimeException e) {
      malformed.increment();
    }
  }

  private void onAcknowledged(String ackId) {
    Pending p = pending.remove(ackId);
    if (p != null) {
      vertx.cancelTimer(p.timer());
      p.done().complete(null);
    }
  }

  private void failPendingTo(String peer, String why) {
    if (peer == null) {
      return;
    }
    for (Iterator<Map.Entry<String, Pending>> it = pending.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Pending> e = it.next();
      if (peer.equals(e.getValue().dst())) {
        it.remove();
        vertx.cancelTimer(e.getValue().timer());
        e.getValue().done().completeExceptionally(new TransportException(
            TransportException.Reason.NO_ACKNOWLEDGEMENT, "PeerJS server: " + why + " for " + peer));
      }
    }
  }

  private boolean write(String json) {
    WebSocket ws = socket;
    if (ws == null || !open) {
      return false;
    }
    ws.writeTextMessage(json);
    return true;
  }

  @Override
  public ContactTransport kind() {
    return ContactTransport.PEERJS;
  }

  /** Any identity has a PeerJS id; whether it is connected to this server shows on send. */
  @Override
  public boolean canReach(ContactAddress to) {
    return true;
  }

  @Override
  public CompletableFuture<Void> send(ContactAddress to, byte[] envelope) {
    if (envelope.length > SignalingEnvelope.MAX_ENVELOPE_BYTES) {
      return CompletableFuture.failedFuture(TransportException.tooLarge(envelope.length));
    }
    if (!open) {
      return CompletableFuture.failedFuture(new TransportException(TransportException.Reason.NO_ACKNOWLEDGEMENT,
          "not connected to the PeerJS server " + server));
    }
    String dst = PeerJsMessage.peerIdOf(to.identityKey());
    String ackId = PeerJsMessage.ackId(envelope);
    CompletableFuture<Void> done = new CompletableFuture<>();
    long timer = vertx.setTimer(timeoutMillis, id -> {
      if (pending.remove(ackId) != null) {
        done.completeExceptionally(new TransportException(TransportException.Reason.NO_ACKNOWLEDGEMENT,
            "no acknowledgement from " + dst + " via PeerJS in " + timeoutMillis + " ms"));
      }
    });
    pending.put(ackId, new Pending(dst, done, timer));
    if (!write(PeerJsMessage.envelopeOffer(dst, envelope))) {
      pending.remove(ackId);
      vertx.cancelTimer(timer);
      done.completeExceptionally(new TransportException(TransportException.Reason.NO_ACKNOWLEDGEMENT,
          "not connected to the PeerJS server " + server));
    }
    return done;
  }

  @Override
  public void onReceive(Consumer<Inbound> receiver) {
    this.receiver = receiver;
  }

  /** Server messages that could not be read, and envelopes received. */
  public long malformed() {
    return malformed.sum();
  }

  public long received() {
    return received.sum();
  }

  /** Leaves the server (closes the WebSocket) and fails pending sends. Idempotent. */
  public CompletableFuture<Void> close() {
    closed = true;
    open = false;
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
      heartbeatTimer = -1;
    }
    for (Pending p : pending.values()) {
      vertx.cancelTimer(p.timer());
      p.done().completeExceptionally(new TransportException(TransportException.Reason.NO_ACKNOWLEDGEMENT,
          "PeerJS transport closed"));
    }
    pending.clear();
    WebSocket ws = socket;
    socket = null;
    CompletableFuture<Void> wsClosed = ws == null
        ? CompletableFuture.completedFuture(null)
        : ws.close().toCompletionStage().toCompletableFuture().handle((v, e) -> null);
    return wsClosed.thenCompose(v -> client.close().toCompletionStage().toCompletableFuture().handle((x, e) -> null));
  }
}
