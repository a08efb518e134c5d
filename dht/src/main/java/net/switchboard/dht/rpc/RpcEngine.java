package net.switchboard.dht.rpc;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import net.switchboard.dht.metrics.DhtMetricsSink;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.routing.Contact;
import net.switchboard.seam.Endpoint;
import net.switchboard.seam.Scheduler;
import net.switchboard.seam.Transport;
import net.switchboard.dht.wire.Body;
import net.switchboard.dht.wire.Envelope;
import net.switchboard.dht.wire.MalformedMessageException;
import net.switchboard.dht.wire.WireCodec;

/**
 * Request/response over an unreliable transport: random 64-bit request ids, timeouts with
 * retries, matching of responses to the endpoint they were sent to, and node-id proofs. Nothing a
 * peer sends can make it throw: malformed, unsolicited, spoofed or unproven datagrams are dropped
 * and counted.
 */
public final class RpcEngine {
  private final Identity self;
  private final Transport transport;
  private final Scheduler scheduler;
  private final RandomGenerator random;
  private final DhtMetricsSink metrics;
  private final long timeoutMillis;
  private final int retries;
  private final VerifiedPeers verified;
  private final Map<Long, Pending> pending = new HashMap<>();
  private RequestServer server;
  private PeerObserver observer = PeerObserver.NONE;
  private boolean stopped;
  private boolean clientMode;

  /** Told of every proven response and every failed request, to keep the routing table fresh. */
  public interface PeerObserver {
    PeerObserver NONE = new PeerObserver() {
      @Override
      public void responded(Contact contact) {}

      @Override
      public void failed(Endpoint to, Id256 expectedId) {}
    };

    void responded(Contact contact);

    void failed(Endpoint to, Id256 expectedId);
  }

  private final class Pending {
    final long requestId;
    final Endpoint to;
    final Id256 expectedId;
    final byte[] datagram;
    final ResponseHandler handler;
    final long timeoutMillis;
    int attemptsLeft;
    Scheduler.Cancellable timer;

    Pending(long requestId, Endpoint to, Id256 expectedId, byte[] datagram, ResponseHandler handler, int attemptsLeft,
        long timeoutMillis) {
      this.timeoutMillis = timeoutMillis;
      this.requestId = requestId;
      this.to = to;
      this.expectedId = expectedId;
      this.datagram = datagram;
      this.handler = handler;
      this.attemptsLeft = attemptsLeft;
    }
  }

  public RpcEngine(
      Identity self,
      Transport transport,
      Scheduler scheduler,
      RandomGenerator random,
      DhtMetricsSink metrics,
      long timeoutMillis,
      int retries,
      int verifiedPeerCacheSize) {
    this.self = self;
    this.transport = transport;
    this.scheduler = scheduler;
    this.random = random;
    this.metrics = metrics;
    this.timeoutMillis = timeoutMillis;
    this.retries = retries;
    this.verified = new VerifiedPeers(verifiedPeerCacheSize);
  }

  /** Installs the request server and starts receiving. */
  public void start(RequestServer server, PeerObserver observer) {
    this.server = server;
    this.observer = observer;
    transport.setReceiver(this::onDatagram);
  }

  /** Stops: pending requests are abandoned silently and incoming datagrams ignored. */
  public void stop() {
    stopped = true;
    for (Pending p : pending.values()) {
      if (p.timer != null) {
        p.timer.cancel();
      }
    }
    pending.clear();
  }

  /** In client mode every request says so, and peers leave this node out of their routing tables. */
  public void setClientMode(boolean clientMode) {
    this.clientMode = clientMode;
  }

  public int pendingCount() {
    return pending.size();
  }

  /** The proven id at {@code endpoint}, or null. */
  public Id256 provenIdAt(Endpoint endpoint) {
    return verified.idAt(endpoint);
  }

  /**
   * Sends a request to {@code to}. If {@code expectedId} is given, a responder proving another id
   * counts as a failure. The responder is asked for an id proof unless its id is already proven.
   */
  public void request(Endpoint to, Id256 expectedId, Body body, ResponseHandler handler) {
    request(to, expectedId, body, timeoutMillis, retries, handler);
  }

  /** As {@link #request(Endpoint, Id256, Body, ResponseHandler)} with its own timeout and retries. */
  public void request(
      Endpoint to, Id256 expectedId, Body body, long timeoutMillis, int retries, ResponseHandler handler) {
    if (stopped) {
      handler.onFailure();
      return;
    }
    long requestId;
    do {
      requestId = random.nextLong();
    } while (pending.containsKey(requestId));
    Id256 known = verified.idAt(to);
    // Without an expected id (a bootstrap ping) the endpoint may now hold a new identity: always
    // ask for a fresh proof rather than trusting what was proven there before.
    boolean prove = known == null || expectedId == null || !expectedId.equals(known);
    byte[] datagram = WireCodec.encode(new Envelope(requestId, self.nodeId(), prove, null, body, clientMode));
    Pending p = new Pending(requestId, to, expectedId, datagram, handler, retries + 1, timeoutMillis);
    pending.put(requestId, p);
    attempt(p, body);
  }

  private void attempt(Pending p, Body body) {
    p.attemptsLeft--;
    transport.send(p.to, p.datagram);
    metrics.sent(body.type(), p.datagram.length);
    p.timer = scheduler.schedule(p.timeoutMillis, () -> onTimeout(p, body));
  }

  private void onTimeout(Pending p, Body body) {
    if (pending.get(p.requestId) != p) {
      return;
    }
    if (p.attemptsLeft > 0) {
      metrics.increment("rpc_retries");
      attempt(p, body);
      return;
    }
    pending.remove(p.requestId);
    metrics.increment("rpc_timeouts");
    observer.failed(p.to, p.expectedId);
    p.handler.onFailure();
  }

  /** Entry point for every datagram; never throws. */
  void onDatagram(Endpoint from, byte[] data) {
    if (stopped) {
      return;
    }
    Envelope m;
    try {
      m = WireCodec.decode(data);
    } catch (MalformedMessageException | RuntimeException e) {
      metrics.receivedBytes(data == null ? 0 : data.length);
      metrics.increment("dropped_malformed");
      return;
    }
    metrics.received(m.type(), data.length);
    try {
      if (m.type().isResponse()) {
        onResponse(from, m);
      } else {
        onRequest(from, m);
      }
    } catch (RuntimeException e) {
      // a bug of ours must not take the node down on a peer's input
      metrics.increment("dropped_handler_error");
    }
  }

  private void onRequest(Endpoint from, Envelope m) {
    if (m.sender().equals(self.nodeId())) {
      metrics.increment("dropped_self_id");
      return;
    }
    Id256 proven = verified.idAt(from);
    boolean isProven = m.sender().equals(proven);
    Body reply = server.serve(from, m.sender(), isProven, m.client(), m.body());
    if (reply == null) {
      return;
    }
    Envelope.IdProofData proof = m.proveRequested() ? IdProof.create(self, m.requestId(), m.sender()) : null;
    byte[] out = WireCodec.encode(new Envelope(m.requestId(), self.nodeId(), false, proof, reply));
    transport.send(from, out);
    metrics.sent(reply.type(), out.length);
  }

  private void onResponse(Endpoint from, Envelope m) {
    Pending p = pending.get(m.requestId());
    if (p == null || !p.to.equals(from)) {
      metrics.increment("dropped_unsolicited");
      return;
    }
    Id256 id = m.sender();
    if (m.proof() != null) {
      if (!IdProof.verify(m.proof(), m.requestId(), self.nodeId(), id, self.scheme())) {
        metrics.increment("dropped_bad_proof");
        return; // keep waiting: the genuine responder may still answer
      }
      verified.proven(from, id);
    } else if (!id.equals(verified.idAt(from))) {
      metrics.increment("dropped_unproven");
      return;
    }
    pending.remove(m.requestId());
    p.timer.cancel();
    if (p.expectedId != null && !p.expectedId.equals(id)) {
      metrics.increment("rpc_wrong_identity");
      observer.failed(p.to, p.expectedId);
      p.handler.onFailure();
      return;
    }
    if (!expectedBody(p, m.body())) {
      metrics.increment("dropped_wrong_response_type");
      p.handler.onFailure();
      return;
    }
    Contact contact = new Contact(id, from);
    observer.responded(contact);
    p.handler.onResponse(contact, m.body());
  }

  private static boolean expectedBody(Pending p, Body body) {
    int requestType = p.datagram[1] & 0xFF;
    return (requestType | 0x80) == body.type().code;
  }
}
