package net.switchboard.signaling.call;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.testing.Testnet;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.e2e.EnvelopeOpener;
import net.switchboard.signaling.e2e.EnvelopeRejectedException;
import net.switchboard.signaling.e2e.ReplayGuard;
import net.switchboard.signaling.transport.ContactAddress;
import net.switchboard.signaling.transport.Inbound;
import net.switchboard.signaling.transport.LoopbackNetwork;
import net.switchboard.signaling.transport.SignalingTransport;
import net.switchboard.signaling.transport.TransportSelector;

/**
 * Parties with real call managers on one {@link Testnet}'s engine, signaling over a {@link
 * LoopbackNetwork} whose interceptor records every envelope a relay would handle. One line builds
 * it: {@code new CallTestbed(seed)}, then {@code party("alice")}.
 */
final class CallTestbed {
  static final long START = 1_700_000_000_000L;
  static final long LATENCY = 10;
  static final long ACK_TIMEOUT = 3_000;

  final Testnet clock = Testnet.empty(0); // one engine: the simulator's clock and event queue
  final LoopbackNetwork net = new LoopbackNetwork(clock.scheduler(), LATENCY, ACK_TIMEOUT);
  final FakeMedia media = new FakeMedia(clock.scheduler());
  final SplittableRandom seeds;
  final List<Relayed> relayed = new ArrayList<>();
  final List<Party> parties = new ArrayList<>();
  /** Replaces an envelope in flight (the default passes it on). */
  LoopbackNetwork.Interceptor tamper = (kind, from, to, envelope) -> envelope;
  CallConfig config = CallConfig.builder().ringTimeoutMillis(30_000).connectTimeoutMillis(10_000).build();

  record Relayed(ContactTransport kind, Id256 from, Id256 to, byte[] bytes) {}

  CallTestbed(long seed) {
    this.seeds = new SplittableRandom(seed);
    net.setInterceptor((kind, from, to, envelope) -> {
      relayed.add(new Relayed(kind, from, to, envelope.clone()));
      return tamper.relay(kind, from, to, envelope);
    });
  }

  Party party(String name) {
    return party(name, CallPolicy.ringAll(), EnumSet.of(ContactTransport.OVERLAY));
  }

  Party party(String name, CallPolicy policy, EnumSet<ContactTransport> kinds) {
    Party p = new Party(name, Identity.generate(seeds.split()), policy, kinds);
    parties.add(p);
    return p;
  }

  void run(long millis) {
    clock.advance(millis);
  }

  /** Envelopes sent from {@code from} to {@code to}, decrypted by the recipient (test-side, fresh replay cache). */
  List<CallMessage> messages(Party from, Party to) {
    EnvelopeOpener opener = new EnvelopeOpener(to.identity, new ReplayGuard(Long.MAX_VALUE / 4, Long.MAX_VALUE / 4, 1 << 20));
    List<CallMessage> out = new ArrayList<>();
    for (Relayed r : relayed) {
      if (r.from().equals(from.identity.nodeId()) && r.to().equals(to.identity.nodeId())) {
        try {
          out.add(CallMessageCodec.decode(opener.open(r.bytes(), clock.nowMillis()).body()));
        } catch (EnvelopeRejectedException | MalformedCallMessageException e) {
          throw new AssertionError(e);
        }
      }
    }
    return out;
  }

  /** Number of envelopes {@code from} sent toward {@code to}. */
  long envelopes(Party from, Party to) {
    return relayed.stream()
        .filter(r -> r.from().equals(from.identity.nodeId()) && r.to().equals(to.identity.nodeId()))
        .count();
  }

  final class Party implements CallListener {
    final String name;
    final Identity identity;
    final FakeMedia.Engine engine;
    final CallManager manager;
    final List<String> transitions = new ArrayList<>();
    final List<CallSession> incoming = new ArrayList<>();
    final List<CallSession> ended = new ArrayList<>();
    final List<CallId> refused = new ArrayList<>();
    Consumer<CallSession> onIncoming = s -> {};
    /** Runs inside each state-change notification (a listener acting on the call from there). */
    java.util.function.BiConsumer<CallSession, CallState> onState = (s, to) -> {};

    Party(String name, Identity identity, CallPolicy policy, EnumSet<ContactTransport> kinds) {
      this.name = name;
      this.identity = identity;
      this.engine = media.engine("10.9.0." + (parties.size() + 1));
      List<SignalingTransport> ts = new ArrayList<>();
      for (ContactTransport k : kinds) {
        ts.add(net.attach(k, identity.publicKey()));
      }
      this.manager = CallManager.builder(identity, clock.scheduler())
          .random(seeds.split())
          .transports(new TransportSelector(clock.scheduler(), ts))
          .media(engine)
          .policy(policy)
          .config(config)
          .replyTo(reachability(kinds))
          .listener(this)
          .build();
    }

    Reachability reachability(EnumSet<ContactTransport> kinds) {
      return new Reachability(List.of(identity.nodeId()), List.of(), kinds, EnumSet.allOf(MediaCapability.class));
    }

    /** This party as a caller knows it from its contact record. */
    ContactAddress address() {
      return address(EnumSet.of(ContactTransport.OVERLAY));
    }

    ContactAddress address(EnumSet<ContactTransport> kinds) {
      return ContactAddress.of(identity.publicKey(), reachability(kinds));
    }

    CallSession call(Party callee) {
      return manager.call(callee.address());
    }

    /** Hands an envelope to this party's manager as if a transport received it. */
    void inject(byte[] envelope) {
      manager.handle(new Inbound() {
        @Override
        public byte[] envelope() {
          return envelope;
        }

        @Override
        public String transport() {
          return "test";
        }

        @Override
        public void acknowledge() {}
      });
    }

    CallSession last() {
      return manager.current().orElseGet(() -> ended.get(ended.size() - 1));
    }

    @Override
    public void onIncoming(CallSession call) {
      incoming.add(call);
      onIncoming.accept(call);
    }

    @Override
    public void onStateChanged(CallSession call, CallState from, CallState to) {
      transitions.add(from + "->" + to);
      onState.accept(call, to);
    }

    @Override
    public void onEnded(CallSession call) {
      ended.add(call);
    }

    @Override
    public void onRefused(byte[] callerKey, CallId callId) {
      refused.add(callId);
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
