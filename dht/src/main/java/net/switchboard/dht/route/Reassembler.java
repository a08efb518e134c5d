package net.switchboard.dht.route;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Collects the fragments of routed messages until each is whole. Bounded in bytes; incomplete
 * messages older than the timeout are discarded.
 */
final class Reassembler {
  private final long timeoutMillis;
  private final int maxBytes;
  private final Map<Long, Partial> partials = new HashMap<>();
  private int bufferedBytes;

  private static final class Partial {
    final byte[][] parts;
    final long startedMillis;
    int received;
    int bytes;

    Partial(int count, long startedMillis) {
      this.parts = new byte[count][];
      this.startedMillis = startedMillis;
    }
  }

  Reassembler(long timeoutMillis, int maxBytes) {
    this.timeoutMillis = timeoutMillis;
    this.maxBytes = maxBytes;
  }

  /**
   * Adds a fragment of message {@code key}; returns the whole payload when this completes it, or
   * null. A fragment that would exceed the byte budget is dropped (returns null).
   */
  byte[] add(long key, int index, int count, byte[] fragment, long nowMillis) {
    if (count == 1) {
      return fragment;
    }
    expire(nowMillis);
    Partial p = partials.get(key);
    if (p == null) {
      p = new Partial(count, nowMillis);
      partials.put(key, p);
    }
    if (p.parts.length != count || p.parts[index] != null) {
      return null;
    }
    if (bufferedBytes + fragment.length > maxBytes) {
      return null;
    }
    p.parts[index] = fragment;
    p.received++;
    p.bytes += fragment.length;
    bufferedBytes += fragment.length;
    if (p.received < count) {
      return null;
    }
    partials.remove(key);
    bufferedBytes -= p.bytes;
    byte[] out = new byte[p.bytes];
    int o = 0;
    for (byte[] part : p.parts) {
      System.arraycopy(part, 0, out, o, part.length);
      o += part.length;
    }
    return out;
  }

  private void expire(long nowMillis) {
    for (Iterator<Partial> it = partials.values().iterator(); it.hasNext(); ) {
      Partial p = it.next();
      if (nowMillis - p.startedMillis > timeoutMillis) {
        bufferedBytes -= p.bytes;
        it.remove();
      }
    }
  }

  int bufferedBytes() {
    return bufferedBytes;
  }
}
