package net.switchboard.signaling.transport;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.seam.Scheduler;
import net.switchboard.signaling.contact.ContactTransport;

/**
 * In-memory signaling between identities on one {@link Scheduler}: for tests and in-process
 * benchmarks. An envelope reaches the transport of the same kind attached for the recipient after
 * {@code latencyMillis}; the sender's future completes when the receiver acknowledges (plus the
 * latency back) and fails after {@code ackTimeoutMillis} otherwise: an unknown, downed or silent
 * receiver look alike. An {@link Interceptor} sees (and may alter or drop) every envelope in flight,
 * as a relay would.
 */
public final class LoopbackNetwork {
  private final Scheduler scheduler;
  private final long latencyMillis;
  private final long ackTimeoutMillis;
  private final Map<Key, Endpoint> endpoints = new HashMap<>();
  private final Set<Key> down = new HashSet<>();
  private Interceptor interceptor = (kind, from, to, envelope) -> envelope;
  private long delivered;

  private record Key(ContactTransport kind, Id256 identity) {}

  /** What a relay between two endpoints does with an envelope in flight. */
  @FunctionalInterface
  public interface Interceptor {
    /** The envelope to deliver instead (the same array to pass it on), or null to drop it. */
    byte[] relay(ContactTransport kind, Id256 from, Id256 to, byte[] envelope);
  }

  /**
   * @throws IllegalArgumentException on a negative latency or a non-positive timeout
   */
  public LoopbackNetwork(Scheduler scheduler, long latencyMillis, long ackTimeoutMillis) {
    if (latencyMillis < 0 || ackTimeoutMillis <= 0) {
      throw new IllegalArgumentException("latency must be >= 0 and ack timeout > 0, got " + latencyMillis + "/" + ackTimeoutMillis);
    }
    this.scheduler = scheduler;
    this.latencyMillis = latencyMillis;
    this.ackTimeoutMillis = ackTimeoutMillis;
  }

  /** A transport of {@code kind} for the identity with public key {@code identityKey}. */
  public SignalingTransport attach(ContactTransport kind, byte[] identityKey) {
    Key key = new Key(kind, Identity.nodeIdOf(identityKey));
    Endpoint e = new Endpoint(key);
    endpoints.put(key, e);
    return e;
  }

  /** Takes {@code identity}'s transport of {@code kind} down (true) or back up. */
  public void setDown(ContactTransport kind, Id256 identity, boolean isDown) {
    if (isDown) {
      down.add(new Key(kind, identity));
    } else {
      down.remove(new Key(kind, identity));
    }
  }

  public void setInterceptor(Interceptor interceptor) {
    this.interceptor = interceptor;
  }

  /** Envelopes handed to a receiver so far. */
  public long delivered() {
    return delivered;
  }

  private final class Endpoint implements SignalingTransport {
    private final Key key;
    private Consumer<Inbound> receiver = in -> {};

    Endpoint(Key key) {
      this.key = key;
    }

    @Override
    public ContactTransport kind() {
      return key.kind();
    }

    @Override
    public boolean canReach(ContactAddress to) {
      return true;
    }

    @Override
    public CompletableFuture<Void> send(ContactAddress to, byte[] envelope) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      Scheduler.Cancellable timer = scheduler.schedule(ackTimeoutMillis, () -> done.completeExceptionally(
          new TransportException(TransportException.Reason.NO_ACKNOWLEDGEMENT, "no acknowledgement within " + ackTimeoutMillis + " ms")));
      done.whenComplete((v, e) -> timer.cancel());
      Key dest = new Key(key.kind(), to.identityId());
      byte[] copy = envelope.clone();
      scheduler.schedule(latencyMillis, () -> {
        Endpoint target = endpoints.get(dest);
        if (target == null || down.contains(dest) || down.contains(key)) {
          return;
        }
        byte[] relayed = interceptor.relay(key.kind(), key.identity(), dest.identity(), copy);
        if (relayed == null) {
          return;
        }
        delivered++;
        target.receiver.accept(new Inbound() {
          private boolean acked;

          @Override
          public byte[] envelope() {
            return relayed;
          }

          @Override
          public String transport() {
            return name();
          }

          @Override
          public void acknowledge() {
            if (!acked) {
              acked = true;
              scheduler.schedule(latencyMillis, () -> done.complete(null));
            }
          }
        });
      });
      return done;
    }

    @Override
    public void onReceive(Consumer<Inbound> receiver) {
      this.receiver = receiver;
    }
  }
}
