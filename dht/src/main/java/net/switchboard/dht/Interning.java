package net.switchboard.dht;

import com.github.benmanes.caffeine.cache.Interner;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.routing.Contact;
import net.switchboard.seam.Endpoint;

/**
 * Canonical instances of the immutable values every node keeps many copies of (ids, endpoints,
 * contacts, stored records). When many nodes share a process — a benchmark, a testnet, the
 * simulator — each holds the same peers' ids and addresses and the same records: a 500-node
 * benchmark retained 216,000 {@link Id256} objects for 3,500 distinct ids. Interned where values
 * are retained (routing table, proven-peer cache, record store), not on every decode. Weak
 * (Caffeine's interner): an instance lives while some node holds it. Thread-safe; changes sharing
 * only, never behaviour.
 */
public final class Interning {
  private static final Interner<Id256> IDS = Interner.newWeakInterner();
  private static final Interner<Endpoint> ENDPOINTS = Interner.newWeakInterner();
  private static final Interner<Contact> CONTACTS = Interner.newWeakInterner();
  private static final Interner<DhtRecord> RECORDS = Interner.newWeakInterner();

  private Interning() {}

  public static Id256 id(Id256 id) {
    return IDS.intern(id);
  }

  public static Endpoint endpoint(Endpoint endpoint) {
    return ENDPOINTS.intern(endpoint);
  }

  /**
   * The canonical copy of a stored record. Each record is held by k nodes; in one process (a
   * 500-node benchmark with 5,000 records at k = 20) the 100,000 copies of value bytes were a
   * third of the heap. Records are equal only when every field is (namespace, key, value bytes,
   * seq, expiry), so sharing one instance changes nothing a node can observe.
   */
  public static DhtRecord record(DhtRecord r) {
    return RECORDS.intern(r);
  }

  /** The canonical contact, built from the canonical id and endpoint. */
  public static Contact contact(Contact c) {
    Id256 id = id(c.id());
    Endpoint e = endpoint(c.endpoint());
    return CONTACTS.intern(id == c.id() && e == c.endpoint() ? c : new Contact(id, e));
  }
}
