package net.switchboard.simulations.scenario;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.SignedRecord;

/**
 * The records of the workload and the ground truth about them: which live nodes hold a copy.
 * When a node leaves, every record it held is checked; one left with no live holder before its
 * expiry is lost (it stays unresolvable until its owner publishes it again, if ever).
 */
final class RecordLedger {
  private final List<TrackedRecord> records = new ArrayList<>();
  private final Map<Id256, TrackedRecord> byKey = new HashMap<>();
  private final Population population;
  private final int k;
  private long lost;

  RecordLedger(Population population, int k) {
    this.population = population;
    this.k = k;
  }

  void add(TrackedRecord r) {
    records.add(r);
    byKey.put(r.key, r);
  }

  List<TrackedRecord> all() {
    return records;
  }

  TrackedRecord get(Id256 key) {
    return byKey.get(key);
  }

  /** Records lost so far. */
  long lost() {
    return lost;
  }

  /** Checks the records a departed node held. */
  void afterLeave(SimNode gone, long nowMillis) {
    if (gone.dht.store().size() == 0) {
      return;
    }
    for (DhtRecord held : gone.dht.store().records()) {
      TrackedRecord r = byKey.get(held.key());
      if (r != null && !r.lost && r.isLive(nowMillis) && !hasLiveHolder(r)) {
        markLost(r, nowMillis);
      }
    }
  }

  void markLost(TrackedRecord r, long nowMillis) {
    r.lost = true;
    r.lostAtMillis = nowMillis;
    lost++;
  }

  /** True when some live node holds any version of {@code r}: the 2k closest first, then all. */
  boolean hasLiveHolder(TrackedRecord r) {
    for (SimNode n : population.closestLive(r.key, 2 * k)) {
      if (holds(n, r)) {
        return true;
      }
    }
    for (SimNode n : population.live()) {
      if (holds(n, r)) {
        return true;
      }
    }
    return false;
  }

  /** Serials of the live nodes among the 3k closest to the key that hold any version of {@code r}. */
  int[] liveHoldersNearKey(TrackedRecord r) {
    return population.closestLive(r.key, 3 * k).stream().filter(n -> holds(n, r)).mapToInt(SimNode::serial).sorted().toArray();
  }

  static boolean holds(SimNode n, TrackedRecord r) {
    return n.dht.store().get(SignedRecord.NAMESPACE, r.key) != null;
  }
}
