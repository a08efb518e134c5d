package net.switchboard.dht.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.metrics.DhtMetricsSink;
import net.switchboard.seam.Endpoint;
import net.switchboard.seam.Scheduler;
import net.switchboard.seam.Transport;

/**
 * Authenticated sessions on the wire: below the RPC engine, every datagram to or from a peer is
 * sealed with keys of a handshake bound to both node keys (docs/sessions.md).
 *
 * <pre>
 *   initiator                          responder
 *   HELLO  e_i (padded to 96 bytes) ->
 *                                   <- COOKIE MAC(minute secret, source, e_i)      no state kept
 *   INIT   e_i, cookie, pk_i, claim_i, expected id, sig_i ->
 *                                      cookie checked (source validated), sig_i checked
 *                                   <- ACCEPT e_r, pk_r, claim_r, observed(i), sig_r(H(INIT) ..)
 *   DATA   tag, counter, AEAD(payload)  <->  both ways
 * </pre>
 *
 * No reply to a source whose address is not validated is larger than what it sent. A peer enters
 * routing tables only when the endpoint it signed as its own is the one the session talks to
 * ({@link Session#addressConfirmed}): relaying someone else's handshake gains a relay nothing.
 * Pure: time and timers from the {@link Scheduler}, randomness injected, one thread. Nothing a
 * peer sends makes it throw: what does not parse, verify or match is dropped and counted
 * ({@code session_*} metrics).
 */
public final class SessionLayer {
  private static final byte[] INIT_DOMAIN = "switchboard/v2/session-init".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ACCEPT_DOMAIN = "switchboard/v2/session-accept".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEYS_INFO = "switchboard/v2/session-keys".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ANY_ID = new byte[32];

  /** What the layer hands up. */
  public interface Listener {
    /** An authenticated payload from {@code session}'s peer. */
    void onMessage(Session session, byte[] payload);

    /** A handshake to {@code endpoint} got no answer; what was queued for it is dropped. */
    default void onUnreachable(Endpoint endpoint) {}
  }

  private final Identity self;
  private final Transport transport;
  private final Scheduler scheduler;
  private final RandomGenerator random;
  private final SessionCrypto crypto;
  private final SessionConfig config;
  private final DhtMetricsSink metrics;
  private final Cookies cookies;
  /** Every live session by the tag its DATA carries; least recently used first. */
  private final LinkedHashMap<Long, Session> byTag;
  /** The session used to send to an endpoint: the newest one there. */
  private final Map<Endpoint, Session> byEndpoint = new HashMap<>();
  private final Map<Endpoint, Handshake> handshakes = new HashMap<>();
  private Listener listener;
  private Endpoint claim;
  private boolean client;
  private boolean stopped;

  /** One initiator handshake in flight. */
  private final class Handshake {
    final Endpoint to;
    final byte[] expectedId;
    final byte[] secret;
    final byte[] ephemeral;
    final List<byte[]> queued = new ArrayList<>();
    byte[] packet; // HELLO until the cookie arrives, then INIT
    boolean initSent;
    int attemptsLeft;
    Scheduler.Cancellable timer;

    Handshake(Endpoint to, Id256 expected) {
      this.to = to;
      this.expectedId = expected == null ? ANY_ID : expected.toBytes();
      this.secret = crypto.newSecret(random);
      this.ephemeral = crypto.publicOf(secret);
      this.packet = SessionPacket.hello(ephemeral);
    }

    void transmit(boolean fresh) {
      if (fresh) {
        attemptsLeft = config.attempts();
      }
      int sentBefore = config.attempts() - attemptsLeft;
      attemptsLeft--;
      transport.send(to, packet);
      metrics.increment(initSent ? "session_init_sent" : "session_hello_sent");
      // exponential backoff: a slow path's answer is still taken while later tries go out
      timer = scheduler.schedule(config.retryMillis() << sentBefore, this::onTimer);
    }

    void onTimer() {
      if (handshakes.get(to) != this) {
        return;
      }
      if (attemptsLeft > 0) {
        transmit(false);
        return;
      }
      handshakes.remove(to);
      metrics.increment("session_handshake_timeouts");
      Arrays.fill(secret, (byte) 0);
      listener.onUnreachable(to);
    }
  }

  public SessionLayer(Identity self, Transport transport, Scheduler scheduler, RandomGenerator random,
      SessionCrypto crypto, SessionConfig config, DhtMetricsSink metrics) {
    this.self = self;
    this.transport = transport;
    this.scheduler = scheduler;
    this.random = random;
    this.crypto = crypto;
    this.config = config;
    this.metrics = metrics;
    this.cookies = new Cookies(crypto, random);
    this.byTag = new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Session> eldest) {
        if (size() <= config.maxSessions()) {
          return false;
        }
        byEndpoint.remove(eldest.getValue().endpoint(), eldest.getValue());
        metrics.increment("session_evicted");
        return true;
      }
    };
  }

  /** Installs the listener and starts receiving from the transport. */
  public void start(Listener listener) {
    this.listener = listener;
    transport.setReceiver(this::onDatagram);
  }

  /** Stops: handshakes are abandoned, datagrams ignored. */
  public void stop() {
    stopped = true;
    handshakes.values().forEach(h -> {
      if (h.timer != null) {
        h.timer.cancel();
      }
    });
    handshakes.clear();
  }

  /**
   * The endpoint this node signs as its own (its public address, once known), or null when it
   * does not know one: then no peer enters it in a routing table.
   */
  public void setClaim(Endpoint claim) {
    this.claim = claim;
  }

  /** A client says so in its handshakes, and peers keep it out of their routing tables. */
  public void setClient(boolean client) {
    this.client = client;
  }

  public Endpoint localEndpoint() {
    return transport.localEndpoint();
  }

  public int maxPayloadSize() {
    return transport.maxDatagramSize() - SessionPacket.DATA_HEADER - SessionCrypto.TAG_BYTES;
  }

  /** The session that sends to {@code endpoint}, or null. */
  public Session sessionAt(Endpoint endpoint) {
    Session s = byEndpoint.get(endpoint);
    return s != null && fresh(s) ? s : null;
  }

  /** Forgets the sessions at {@code endpoint} (its peer answered as someone else, or went away). */
  public void forget(Endpoint endpoint) {
    Session s = byEndpoint.remove(endpoint);
    if (s != null) {
      byTag.remove(s.receiveTag);
    }
  }

  public int sessionCount() {
    return byTag.size();
  }

  /**
   * Sends {@code payload} to {@code to} in its session, after a handshake when there is none.
   *
   * @param expectedId the node id the caller believes is there, or null (a bootstrap address):
   *     the responder refuses a handshake naming another id
   */
  public void send(Endpoint to, Id256 expectedId, byte[] payload) {
    if (stopped) {
      return;
    }
    Session s = sessionAt(to);
    if (s != null && (expectedId == null || expectedId.equals(s.peerId()))) {
      sendData(s, payload);
      return;
    }
    Handshake h = handshakes.get(to);
    if (h == null) {
      h = new Handshake(to, s == null ? expectedId : null);
      handshakes.put(to, h);
      h.transmit(true);
    }
    if (h.queued.size() >= config.maxQueued()) {
      metrics.increment("session_queue_full");
      return;
    }
    h.queued.add(payload);
  }

  private boolean fresh(Session s) {
    return scheduler.nowMillis() - s.lastReceivedMillis < config.idleMillis();
  }

  private void sendData(Session s, byte[] payload) {
    long counter = s.sendCounter++;
    byte[] header = new byte[SessionPacket.DATA_HEADER];
    header[0] = (byte) SessionPacket.DATA;
    putLong(header, 1, s.sendTag);
    putLong(header, 1 + SessionPacket.TAG, counter);
    byte[] sealed = crypto.seal(s.sendKey, counter, header, payload, 0, payload.length);
    transport.send(s.endpoint(), SessionPacket.concat(header, sealed));
  }

  /** Entry point for every datagram; never throws. */
  void onDatagram(Endpoint from, byte[] d) {
    if (stopped) {
      return;
    }
    try {
      if (d == null || !SessionPacket.isSessionPacket(d)) {
        metrics.increment("session_dropped_not_session");
        return;
      }
      switch (d[0] & 0xFF) {
        case SessionPacket.HELLO -> onHello(from, d);
        case SessionPacket.COOKIE -> onCookie(from, d);
        case SessionPacket.INIT -> onInit(from, d);
        case SessionPacket.ACCEPT -> onAccept(from, d);
        case SessionPacket.DATA -> onData(from, d);
        case SessionPacket.UNKNOWN -> onUnknown(from, d);
        default -> metrics.increment("session_dropped_not_session");
      }
    } catch (MalformedSessionPacketException e) {
      metrics.increment("session_dropped_malformed");
    } catch (RuntimeException e) {
      // a bug of ours must not take the node down on a peer's input
      metrics.increment("session_dropped_handler_error");
    }
  }

  private void onHello(Endpoint from, byte[] d) {
    if (d.length != SessionPacket.HELLO_BYTES) {
      metrics.increment("session_dropped_malformed");
      return;
    }
    byte[] e = Arrays.copyOfRange(d, 1, 1 + SessionPacket.KEY);
    transport.send(from, SessionPacket.cookie(e, cookies.make(from, e, scheduler.nowMillis())));
  }

  private void onCookie(Endpoint from, byte[] d) {
    Handshake h = handshakes.get(from);
    if (d.length != 1 + SessionPacket.ECHO_BYTES + SessionPacket.COOKIE_BYTES || h == null || h.initSent
        || !Arrays.equals(d, 1, 1 + SessionPacket.ECHO_BYTES, h.ephemeral, 0, SessionPacket.ECHO_BYTES)) {
      metrics.increment("session_dropped_unsolicited");
      return;
    }
    byte[] cookie = Arrays.copyOfRange(d, 1 + SessionPacket.ECHO_BYTES, d.length);
    byte[] body = SessionPacket.initBody(h.ephemeral, cookie, self.publicKey(), client, claim, h.expectedId);
    h.packet = SessionPacket.concat(body, self.sign(SessionPacket.concat(INIT_DOMAIN, body)));
    h.initSent = true;
    h.timer.cancel();
    h.transmit(true);
  }

  private void onInit(Endpoint from, byte[] d) throws MalformedSessionPacketException {
    SessionPacket.Init init = SessionPacket.decodeInit(d);
    Session existing = byEndpoint.get(from);
    if (existing != null && existing.initiatorEphemeral != null
        && Arrays.equals(existing.initiatorEphemeral, init.ephemeral())) {
      transport.send(from, existing.acceptPacket); // our ACCEPT was lost: the same answer again
      return;
    }
    if (!cookies.valid(from, init.ephemeral(), init.cookie(), scheduler.nowMillis())) {
      metrics.increment("session_dropped_bad_cookie");
      return;
    }
    if (!Arrays.equals(init.expectedId(), ANY_ID) && !Arrays.equals(init.expectedId(), self.nodeId().toBytes())) {
      metrics.increment("session_dropped_not_for_us");
      return;
    }
    Id256 peer = Identity.nodeIdOf(init.identityKey());
    if (peer.equals(self.nodeId()) || !verify(init.identityKey(), INIT_DOMAIN, init.signedPart(), init.signature())) {
      metrics.increment("session_dropped_bad_signature");
      return;
    }
    byte[] secret = crypto.newSecret(random);
    byte[] shared = crypto.agree(secret, init.ephemeral());
    if (shared == null) {
      metrics.increment("session_dropped_bad_key");
      return;
    }
    byte[] initHash = Identity.sha256(d);
    byte[] body = SessionPacket.acceptBody(crypto.publicOf(secret), self.publicKey(), client, claim, from);
    byte[] accept = SessionPacket.concat(body, self.sign(SessionPacket.concat(ACCEPT_DOMAIN, initHash, body)));
    Arrays.fill(secret, (byte) 0);
    Keys k = keys(shared, d, accept);
    Session s = new Session(from, peer, init.client(), init.claim(), null, k.responderToInitiator, k.initiatorToResponder,
        k.initiatorTag, k.responderTag, init.ephemeral(), accept, scheduler.nowMillis());
    install(s);
    transport.send(from, accept);
    metrics.increment("session_accepted");
  }

  private void onAccept(Endpoint from, byte[] d) throws MalformedSessionPacketException {
    Handshake h = handshakes.get(from);
    if (h == null || !h.initSent) {
      metrics.increment("session_dropped_unsolicited");
      return;
    }
    SessionPacket.Accept a = SessionPacket.decodeAccept(d);
    Id256 peer = Identity.nodeIdOf(a.identityKey());
    byte[] initHash = Identity.sha256(h.packet);
    if (!verify(a.identityKey(), ACCEPT_DOMAIN, initHash, a.signedPart(), a.signature())) {
      metrics.increment("session_dropped_bad_signature");
      return; // keep waiting: the genuine responder may still answer
    }
    if (!Arrays.equals(h.expectedId, ANY_ID) && !Arrays.equals(h.expectedId, peer.toBytes())) {
      metrics.increment("session_dropped_wrong_identity");
      return;
    }
    byte[] shared = crypto.agree(h.secret, a.ephemeral());
    if (shared == null) {
      metrics.increment("session_dropped_bad_key");
      return;
    }
    handshakes.remove(from);
    h.timer.cancel();
    Keys k = keys(shared, h.packet, d);
    Arrays.fill(h.secret, (byte) 0);
    Session s = new Session(from, peer, a.client(), a.claim(), a.observed(), k.initiatorToResponder,
        k.responderToInitiator, k.responderTag, k.initiatorTag, null, null, scheduler.nowMillis());
    install(s);
    metrics.increment("session_established");
    for (byte[] p : h.queued) {
      sendData(s, p);
    }
  }

  private void onData(Endpoint from, byte[] d) {
    if (d.length < SessionPacket.DATA_HEADER + SessionCrypto.TAG_BYTES) {
      metrics.increment("session_dropped_malformed");
      return;
    }
    long tag = getLong(d, 1);
    Session s = byTag.get(tag);
    if (s == null || !s.endpoint().equals(from)) {
      // UNKNOWN is 9 bytes, smaller than any DATA: no amplification
      metrics.increment("session_dropped_unknown_session");
      transport.send(from, SessionPacket.unknown(d));
      return;
    }
    long counter = getLong(d, 1 + SessionPacket.TAG);
    byte[] header = Arrays.copyOf(d, SessionPacket.DATA_HEADER);
    byte[] payload = crypto.open(s.receiveKey, counter, header, d, SessionPacket.DATA_HEADER,
        d.length - SessionPacket.DATA_HEADER);
    if (payload == null) {
      metrics.increment("session_dropped_forged");
      return;
    }
    if (!s.window.accept(counter)) {
      metrics.increment("session_dropped_replayed");
      return;
    }
    s.lastReceivedMillis = scheduler.nowMillis();
    listener.onMessage(s, payload);
  }

  private void onUnknown(Endpoint from, byte[] d) {
    Session s = byEndpoint.get(from);
    if (d.length == 1 + SessionPacket.TAG && s != null && s.sendTag == getLong(d, 1)) {
      // the peer lost our session (it restarted): the next send handshakes again
      forget(from);
      metrics.increment("session_reset_by_peer");
    }
  }

  private void install(Session s) {
    byTag.put(s.receiveTag, s);
    byEndpoint.put(s.endpoint(), s);
  }

  private boolean verify(byte[] key, byte[] domain, byte[] signedPart, byte[] signature) {
    return verify(key, SessionPacket.concat(domain, signedPart), signature);
  }

  private boolean verify(byte[] key, byte[] domain, byte[] initHash, byte[] signedPart, byte[] signature) {
    return verify(key, SessionPacket.concat(domain, initHash, signedPart), signature);
  }

  private boolean verify(byte[] key, byte[] message, byte[] signature) {
    return self.scheme().verify(key, 0, signature, 0, message, 0, message.length);
  }

  private record Keys(byte[] initiatorToResponder, byte[] responderToInitiator, long initiatorTag, long responderTag) {}

  /** Both directions' keys and tags from the shared secret, salted with the whole handshake. */
  private Keys keys(byte[] shared, byte[] initPacket, byte[] acceptPacket) {
    byte[] salt = Identity.sha256(initPacket, acceptPacket);
    byte[] okm = crypto.derive(shared, salt, KEYS_INFO, 2 * SessionCrypto.KEY_BYTES + 16);
    Arrays.fill(shared, (byte) 0);
    return new Keys(Arrays.copyOfRange(okm, 0, 32), Arrays.copyOfRange(okm, 32, 64), getLong(okm, 64), getLong(okm, 72));
  }

  private static void putLong(byte[] b, int off, long v) {
    for (int i = 0; i < 8; i++) {
      b[off + i] = (byte) (v >>> (56 - 8 * i));
    }
  }

  private static long getLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xFF);
    }
    return v;
  }
}
