package net.switchboard.gateway.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.gateway.AuthChallenges;

/**
 * A browser as the gateway sees it, in the JVM: the same WebSocket protocol as the web app and a
 * real Ed25519 identity (BouncyCastle). Used by the load benchmark and by protocol tests.
 */
public final class SimulatedBrowser {
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final Base64.Decoder UNB64 = Base64.getDecoder();

  private final Identity identity;
  private final WebSocket ws;
  private final BlockingQueue<JsonObject> unsolicited = new LinkedBlockingQueue<>();
  private final Map<Long, CompletableFuture<JsonObject>> waiting = new ConcurrentHashMap<>();
  private final AtomicLong rid = new AtomicLong();
  private final CompletableFuture<JsonObject> challenge = new CompletableFuture<>();
  private final CompletableFuture<JsonObject> authResult = new CompletableFuture<>();
  private volatile BiConsumer<byte[], Long> onEnvelope;
  private volatile boolean closed;

  private SimulatedBrowser(Identity identity, WebSocket ws) {
    this.identity = identity;
    this.ws = ws;
    ws.textMessageHandler(this::onText);
    ws.closeHandler(v -> {
      closed = true;
      authResult.completeExceptionally(new IllegalStateException("closed"));
      waiting.values().forEach(f -> f.completeExceptionally(new IllegalStateException("closed")));
    });
  }

  /** Opens the WebSocket; the challenge arrives but is not answered yet. */
  public static CompletableFuture<SimulatedBrowser> open(WebSocketClient client, String host, int port, Identity identity) {
    return client.connect(port, host, "/ws").toCompletionStage().toCompletableFuture()
        .thenApply(ws -> new SimulatedBrowser(identity, ws));
  }

  /** Opens and authenticates; completes once the gateway said ready. */
  public static CompletableFuture<SimulatedBrowser> connect(WebSocketClient client, String host, int port, Identity identity) {
    return open(client, host, port, identity).thenCompose(b -> b.challenge()
        .thenCompose(c -> b.answer(b.signedAnswer(c)))
        .thenCompose(r -> "ready".equals(r.getString("t"))
            ? CompletableFuture.completedFuture(b)
            : CompletableFuture.failedFuture(new IllegalStateException("refused: " + r.encode()))));
  }

  /** A WebSocket client sized for many connections. */
  public static WebSocketClient client(Vertx vertx) {
    return vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
        .setMaxFrameSize(256 * 1024).setMaxMessageSize(256 * 1024));
  }

  public Identity identity() {
    return identity;
  }

  public CompletableFuture<JsonObject> challenge() {
    return challenge;
  }

  /** The correct answer to {@code challenge}. */
  public JsonObject signedAnswer(JsonObject challenge) {
    byte[] nonce = UNB64.decode(challenge.getString("nonce"));
    long ts = challenge.getLong("ts");
    byte[] sig = identity.sign(AuthChallenges.message(nonce, Id256.fromHex(challenge.getString("gateway")), ts));
    return new JsonObject().put("t", "auth").put("pk", B64.encodeToString(identity.publicKey()))
        .put("nonce", challenge.getString("nonce")).put("ts", ts).put("sig", B64.encodeToString(sig));
  }

  /** Sends an auth answer; completes with the gateway's reply (ready, or an error). */
  public CompletableFuture<JsonObject> answer(JsonObject auth) {
    ws.writeTextMessage(auth.encode());
    return authResult;
  }

  /** Receives pushed envelopes: (envelope, ack id). */
  public void onEnvelope(BiConsumer<byte[], Long> handler) {
    this.onEnvelope = handler;
  }

  public void ack(long aid) {
    ws.writeTextMessage(new JsonObject().put("t", "ack").put("aid", aid).encode());
  }

  /** A request with a fresh rid; completes with the reply carrying the same rid. */
  public CompletableFuture<JsonObject> request(JsonObject m) {
    long id = rid.incrementAndGet();
    CompletableFuture<JsonObject> f = new CompletableFuture<>();
    waiting.put(id, f);
    ws.writeTextMessage(m.copy().put("rid", id).encode());
    return f;
  }

  /** Sends an envelope toward {@code routes}; completes with the gateway's "sent" reply. */
  public CompletableFuture<JsonObject> send(Id256 route, byte[] envelope) {
    return request(new JsonObject().put("t", "send").put("routes", new io.vertx.core.json.JsonArray().add(route.toHex()))
        .put("env", B64.encodeToString(envelope)));
  }

  /** Messages that were neither replies nor envelopes. */
  public BlockingQueue<JsonObject> unsolicited() {
    return unsolicited;
  }

  public boolean isClosed() {
    return closed;
  }

  public void close() {
    ws.close();
  }

  private void onText(String text) {
    JsonObject m = new JsonObject(text);
    String t = m.getString("t", "");
    Object r = m.getValue("rid");
    if ("challenge".equals(t)) {
      challenge.complete(m);
    } else if ("ready".equals(t) || ("error".equals(t) && r == null && !authResult.isDone())) {
      authResult.complete(m);
    } else if ("env".equals(t) && onEnvelope != null) {
      onEnvelope.accept(UNB64.decode(m.getString("env")), m.getLong("aid"));
    } else if (r instanceof Number n && waiting.containsKey(n.longValue())) {
      waiting.remove(n.longValue()).complete(m);
    } else {
      unsolicited.add(m);
    }
  }
}
