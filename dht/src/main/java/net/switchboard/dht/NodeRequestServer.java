package net.switchboard.dht;

import java.util.List;
import java.util.function.Consumer;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.RecordRejectedException;
import net.switchboard.dht.record.RecordStore;
import net.switchboard.dht.record.Validators;
import net.switchboard.dht.routing.Contact;
import net.switchboard.dht.route.Router;
import net.switchboard.dht.routing.RoutingTable;
import net.switchboard.dht.rpc.RequestServer;
import net.switchboard.seam.Endpoint;
import net.switchboard.seam.Scheduler;
import net.switchboard.dht.wire.Body;

/** Answers PING, FIND_NODE, FIND_VALUE, STORE and HAS from the routing table and record store. */
final class NodeRequestServer implements RequestServer {
  private final RoutingTable table;
  private final RecordStore store;
  private final Validators validators;
  private final Scheduler scheduler;
  private final DhtMetrics metrics;
  private final int k;
  private final Router router;
  private final Consumer<SenderSeen> onSender;

  /** A request arrived from {@code from} claiming {@code id}; proven or not. */
  record SenderSeen(Endpoint from, Id256 id, boolean proven) {}

  NodeRequestServer(
      RoutingTable table,
      RecordStore store,
      Validators validators,
      Scheduler scheduler,
      DhtMetrics metrics,
      int k,
      Router router,
      Consumer<SenderSeen> onSender) {
    this.router = router;
    this.table = table;
    this.store = store;
    this.validators = validators;
    this.scheduler = scheduler;
    this.metrics = metrics;
    this.k = k;
    this.onSender = onSender;
  }

  @Override
  public Body serve(Endpoint from, Id256 claimedId, boolean proven, Body request) {
    return serve(from, claimedId, proven, false, request);
  }

  @Override
  public Body serve(Endpoint from, Id256 claimedId, boolean proven, boolean client, Body request) {
    if (!client) {
      onSender.accept(new SenderSeen(from, claimedId, proven));
    }
    if (request instanceof Body.Ping) {
      return new Body.Pong(from);
    }
    if (request instanceof Body.FindNode f) {
      return new Body.Nodes(closestExcluding(f.target(), claimedId));
    }
    if (request instanceof Body.FindValue f) {
      DhtRecord r = store.get(f.namespace(), f.key());
      if (r != null && r.expiresAtMillis() > scheduler.nowMillis()) {
        return new Body.Value(new Body.RawRecord(r.namespace(), r.key(), r.value()), List.of());
      }
      return new Body.Value(null, closestExcluding(f.key(), claimedId));
    }
    if (request instanceof Body.Store s) {
      return new Body.StoreAck(store(s.record()));
    }
    if (request instanceof Body.Has h) {
      DhtRecord r = store.get(h.namespace(), h.key());
      return new Body.HasReply(r == null ? -1 : r.seq());
    }
    if (request instanceof Body.Route rt) {
      return router.serve(from, claimedId, rt);
    }
    metrics.increment("dropped_unexpected_request");
    return null;
  }

  private List<Contact> closestExcluding(Id256 target, Id256 requester) {
    List<Contact> c = table.closest(target, k + 1);
    List<Contact> out = new java.util.ArrayList<>(Math.min(k, c.size()));
    for (Contact x : c) {
      if (!x.id().equals(requester) && out.size() < k) {
        out.add(x);
      }
    }
    return out;
  }

  private Body.StoreStatus store(Body.RawRecord raw) {
    DhtRecord record;
    try {
      record = validators.validate(raw, scheduler.nowMillis());
    } catch (RecordRejectedException e) {
      metrics.increment("store_rejected_" + e.reason().name().toLowerCase());
      return Body.StoreStatus.REJECTED;
    }
    switch (store.put(record)) {
      case STORED:
      case REFRESHED:
        return Body.StoreStatus.STORED;
      case KEPT_NEWER:
        metrics.increment("store_kept_newer");
        return Body.StoreStatus.KEPT_NEWER;
      default:
        metrics.increment("store_full");
        return Body.StoreStatus.FULL;
    }
  }
}
