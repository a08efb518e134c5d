package net.switchboard.dht.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.routing.Contact;

/**
 * The state of one iterative Kademlia lookup, with no I/O inside (as go-kademlia's query state
 * machine): the caller asks {@link #nextToQuery()} whom to ask, reports each answer with {@link
 * #onResponse} or {@link #onFailure}, and stops when {@link #isFinished()}. At most {@code alpha}
 * queries are outstanding; the lookup ends when the {@code k} closest contacts not known to have
 * failed have all answered, or after {@code maxQueries} queries (a bound against peers that feed
 * endless fake contacts).
 */
public final class Lookup {
  private enum State {
    CANDIDATE,
    IN_FLIGHT,
    RESPONDED,
    FAILED
  }

  private static final class Entry {
    final Contact contact;
    final int depth;
    State state = State.CANDIDATE;

    Entry(Contact contact, int depth) {
      this.contact = contact;
      this.depth = depth;
    }
  }

  private final Id256 target;
  private final Id256 self;
  private final int k;
  private final int alpha;
  private final int maxQueries;
  private int parallelism;
  private final TreeMap<Id256, Entry> byDistance = new TreeMap<>();
  private int inFlight;
  private int queries;
  private boolean stopped;

  public Lookup(Id256 target, Id256 self, int k, int alpha, int maxQueries, List<Contact> seeds) {
    this(target, self, k, alpha, alpha, maxQueries, seeds);
  }

  /**
   * A lookup that starts with only {@code initialParallelism} queries in flight and uses the full
   * {@code alpha} after {@link #widen()} (a hedged value lookup: ask the closest contact first).
   */
  public Lookup(Id256 target, Id256 self, int k, int alpha, int initialParallelism, int maxQueries, List<Contact> seeds) {
    if (initialParallelism < 1 || initialParallelism > alpha) {
      throw new IllegalArgumentException("initialParallelism must be 1..alpha, got " + initialParallelism);
    }
    this.parallelism = initialParallelism;
    this.target = target;
    this.self = self;
    this.k = k;
    this.alpha = alpha;
    this.maxQueries = maxQueries;
    for (Contact c : seeds) {
      add(c, 1);
    }
  }

  public Id256 target() {
    return target;
  }

  private void add(Contact c, int depth) {
    if (c.id().equals(self)) {
      return;
    }
    byDistance.putIfAbsent(target.xor(c.id()), new Entry(c, depth));
  }

  /** Contacts to query now; each is marked in flight. Empty when nothing should be sent. */
  public List<Contact> nextToQuery() {
    List<Contact> out = new ArrayList<>(alpha);
    if (stopped) {
      return out;
    }
    int seen = 0;
    for (Entry e : byDistance.values()) {
      if (inFlight >= parallelism || queries >= maxQueries || seen >= k) {
        break;
      }
      if (e.state == State.FAILED) {
        continue;
      }
      seen++;
      if (e.state == State.CANDIDATE) {
        e.state = State.IN_FLIGHT;
        inFlight++;
        queries++;
        out.add(e.contact);
      }
    }
    return out;
  }

  private Entry entry(Id256 id) {
    Entry e = byDistance.get(target.xor(id));
    if (e == null || e.state != State.IN_FLIGHT) {
      throw new IllegalStateException("no query in flight to " + id.shortHex());
    }
    return e;
  }

  /** {@code from} answered with {@code closer} contacts. */
  public void onResponse(Id256 from, List<Contact> closer) {
    Entry e = entry(from);
    e.state = State.RESPONDED;
    inFlight--;
    for (Contact c : closer) {
      add(c, e.depth + 1);
    }
  }

  /** The query to {@code from} failed. */
  public void onFailure(Id256 from) {
    entry(from).state = State.FAILED;
    inFlight--;
  }

  /** From now on up to alpha queries may be in flight. */
  public void widen() {
    parallelism = alpha;
  }

  /** Ends the lookup early (e.g. the value was found); later answers are ignored by the driver. */
  public void stop() {
    stopped = true;
  }

  /** True when no more queries will be made and none is outstanding. */
  public boolean isFinished() {
    if (stopped) {
      return true;
    }
    if (inFlight > 0) {
      return false;
    }
    if (queries >= maxQueries) {
      return true;
    }
    int seen = 0;
    for (Entry e : byDistance.values()) {
      if (seen >= k) {
        break;
      }
      if (e.state == State.FAILED) {
        continue;
      }
      if (e.state != State.RESPONDED) {
        return false;
      }
      seen++;
    }
    return true;
  }

  /** Up to k contacts that answered, closest first. */
  public List<Contact> closestResponded() {
    List<Contact> out = new ArrayList<>(k);
    for (Entry e : byDistance.values()) {
      if (out.size() >= k) {
        break;
      }
      if (e.state == State.RESPONDED) {
        out.add(e.contact);
      }
    }
    return out;
  }

  /** Depth (hops from this node) at which {@code id} was learned; 0 when unknown. */
  public int depthOf(Id256 id) {
    Entry e = byDistance.get(target.xor(id));
    return e == null ? 0 : e.depth;
  }

  /** Depth of the closest contact that answered; 0 when none did. */
  public int hops() {
    for (Map.Entry<Id256, Entry> me : byDistance.entrySet()) {
      if (me.getValue().state == State.RESPONDED) {
        return me.getValue().depth;
      }
    }
    return 0;
  }

  /** Queries sent so far. */
  public int queries() {
    return queries;
  }
}
