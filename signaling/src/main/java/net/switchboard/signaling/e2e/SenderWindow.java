package net.switchboard.signaling.e2e;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * One sender's accepted message ids with their timestamps, and the sender's own floor: after an
 * id is forgotten to make room, no timestamp at or before it is accepted from this sender again,
 * so forgetting never reopens a replay. Part of {@link ReplayGuard}; not thread-safe.
 */
final class SenderWindow {
  /** A 16-byte message id as two longs: a fraction of the memory of a hex string. */
  private record MessageId(long high, long low) {
    static MessageId of(byte[] id) {
      ByteBuffer b = ByteBuffer.wrap(id);
      return new MessageId(b.getLong(), b.getLong());
    }
  }

  private record Entry(long timestamp, MessageId id) {}

  private final Set<MessageId> ids = new HashSet<>();
  private final PriorityQueue<Entry> byTime = new PriorityQueue<>((a, b) -> Long.compare(a.timestamp, b.timestamp));
  private long floorMillis = Long.MIN_VALUE;

  boolean atOrBelowFloor(long timestamp) {
    return timestamp <= floorMillis;
  }

  boolean contains(byte[] messageId) {
    return ids.contains(MessageId.of(messageId));
  }

  void add(byte[] messageId, long timestamp) {
    MessageId id = MessageId.of(messageId);
    ids.add(id);
    byTime.add(new Entry(timestamp, id));
  }

  /** Forgets the oldest id and raises the floor to its timestamp. */
  void forgetOldest() {
    Entry oldest = byTime.poll();
    ids.remove(oldest.id());
    floorMillis = Math.max(floorMillis, oldest.timestamp());
  }

  /**
   * Drops ids older than {@code oldestAllowed} (the window refuses them anyway); returns how many.
   */
  int expire(long oldestAllowed) {
    int n = 0;
    while (!byTime.isEmpty() && byTime.peek().timestamp() < oldestAllowed) {
      ids.remove(byTime.poll().id());
      n++;
    }
    return n;
  }

  /** True when nothing is remembered and the floor is older than the window: forgetting it is safe. */
  boolean droppable(long oldestAllowed) {
    return ids.isEmpty() && floorMillis < oldestAllowed;
  }

  int size() {
    return ids.size();
  }
}
