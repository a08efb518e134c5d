package net.switchboard.signaling.e2e;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import net.switchboard.dht.identity.Id256;

/**
 * Refuses an envelope whose timestamp lies outside {@code [now - maxAge, now + maxFuture]} or whose
 * (sender, message id) was accepted before.
 *
 * <p>Memory is bounded per sender and in total, and what one sender does never makes another's
 * messages refused: each sender has its own {@link SenderWindow} of at most {@code perSender} ids
 * with its own floor (when full, its oldest id is forgotten and that sender's timestamps at or
 * before it are refused from then on, so forgetting reopens no replay). When the guard holds
 * {@code total} ids, the sender holding the most loses its oldest. A flood from one key therefore
 * raises only that key's floor. A flood from many fresh keys fills the {@code maxSenders} slots:
 * then envelopes from senders not yet known are refused ({@link EnvelopeRejectedException.Reason#BUSY})
 * until slots drain, which happens once their timestamps leave the window (at most maxAge +
 * maxFuture after the flood stops); senders already known are served throughout.
 *
 * <p>Pure: time is an argument. Not thread-safe (one node's thread).
 */
public final class ReplayGuard {
  private final long maxAgeMillis;
  private final long maxFutureMillis;
  private final int perSender;
  private final int maxSenders;
  private final int total;
  private final Map<Id256, SenderWindow> senders = new HashMap<>();
  private int size;
  private long lastSweepMillis = Long.MIN_VALUE;

  /**
   * @throws IllegalArgumentException naming a negative window or a limit below 1
   */
  public ReplayGuard(long maxAgeMillis, long maxFutureMillis, int perSender, int maxSenders, int total) {
    if (maxAgeMillis < 0 || maxFutureMillis < 0) {
      throw new IllegalArgumentException("replay window must be >= 0, got " + maxAgeMillis + "/" + maxFutureMillis);
    }
    if (perSender < 1 || maxSenders < 1 || total < 1) {
      throw new IllegalArgumentException("replay limits must be >= 1, got " + perSender + "/" + maxSenders + "/" + total);
    }
    this.maxAgeMillis = maxAgeMillis;
    this.maxFutureMillis = maxFutureMillis;
    this.perSender = perSender;
    this.maxSenders = maxSenders;
    this.total = total;
  }

  /** One sender's guard: {@code capacity} ids, one sender slot's worth of everything else. */
  public ReplayGuard(long maxAgeMillis, long maxFutureMillis, int capacity) {
    this(maxAgeMillis, maxFutureMillis, capacity, 4096, Math.max(capacity, 65_536));
  }

  /**
   * Two minutes back, one minute ahead (clock skew plus routing delay); 1024 ids per sender (a
   * call's signaling is a few dozen envelopes), 4096 senders, 65 536 ids in all.
   */
  public static ReplayGuard defaults() {
    return new ReplayGuard(120_000, 60_000, 1024, 4096, 65_536);
  }

  /**
   * Accepts {@code e} once: records its id, or throws.
   *
   * @throws EnvelopeRejectedException STALE, REPLAYED or BUSY
   */
  public void check(OpenedEnvelope e, long nowMillis) throws EnvelopeRejectedException {
    long t = e.timestampMillis();
    if (t < nowMillis - maxAgeMillis || t > nowMillis + maxFutureMillis) {
      throw new EnvelopeRejectedException(EnvelopeRejectedException.Reason.STALE,
          "timestamp " + t + " outside the window around " + nowMillis);
    }
    sweep(nowMillis);
    Id256 sender = e.senderId();
    SenderWindow window = senders.get(sender);
    if (window != null) {
      size -= window.expire(nowMillis - maxAgeMillis);
      if (window.atOrBelowFloor(t)) {
        throw new EnvelopeRejectedException(EnvelopeRejectedException.Reason.STALE,
            "timestamp " + t + " not newer than this sender's forgotten ids");
      }
      if (window.contains(e.messageId())) {
        throw new EnvelopeRejectedException(EnvelopeRejectedException.Reason.REPLAYED, "message id seen before");
      }
    } else {
      if (senders.size() >= maxSenders) {
        throw new EnvelopeRejectedException(EnvelopeRejectedException.Reason.BUSY,
            "replay guard tracks " + maxSenders + " senders; new senders wait until their ids expire");
      }
      window = new SenderWindow();
      senders.put(sender, window);
    }
    if (window.size() >= perSender) {
      window.forgetOldest();
      size--;
    } else if (size >= total) {
      largest().forgetOldest();
      size--;
    }
    window.add(e.messageId(), t);
    size++;
  }

  /** Ids currently remembered. */
  public int size() {
    return size;
  }

  /** Senders currently tracked. */
  public int senders() {
    return senders.size();
  }

  /**
   * Expires every sender's old ids and drops senders with nothing left, at most once a second (one
   * pass over at most maxSenders windows). Only senders whose floor is older than the window are
   * dropped, so dropping reopens nothing.
   */
  private void sweep(long nowMillis) {
    if (lastSweepMillis != Long.MIN_VALUE && nowMillis - lastSweepMillis < 1000) {
      return;
    }
    lastSweepMillis = nowMillis;
    for (Iterator<SenderWindow> it = senders.values().iterator(); it.hasNext(); ) {
      SenderWindow w = it.next();
      size -= w.expire(nowMillis - maxAgeMillis);
      if (w.droppable(nowMillis - maxAgeMillis)) {
        it.remove();
      }
    }
  }

  private SenderWindow largest() {
    SenderWindow max = null;
    for (SenderWindow w : senders.values()) {
      if (max == null || w.size() > max.size()) {
        max = w;
      }
    }
    return max;
  }
}
