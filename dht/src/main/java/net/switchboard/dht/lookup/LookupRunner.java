package net.switchboard.dht.lookup;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import net.switchboard.dht.metrics.DhtMetricsSink;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.RecordRejectedException;
import net.switchboard.dht.record.Validators;
import net.switchboard.dht.routing.Contact;
import net.switchboard.dht.rpc.ResponseHandler;
import net.switchboard.dht.rpc.RpcEngine;
import net.switchboard.seam.Scheduler;
import net.switchboard.dht.wire.Body;

/** Drives a {@link Lookup} over the {@link RpcEngine}: FIND_NODE, or FIND_VALUE until a valid record. */
public final class LookupRunner {
  private final RpcEngine rpc;
  private final Validators validators;
  private final LongSupplier clock;
  private final DhtMetricsSink metrics;
  private final Scheduler scheduler;
  private final long hedgeMillis;

  /**
   * @param hedgeMillis how long a value lookup waits on its first query before asking alpha
   *     contacts at once
   */
  public LookupRunner(RpcEngine rpc, Validators validators, LongSupplier clock, DhtMetricsSink metrics,
      Scheduler scheduler, long hedgeMillis) {
    this.scheduler = scheduler;
    this.hedgeMillis = hedgeMillis;
    this.rpc = rpc;
    this.validators = validators;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Finds the k closest nodes to the lookup's target. */
  public CompletableFuture<LookupOutcome> findNode(Lookup lookup) {
    return run(lookup, new Body.FindNode(lookup.target()), (byte) 0);
  }

  /**
   * Finds a valid record under the target key in {@code namespace}, or the k closest nodes. A
   * lookup built with an initial parallelism below alpha is hedged: an answer that brings closer
   * contacts is progress and the lookup goes on one query at a time; it widens to alpha when a
   * query fails or when {@code hedgeMillis} pass before the record is found.
   */
  public CompletableFuture<LookupOutcome> findValue(Lookup lookup, byte namespace) {
    CompletableFuture<LookupOutcome> done = new CompletableFuture<>();
    Drive drive = new Drive(lookup, new Body.FindValue(lookup.target(), namespace), namespace, done);
    Scheduler.Cancellable hedge = scheduler.schedule(hedgeMillis, () -> {
      if (!done.isDone()) {
        metrics.increment("lookup_hedged");
        lookup.widen();
        drive.advance();
      }
    });
    done.whenComplete((v, e) -> hedge.cancel());
    drive.advance();
    return done;
  }

  private CompletableFuture<LookupOutcome> run(Lookup lookup, Body request, byte namespace) {
    CompletableFuture<LookupOutcome> done = new CompletableFuture<>();
    new Drive(lookup, request, namespace, done).advance();
    return done;
  }

  private final class Drive {
    final Lookup lookup;
    final Body request;
    final byte namespace;
    final CompletableFuture<LookupOutcome> done;

    Drive(Lookup lookup, Body request, byte namespace, CompletableFuture<LookupOutcome> done) {
      this.lookup = lookup;
      this.request = request;
      this.namespace = namespace;
      this.done = done;
    }

    void advance() {
      if (done.isDone()) {
        return;
      }
      for (Contact c : lookup.nextToQuery()) {
        rpc.request(c.endpoint(), c.id(), request, new ResponseHandler() {
          @Override
          public void onResponse(Contact from, Body body) {
            answered(c, body);
          }

          @Override
          public void onFailure() {
            if (!done.isDone()) {
              lookup.onFailure(c.id());
              lookup.widen();
              advance();
            }
          }
        });
      }
      if (!done.isDone() && lookup.isFinished()) {
        done.complete(new LookupOutcome(lookup.closestResponded(), null, lookup.hops(), lookup.queries()));
      }
    }

    void answered(Contact c, Body body) {
      if (done.isDone()) {
        return;
      }
      List<Contact> closer = List.of();
      if (body instanceof Body.Nodes n) {
        closer = n.contacts();
      } else if (body instanceof Body.Value v) {
        closer = v.contacts();
        if (v.record() != null) {
          DhtRecord found = accept(v.record());
          if (found != null) {
            lookup.onResponse(c.id(), List.of());
            lookup.stop();
            done.complete(new LookupOutcome(lookup.closestResponded(), found, lookup.depthOf(c.id()), lookup.queries()));
            return;
          }
        }
      }
      lookup.onResponse(c.id(), closer);
      advance();
    }

    private DhtRecord accept(Body.RawRecord raw) {
      if (raw.namespace() != namespace || !raw.key().equals(lookup.target())) {
        metrics.increment("lookup_value_mismatch");
        return null;
      }
      try {
        return validators.validate(raw, clock.getAsLong());
      } catch (RecordRejectedException e) {
        metrics.increment("lookup_value_rejected_" + e.reason().name().toLowerCase());
        return null;
      }
    }
  }
}
