package net.switchboard.dht.route;

import java.util.LinkedHashMap;
import java.util.Map;
import net.switchboard.seam.Endpoint;

/** A token bucket per source endpoint (least recently used sources forgotten first). */
final class RateLimiter {
  private final double ratePerMillis;
  private final double burst;
  private final LinkedHashMap<Endpoint, double[]> buckets; // [tokens, lastRefillMillis]

  RateLimiter(double ratePerSecond, double burst, int maxSources) {
    this.ratePerMillis = ratePerSecond / 1000.0;
    this.burst = burst;
    this.buckets =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Endpoint, double[]> eldest) {
            return size() > maxSources;
          }
        };
  }

  /** Takes one token for {@code source}; false when it is over its rate. */
  boolean tryAcquire(Endpoint source, long nowMillis) {
    double[] b = buckets.get(source);
    if (b == null) {
      b = new double[] {burst, nowMillis};
      buckets.put(source, b);
    }
    b[0] = Math.min(burst, b[0] + (nowMillis - (long) b[1]) * ratePerMillis);
    b[1] = nowMillis;
    if (b[0] < 1) {
      return false;
    }
    b[0] -= 1;
    return true;
  }
}
