package net.switchboard.signaling.e2e;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Refuses an envelope whose timestamp lies outside {@code [now - maxAge, now + maxFuture]} or whose
 * (sender, message id) was accepted before. Remembers each accepted id until its timestamp leaves
 * the window, at most {@code capacity} of them: when full it forgets the oldest and from then on
 * refuses every timestamp at or before the forgotten one, so eviction never reopens a replay.
 * Pure: time is an argument. Not thread-safe (one node's thread).
 */
public final class ReplayGuard {
  private final long maxAgeMillis;
  private final long maxFutureMillis;
  private final int capacity;
  private final Map<String, Long> seen = new HashMap<>();
  private final PriorityQueue<Entry> byTime = new PriorityQueue<>();
  private long floorMillis = Long.MIN_VALUE;

  private record Entry(long timestamp, String key) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry o) {
      return Long.compare(timestamp, o.timestamp);
    }
  }

  /**
   * @throws IllegalArgumentException naming a negative window or a capacity below 1
   */
  public ReplayGuard(long maxAgeMillis, long maxFutureMillis, int capacity) {
    if (maxAgeMillis < 0 || maxFutureMillis < 0) {
      throw new IllegalArgumentException("replay window must be >= 0, got " + maxAgeMillis + "/" + maxFutureMillis);
    }
    if (capacity < 1) {
      throw new IllegalArgumentException("replay capacity must be >= 1, got " + capacity);
    }
    this.maxAgeMillis = maxAgeMillis;
    this.maxFutureMillis = maxFutureMillis;
    this.capacity = capacity;
  }

  /** Two minutes back, one minute ahead (clock skew plus routing delay), 65 536 ids. */
  public static ReplayGuard defaults() {
    return new ReplayGuard(120_000, 60_000, 65_536);
  }

  /**
   * Accepts {@code e} once: records its id, or throws.
   *
   * @throws EnvelopeRejectedException STALE or REPLAYED
   */
  public void check(OpenedEnvelope e, long nowMillis) throws EnvelopeRejectedException {
    purge(nowMillis);
    long t = e.timestampMillis();
    if (t < nowMillis - maxAgeMillis || t > nowMillis + maxFutureMillis || t <= floorMillis) {
      throw new EnvelopeRejectedException(EnvelopeRejectedException.Reason.STALE,
          "timestamp " + t + " outside the window around " + nowMillis);
    }
    String key = HexFormat.of().formatHex(e.senderKey()) + HexFormat.of().formatHex(e.messageId());
    if (seen.containsKey(key)) {
      throw new EnvelopeRejectedException(EnvelopeRejectedException.Reason.REPLAYED, "message id seen before");
    }
    while (seen.size() >= capacity) {
      Entry oldest = byTime.poll();
      seen.remove(oldest.key());
      floorMillis = Math.max(floorMillis, oldest.timestamp());
    }
    seen.put(key, t);
    byTime.add(new Entry(t, key));
  }

  /** Ids currently remembered. */
  public int size() {
    return seen.size();
  }

  private void purge(long nowMillis) {
    long oldestAllowed = nowMillis - maxAgeMillis;
    while (!byTime.isEmpty() && byTime.peek().timestamp() < oldestAllowed) {
      seen.remove(byTime.poll().key());
    }
  }
}
