package net.switchboard.dht.lookup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.routing.Contact;

/**
 * The state of one iterative Kademlia lookup, with no I/O inside (as go-kademlia's query state
 * machine): the caller asks {@link #nextToQuery()} whom to ask, reports each answer with {@link
 * #onResponse} or {@link #onFailure}, and stops when {@link #isFinished()}. At most {@code alpha}
 * queries are outstanding; the lookup ends when the {@code k} closest contacts not known to have
 * failed have all answered, or after {@code maxQueries} queries (a bound against peers that feed
 * endless fake contacts).
 *
 * <p>A lookup holds at most a few hundred candidates, and its hot path is adding the contacts of
 * each answer, most of them already known. They are kept in flat arrays rather than a tree keyed by
 * freshly allocated XOR distances: each candidate gets a slot in the order it was learned, and a
 * sorted index of slots is searched by binary search on the top 64 bits of the distance, held in a
 * primitive array (the full ids are compared only on a tie there). The index runs farthest first,
 * because a converging lookup mostly learns contacts closer than the ones it holds: they go in near
 * the end and move few others.
 */
public final class Lookup {
  private static final byte CANDIDATE = 0;
  private static final byte IN_FLIGHT = 1;
  private static final byte RESPONDED = 2;
  private static final byte FAILED = 3;

  private final Id256 target;
  private final Id256 self;
  private final int k;
  private final int alpha;
  private final int maxQueries;
  private int parallelism;
  private int inFlight;
  private int queries;
  private boolean stopped;

  /** Candidates known, by slot (the order they were learned in); at most one per id. */
  private int size;
  private Contact[] contacts;
  private int[] depths;
  private byte[] states;

  /**
   * Slots by XOR distance of their contact to the target, farthest first (the closest at {@code
   * size - 1}), and the {@link #topKey} of each, at the same index.
   */
  private int[] order;
  private long[] keys;

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
    int capacity = Math.max(16, 2 * seeds.size());
    contacts = new Contact[capacity];
    depths = new int[capacity];
    states = new byte[capacity];
    order = new int[capacity];
    keys = new long[capacity];
    for (Contact c : seeds) {
      add(c, 1);
    }
  }

  public Id256 target() {
    return target;
  }

  /**
   * The top 64 bits of {@code id}'s XOR distance to the target, offset so that a signed comparison
   * orders them as unsigned: the first word that {@link Id256#compareDistance} compares.
   */
  private long topKey(Id256 id) {
    return (target.topBits() ^ id.topBits()) ^ Long.MIN_VALUE;
  }

  /**
   * Position of {@code id} in {@link #order}, or {@code -(insertion point) - 1} when absent. Equal
   * distances to the target mean equal ids, so the distance order finds an id.
   */
  private int positionOf(Id256 id, long key) {
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long m = keys[mid];
      int c = m > key ? -1 : m < key ? 1 : target.compareDistance(id, contacts[order[mid]].id());
      if (c < 0) { // the contact at mid is farther than id
        lo = mid + 1;
      } else if (c > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  /** Slot of {@code id}, or -1 when unknown. */
  private int slotOf(Id256 id) {
    int p = positionOf(id, topKey(id));
    return p < 0 ? -1 : order[p];
  }

  /** Adds {@code c} unless it is this node or already known (the first sighting stays). */
  private void add(Contact c, int depth) {
    Id256 id = c.id();
    if (id.equals(self)) {
      return;
    }
    long key = topKey(id);
    int p = positionOf(id, key);
    if (p >= 0) {
      return;
    }
    p = -p - 1;
    if (size == contacts.length) {
      int capacity = size * 2;
      contacts = Arrays.copyOf(contacts, capacity);
      depths = Arrays.copyOf(depths, capacity);
      states = Arrays.copyOf(states, capacity);
      order = Arrays.copyOf(order, capacity);
      keys = Arrays.copyOf(keys, capacity);
    }
    int slot = size++;
    contacts[slot] = c;
    depths[slot] = depth;
    states[slot] = CANDIDATE;
    System.arraycopy(order, p, order, p + 1, slot - p);
    System.arraycopy(keys, p, keys, p + 1, slot - p);
    order[p] = slot;
    keys[p] = key;
  }

  /** Contacts to query now; each is marked in flight. Empty when nothing should be sent. */
  public List<Contact> nextToQuery() {
    List<Contact> out = new ArrayList<>(alpha);
    if (stopped) {
      return out;
    }
    int seen = 0;
    for (int p = size - 1; p >= 0; p--) {
      if (inFlight >= parallelism || queries >= maxQueries || seen >= k) {
        break;
      }
      int slot = order[p];
      byte state = states[slot];
      if (state == FAILED) {
        continue;
      }
      seen++;
      if (state == CANDIDATE) {
        states[slot] = IN_FLIGHT;
        inFlight++;
        queries++;
        out.add(contacts[slot]);
      }
    }
    return out;
  }

  /** Slot of the contact {@code id} that a query is in flight to. */
  private int inFlightSlot(Id256 id) {
    int slot = slotOf(id);
    if (slot < 0 || states[slot] != IN_FLIGHT) {
      throw new IllegalStateException("no query in flight to " + id.shortHex());
    }
    return slot;
  }

  /** {@code from} answered with {@code closer} contacts. */
  public void onResponse(Id256 from, List<Contact> closer) {
    int slot = inFlightSlot(from);
    states[slot] = RESPONDED;
    inFlight--;
    int depth = depths[slot] + 1;
    for (Contact c : closer) {
      add(c, depth);
    }
  }

  /** The query to {@code from} failed. */
  public void onFailure(Id256 from) {
    states[inFlightSlot(from)] = FAILED;
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
    for (int p = size - 1; p >= 0 && seen < k; p--) {
      byte state = states[order[p]];
      if (state == FAILED) {
        continue;
      }
      if (state != RESPONDED) {
        return false;
      }
      seen++;
    }
    return true;
  }

  /** Up to k contacts that answered, closest first. */
  public List<Contact> closestResponded() {
    List<Contact> out = new ArrayList<>(k);
    for (int p = size - 1; p >= 0 && out.size() < k; p--) {
      int slot = order[p];
      if (states[slot] == RESPONDED) {
        out.add(contacts[slot]);
      }
    }
    return out;
  }

  /** Depth (hops from this node) at which {@code id} was learned; 0 when unknown. */
  public int depthOf(Id256 id) {
    int slot = slotOf(id);
    return slot < 0 ? 0 : depths[slot];
  }

  /** Depth of the closest contact that answered; 0 when none did. */
  public int hops() {
    for (int p = size - 1; p >= 0; p--) {
      int slot = order[p];
      if (states[slot] == RESPONDED) {
        return depths[slot];
      }
    }
    return 0;
  }

  /** Queries sent so far. */
  public int queries() {
    return queries;
  }
}
