package net.switchboard.dht;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.lookup.LookupOutcome;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.RecordStore;
import net.switchboard.dht.record.StoreKey;
import net.switchboard.dht.routing.Contact;
import net.switchboard.dht.routing.RoutingTable;
import net.switchboard.dht.rpc.ResponseHandler;
import net.switchboard.dht.rpc.RpcEngine;
import net.switchboard.seam.Scheduler;
import net.switchboard.dht.wire.Body;

/**
 * Keeps records on the k nodes closest to their keys: stores a node's own records there,
 * republishes held records (skipping those another holder re-stored within the interval, as in the
 * Kademlia paper), hands records to a newly seen node that is now among the closest, and audits
 * how many holders still have a record.
 */
final class Replicator {
  private final DhtNode node;
  private final RecordStore store;
  private final RoutingTable table;
  private final RpcEngine rpc;
  private final Scheduler scheduler;
  private final DhtConfig config;
  private final DhtMetrics metrics;
  private final Map<StoreKey, DhtRecord> owned = new TreeMap<>(
      (a, b) -> a.namespace() != b.namespace() ? Byte.compare(a.namespace(), b.namespace()) : a.key().compareTo(b.key()));

  Replicator(
      DhtNode node,
      RecordStore store,
      RoutingTable table,
      RpcEngine rpc,
      Scheduler scheduler,
      RandomGenerator random,
      DhtConfig config,
      DhtMetrics metrics) {
    this.node = node;
    this.store = store;
    this.table = table;
    this.rpc = rpc;
    this.scheduler = scheduler;
    this.config = config;
    this.metrics = metrics;
  }

  void own(DhtRecord record) {
    owned.put(new StoreKey(record.namespace(), record.key()), record);
  }

  void disown(byte namespace, Id256 key) {
    owned.remove(new StoreKey(namespace, key));
  }

  List<DhtRecord> owned() {
    return new ArrayList<>(owned.values());
  }

  /** Finds the k closest nodes to the record's key and stores it on each. */
  CompletableFuture<PutResult> storeAtClosest(DhtRecord record) {
    return node.findNode(record.key()).thenCompose(outcome -> storeOn(record, outcome));
  }

  private CompletableFuture<PutResult> storeOn(DhtRecord record, LookupOutcome outcome) {
    List<Contact> closest = outcome.closest();
    CompletableFuture<PutResult> done = new CompletableFuture<>();
    int[] acks = {0};
    int[] left = {closest.size()};
    if (closest.size() < config.k() || record.key().compareDistance(node.id(), closest.get(closest.size() - 1).id()) < 0) {
      if (store.put(record) != RecordStore.Outcome.FULL) {
        acks[0]++;
      }
    }
    if (closest.isEmpty()) {
      done.complete(new PutResult(acks[0], 0, outcome.hops(), outcome.rpcs()));
      return done;
    }
    Body.Store request = new Body.Store(new Body.RawRecord(record.namespace(), record.key(), record.value()));
    for (Contact c : closest) {
      rpc.request(c.endpoint(), c.id(), request, new ResponseHandler() {
        @Override
        public void onResponse(Contact from, Body body) {
          if (body instanceof Body.StoreAck a && a.status() == Body.StoreStatus.STORED) {
            acks[0]++;
          }
          finish();
        }

        @Override
        public void onFailure() {
          finish();
        }

        void finish() {
          if (--left[0] == 0) {
            done.complete(new PutResult(acks[0], closest.size(), outcome.hops(), outcome.rpcs() + closest.size()));
          }
        }
      });
    }
    return done;
  }

  /** Periodic: re-store own records, and held records nobody re-stored within the interval. */
  void republish() {
    long now = scheduler.nowMillis();
    owned.values().removeIf(r -> r.expiresAtMillis() <= now);
    for (DhtRecord r : owned.values()) {
      metrics.increment("republish_own");
      storeAtClosest(r);
    }
    for (RecordStore.Held h : store.held()) {
      DhtRecord r = h.record();
      if (owned.containsKey(new StoreKey(r.namespace(), r.key()))) {
        continue;
      }
      if (now - h.lastStoredMillis() < config.republishIntervalMillis()) {
        continue; // another holder re-stored it recently
      }
      metrics.increment("republish_held");
      storeAtClosest(r);
    }
  }

  /**
   * A node just entered the routing table. For each held record whose closest known holder is
   * this node and for which the newcomer is among the k closest, store the record on it (the
   * Kademlia paper's hand-off, so a joining node gets the records it should hold).
   */
  void handOff(Contact newcomer) {
    if (store.size() == 0) {
      return;
    }
    for (RecordStore.Held h : store.held()) {
      Id256 key = h.record().key();
      if (table.countCloser(key, newcomer.id(), config.k()) >= config.k()) {
        continue;
      }
      int closerThanSelf = table.countCloser(key, node.id(), 2);
      boolean newcomerCloser = key.compareDistance(newcomer.id(), node.id()) < 0;
      if (closerThanSelf - (newcomerCloser ? 1 : 0) > 0) {
        continue; // a closer holder will hand it off
      }
      metrics.increment("handoff");
      DhtRecord r = h.record();
      rpc.request(newcomer.endpoint(), newcomer.id(),
          new Body.Store(new Body.RawRecord(r.namespace(), r.key(), r.value())), IGNORE);
    }
  }

  /** Asks the k closest nodes to {@code key} which seq they hold. */
  CompletableFuture<HolderAudit> audit(byte namespace, Id256 key, long seq) {
    return node.findNode(key).thenCompose(outcome -> {
      CompletableFuture<HolderAudit> done = new CompletableFuture<>();
      List<Contact> closest = outcome.closest();
      int[] holders = {0};
      int[] left = {closest.size()};
      DhtRecord local = store.get(namespace, key);
      boolean selfAmong = closest.size() < config.k()
          || key.compareDistance(node.id(), closest.get(closest.size() - 1).id()) < 0;
      int selfCounts = selfAmong && local != null && local.seq() >= seq ? 1 : 0;
      if (closest.isEmpty()) {
        done.complete(new HolderAudit(selfCounts, selfAmong ? 1 : 0));
        return done;
      }
      for (Contact c : closest) {
        rpc.request(c.endpoint(), c.id(), new Body.Has(key, namespace), new ResponseHandler() {
          @Override
          public void onResponse(Contact from, Body body) {
            if (body instanceof Body.HasReply h && h.seq() >= seq) {
              holders[0]++;
            }
            finish();
          }

          @Override
          public void onFailure() {
            finish();
          }

          void finish() {
            if (--left[0] == 0) {
              done.complete(new HolderAudit(holders[0] + selfCounts, closest.size()));
            }
          }
        });
      }
      return done;
    });
  }

  private static final ResponseHandler IGNORE = new ResponseHandler() {
    @Override
    public void onResponse(Contact from, Body body) {}

    @Override
    public void onFailure() {}
  };
}
