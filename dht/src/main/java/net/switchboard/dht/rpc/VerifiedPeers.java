package net.switchboard.dht.rpc;

import java.util.LinkedHashMap;
import java.util.Map;
import net.switchboard.dht.identity.Id256;
import net.switchboard.seam.Endpoint;

/**
 * Endpoints whose node id has been proven, least recently used evicted first. A response from an
 * endpoint is trusted only if its claimed sender id matches what was proven here, or it carries
 * a fresh proof. Deterministic (no randomised admission), so simulations replay exactly.
 */
final class VerifiedPeers {
  private final LinkedHashMap<Endpoint, Id256> map;

  VerifiedPeers(int capacity) {
    this.map =
        new LinkedHashMap<>(Math.min(capacity, 64), 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Endpoint, Id256> eldest) {
            return size() > capacity;
          }
        };
  }

  Id256 idAt(Endpoint endpoint) {
    return map.get(endpoint);
  }

  void proven(Endpoint endpoint, Id256 id) {
    map.put(net.switchboard.dht.identity.Interning.endpoint(endpoint), net.switchboard.dht.identity.Interning.id(id));
  }

  void forget(Endpoint endpoint) {
    map.remove(endpoint);
  }

  int size() {
    return map.size();
  }
}
