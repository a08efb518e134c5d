package net.switchboard.signaling.call;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import net.switchboard.dht.identity.Identity;
import net.switchboard.seam.Scheduler;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.e2e.EnvelopeOpener;
import net.switchboard.signaling.e2e.EnvelopeRejectedException;
import net.switchboard.signaling.e2e.OpenedEnvelope;
import net.switchboard.signaling.e2e.PeerKeys;
import net.switchboard.signaling.e2e.ReplayGuard;
import net.switchboard.signaling.e2e.SignalingEnvelope;
import net.switchboard.signaling.transport.ContactAddress;
import net.switchboard.signaling.transport.Inbound;
import net.switchboard.signaling.transport.TransportSelector;

/**
 * The calls of one local identity: places calls, opens inbound envelopes (decrypt, verify, replay
 * check), applies the {@link CallPolicy} before anything is revealed, resolves glare, keeps one call
 * at a time (a second caller hears BUSY), and reports to a {@link CallListener}.
 *
 * <p>Runs on the node's thread: inbound envelopes are moved onto the {@link Scheduler} first; call
 * {@link #call} and the {@link CallSession} actions from that thread too ({@code
 * scheduler.execute(...)} from elsewhere). Bad input is dropped and counted ({@link #counters()}),
 * never thrown; nothing is acknowledged unless it was authenticated, allowed and relevant.
 */
public final class CallManager {
  private final Identity identity;
  private final Scheduler scheduler;
  private final RandomGenerator random;
  private final TransportSelector transports;
  private final MediaEngine media;
  private final CallPolicy policy;
  private final CallConfig config;
  private final Reachability replyTo;
  private final CallListener listener;
  private final EnvelopeOpener opener;
  private final PeerKeys peerKeys = new PeerKeys(); // X25519 keys and decoded points of the people we talk to
  private final Map<CallId, CallSession> sessions = new HashMap<>();
  private final Map<String, Long> counters = new TreeMap<>();
  private CallSession current;

  private CallManager(Builder b) {
    this.identity = b.identity;
    this.scheduler = b.scheduler;
    this.random = b.random;
    this.transports = b.transports;
    this.media = b.media;
    this.policy = b.policy;
    this.config = b.config;
    this.replyTo = b.replyTo;
    this.listener = b.listener;
    this.opener = new EnvelopeOpener(identity, b.replayGuard, peerKeys);
    transports.onReceive(in -> scheduler.execute(() -> handle(in)));
  }

  /** Starts a builder; every other setting has a default except transports, media and replyTo. */
  public static Builder builder(Identity identity, Scheduler scheduler) {
    return new Builder(identity, scheduler);
  }

  public Identity identity() {
    return identity;
  }

  /**
   * Calls {@code callee}: opens media, sends RING. Node thread only.
   *
   * @throws IllegalStateException when a call is already in progress
   */
  public CallSession call(ContactAddress callee) {
    if (busy()) {
      throw new IllegalStateException("already in a call: " + current);
    }
    CallSession s = newSession(CallId.random(random), CallSession.Role.CALLER, callee);
    s.startOutgoing();
    return s;
  }

  /**
   * Calls {@code calleeKey} while its contact record is still being resolved: media opens and the
   * offer is created at once, in parallel with the lookup, and RING goes out as soon as both are
   * ready. Until {@code reachability} completes nothing is sent (a cancel or timeout before then
   * ends the call locally); if it fails, the call ends FAILED. The offer assumes a node's default
   * record ({@link Reachability#viaOwnNode}, every media kind); a record listing other media
   * makes the session open media again before the RING. Node thread only.
   *
   * @throws IllegalStateException when a call is already in progress
   * @throws IllegalArgumentException when {@code calleeKey} is not 32 bytes
   */
  public CallSession call(byte[] calleeKey, CompletableFuture<Reachability> reachability) {
    if (busy()) {
      throw new IllegalStateException("already in a call: " + current);
    }
    byte[] key = calleeKey.clone();
    ContactAddress assumed = ContactAddress.of(key, Reachability.viaOwnNode(Identity.nodeIdOf(key)));
    CallSession s = newSession(CallId.random(random), CallSession.Role.CALLER, assumed);
    s.startOutgoing(reachability.thenApply(r -> ContactAddress.of(key, r)));
    return s;
  }

  /** The live call, if any. */
  public Optional<CallSession> current() {
    return busy() ? Optional.of(current) : Optional.empty();
  }

  /** Drop and event counts by name (envelope_forged, refused_policy, busy_sent, ...); a copy, node thread. */
  public Map<String, Long> counters() {
    return Map.copyOf(counters);
  }

  private boolean busy() {
    return current != null && !current.ended();
  }

  private CallSession newSession(CallId id, CallSession.Role role, ContactAddress remote) {
    CallSession[] self = new CallSession[1];
    CallSession s = new CallSession(id, role, remote, scheduler, media, config, replyTo,
        m -> send(self[0].remote(), m), this::onChanged); // the caller's remote may be refined by its resolve
    self[0] = s;
    sessions.put(id, s);
    current = s;
    return s;
  }

  private CompletableFuture<?> send(ContactAddress to, CallMessage m) {
    byte[] envelope = SignalingEnvelope.seal(identity, to.identityKey(), scheduler.nowMillis(),
        SignalingEnvelope.newMessageId(random), CallMessageCodec.encode(m), random, peerKeys);
    return transports.send(to, envelope);
  }

  private void onChanged(CallSession s, CallState from, CallState to) {
    listener.onStateChanged(s, from, to);
    if (to == CallState.ENDED) {
      sessions.remove(s.id());
      listener.onEnded(s);
    }
  }

  /** Handles one inbound envelope on the node's thread. */
  void handle(Inbound in) {
    OpenedEnvelope e;
    CallMessage m;
    try {
      e = opener.open(in.envelope(), scheduler.nowMillis());
      m = CallMessageCodec.decode(e.body());
    } catch (EnvelopeRejectedException ex) {
      count("envelope_" + ex.reason().name().toLowerCase(java.util.Locale.ROOT));
      return;
    } catch (MalformedCallMessageException ex) {
      count("message_malformed");
      return;
    }
    if (m instanceof CallMessage.Ring ring) {
      onRing(e.senderKey(), ring, in);
      return;
    }
    CallSession s = sessions.get(m.callId());
    if (s != null && s.remote().sameIdentity(e.senderKey()) && s.onMessage(m)) {
      in.acknowledge();
    } else {
      count("message_unexpected");
    }
  }

  private void onRing(byte[] caller, CallMessage.Ring ring, Inbound in) {
    CallPolicy.Decision decision = policy.decide(caller, scheduler.nowMillis());
    if (decision == CallPolicy.Decision.REFUSE) {
      count("refused_policy");
      listener.onRefused(caller.clone(), ring.callId());
      return; // no acknowledgement, no reply: indistinguishable from unreachable
    }
    CallSession known = sessions.get(ring.callId());
    if (known != null) {
      if (known.remote().sameIdentity(caller)) {
        in.acknowledge(); // the same ring again, over another transport
      }
      return;
    }
    ContactAddress from = ContactAddress.of(caller, ring.replyTo());
    boolean glare = false;
    if (busy()) {
      if (current.role() == CallSession.Role.CALLER && current.state() == CallState.OUTGOING_RINGING
          && current.remote().sameIdentity(caller)) {
        if (winsGlare(current.id(), ring.callId(), caller)) {
          count("glare_won");
          in.acknowledge(); // the other side drops its own call when our RING arrives
          return;
        }
        count("glare_lost");
        current.endGlareLost();
        glare = true;
      } else {
        count("busy_sent");
        in.acknowledge();
        send(from, new CallMessage.Busy(ring.callId()));
        return;
      }
    }
    CallSession s = newSession(ring.callId(), CallSession.Role.CALLEE, from);
    if (!s.startIncoming(ring.offerSdp())) {
      count("offer_refused");
      return; // a caller that sends unauthenticated media learns nothing either
    }
    in.acknowledge();
    listener.onIncoming(s);
    if (decision == CallPolicy.Decision.ACCEPT || (glare && config.autoAcceptGlare())) {
      s.accept();
    }
  }

  /**
   * Glare tie-break, the same at both ends: the call with the higher id survives; on equal ids the
   * call placed by the higher identity key.
   */
  private boolean winsGlare(CallId ours, CallId theirs, byte[] theirKey) {
    int c = ours.compareTo(theirs);
    if (c != 0) {
      return c > 0;
    }
    return Arrays.compareUnsigned(identity.publicKey(), theirKey) > 0;
  }

  private void count(String name) {
    counters.merge(name, 1L, Long::sum);
  }

  /** Settings of a {@link CallManager}; fails fast naming what is missing. */
  public static final class Builder {
    private final Identity identity;
    private final Scheduler scheduler;
    private RandomGenerator random;
    private TransportSelector transports;
    private MediaEngine media;
    private CallPolicy policy = CallPolicy.ringAll();
    private CallConfig config = CallConfig.defaults();
    private Reachability replyTo;
    private CallListener listener = new CallListener() {};
    private ReplayGuard replayGuard = ReplayGuard.defaults();

    private Builder(Identity identity, Scheduler scheduler) {
      if (identity == null || scheduler == null) {
        throw new IllegalArgumentException("identity and scheduler are required");
      }
      this.identity = identity;
      this.scheduler = scheduler;
    }

    /** Randomness for call ids, message ids and ephemeral keys (SecureRandom in production). */
    public Builder random(RandomGenerator random) {
      this.random = random;
      return this;
    }

    public Builder transports(TransportSelector transports) {
      this.transports = transports;
      return this;
    }

    public Builder media(MediaEngine media) {
      this.media = media;
      return this;
    }

    public Builder policy(CallPolicy policy) {
      this.policy = policy;
      return this;
    }

    public Builder config(CallConfig config) {
      this.config = config;
      return this;
    }

    /** How callees reach us back (sent, encrypted, inside each RING): e.g. {@code Reachability.viaOwnNode(nodeId)}. */
    public Builder replyTo(Reachability replyTo) {
      this.replyTo = replyTo;
      return this;
    }

    public Builder listener(CallListener listener) {
      this.listener = listener;
      return this;
    }

    public Builder replayGuard(ReplayGuard replayGuard) {
      this.replayGuard = replayGuard;
      return this;
    }

    /** @throws IllegalStateException naming the first missing setting */
    public CallManager build() {
      if (random == null) {
        throw new IllegalStateException("CallManager needs random(...)");
      }
      if (transports == null) {
        throw new IllegalStateException("CallManager needs transports(...)");
      }
      if (media == null) {
        throw new IllegalStateException("CallManager needs media(...)");
      }
      if (replyTo == null) {
        throw new IllegalStateException("CallManager needs replyTo(...)");
      }
      if (policy == null || config == null || listener == null || replayGuard == null) {
        throw new IllegalStateException("policy, config, listener and replayGuard must not be null");
      }
      return new CallManager(this);
    }
  }
}
