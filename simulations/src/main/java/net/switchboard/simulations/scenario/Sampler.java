package net.switchboard.simulations.scenario;

import java.util.ArrayList;
import java.util.List;
import net.switchboard.dht.DhtConfig;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.wire.MessageType;
import net.switchboard.netsim.engine.Simulator;
import net.switchboard.netsim.network.VirtualNetwork;

/**
 * Measures the run every sampling interval from the ground truth (every live node's store) and
 * from the resolves of the interval; also marks records found with no live holder as lost.
 */
final class Sampler {
  private static final MessageType[] TYPES = MessageType.values();

  private final Simulator simulator;
  private final Population population;
  private final RecordLedger ledger;
  private final ResolveStats resolves;
  private final VirtualNetwork network;
  private final DhtConfig dht;
  private final long origin;
  private final List<Sample> samples = new ArrayList<>();
  private long lastBytes;
  private long lastTime;
  private long[] lastSent = new long[TYPES.length];

  Sampler(Simulator simulator, Population population, RecordLedger ledger, ResolveStats resolves,
      VirtualNetwork network, DhtConfig dht, long originMillis) {
    this.simulator = simulator;
    this.population = population;
    this.ledger = ledger;
    this.resolves = resolves;
    this.network = network;
    this.dht = dht;
    this.origin = originMillis;
    this.lastTime = originMillis;
    this.lastBytes = network.bytesSent();
    for (int i = 0; i < TYPES.length; i++) {
      lastSent[i] = population.sentTotal(TYPES[i]);
    }
  }

  List<Sample> samples() {
    return samples;
  }

  Sample sample() {
    long now = simulator.nowMillis();
    List<TrackedRecord> all = ledger.all();
    int[] holders = new int[all.size()];
    long tableSum = 0;
    for (SimNode n : population.live()) {
      tableSum += n.dht.routingTableSize();
      if (n.dht.store().size() == 0) {
        continue;
      }
      for (DhtRecord r : n.dht.store().records()) {
        TrackedRecord t = ledger.get(r.key());
        if (t != null) {
          holders[t.index]++;
        }
      }
    }
    int liveRecords = 0;
    int available = 0;
    long holderSum = 0;
    long closestSum = 0;
    int holdersMin = Integer.MAX_VALUE;
    for (TrackedRecord t : all) {
      if (!t.isLive(now)) {
        continue;
      }
      liveRecords++;
      int h = holders[t.index];
      holderSum += h;
      holdersMin = Math.min(holdersMin, h);
      if (h == 0 && !t.lost) {
        ledger.markLost(t, now);
      }
      int closest = 0;
      if (h > 0) {
        for (SimNode n : population.closestLive(t.key, dht.k())) {
          if (RecordLedger.holds(n, t)) {
            closest++;
          }
        }
      }
      closestSum += closest;
      if (closest > 0) {
        available++;
      }
    }
    int live = population.liveCount();
    long bytes = network.bytesSent();
    double seconds = Math.max(1e-3, (now - lastTime) / 1000.0);
    long[] sent = new long[TYPES.length];
    for (int i = 0; i < TYPES.length; i++) {
      long total = population.sentTotal(TYPES[i]);
      sent[i] = total - lastSent[i];
      lastSent[i] = total;
    }
    long resolved = resolves.okInterval + resolves.failedInterval;
    Sample s = new Sample(
        now - origin,
        live,
        population.joins(),
        population.leaves(),
        liveRecords,
        liveRecords == 0 ? Double.NaN : (double) available / liveRecords,
        liveRecords == 0 ? Double.NaN : (double) holderSum / liveRecords,
        liveRecords == 0 ? 0 : holdersMin,
        liveRecords == 0 ? Double.NaN : (double) closestSum / liveRecords,
        ledger.lost(),
        resolved,
        resolved == 0 ? Double.NaN : (double) resolves.okInterval / resolved,
        resolves.latencyInterval.percentile(50),
        resolves.latencyInterval.percentile(99),
        resolves.hopsInterval.percentile(50),
        resolves.hopsInterval.percentile(99),
        live == 0 ? 0 : (bytes - lastBytes) / (double) live / seconds,
        live == 0 ? 0 : (double) tableSum / live,
        sent);
    lastBytes = bytes;
    lastTime = now;
    resolves.resetInterval();
    samples.add(s);
    return s;
  }
}
