package net.switchboard.dht.identity;

import com.github.benmanes.caffeine.cache.Interner;
import net.switchboard.seam.Endpoint;

/**
 * Canonical instances of the immutable values every node keeps many copies of: ids and endpoints
 * here; contacts ({@code Contact.interned}) and stored records ({@code RecordStore}) build on them. When many nodes share a process — a benchmark, a testnet, the
 * simulator — each holds the same peers' ids and addresses and the same records: a 500-node
 * benchmark retained 216,000 {@link Id256} objects for 3,500 distinct ids. Interned where values
 * are retained (routing table, proven-peer cache, record store), not on every decode. Weak
 * (Caffeine's interner): an instance lives while some node holds it. Thread-safe; changes sharing
 * only, never behaviour.
 */
public final class Interning {
  private static final Interner<Id256> IDS = Interner.newWeakInterner();
  private static final Interner<Endpoint> ENDPOINTS = Interner.newWeakInterner();

  private Interning() {}

  public static Id256 id(Id256 id) {
    return IDS.intern(id);
  }

  public static Endpoint endpoint(Endpoint endpoint) {
    return ENDPOINTS.intern(endpoint);
  }
}
