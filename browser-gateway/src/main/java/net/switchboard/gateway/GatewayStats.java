package net.switchboard.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of one gateway (thread-safe). */
public final class GatewayStats {
  private final AtomicLong authOk = new AtomicLong();
  private final AtomicLong authRefused = new AtomicLong();
  private final AtomicLong authNanos = new AtomicLong();
  private final AtomicLong forwarded = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();

  void authOk(long nanos) {
    authOk.incrementAndGet();
    authNanos.addAndGet(nanos);
  }

  void countAuthRefused() {
    authRefused.incrementAndGet();
  }

  void countForwarded() {
    forwarded.incrementAndGet();
  }

  void countDelivered() {
    delivered.incrementAndGet();
  }

  public long authOk() {
    return authOk.get();
  }

  public long authRefused() {
    return authRefused.get();
  }

  /** Envelopes pages sent out through this gateway. */
  public long forwarded() {
    return forwarded.get();
  }

  /** Envelopes routed here and pushed to a page. */
  public long delivered() {
    return delivered.get();
  }

  /** The counters by name, for metrics: auth_ok, auth_refused, forwarded, delivered. */
  public Map<String, Long> snapshot() {
    Map<String, Long> m = new LinkedHashMap<>();
    m.put("auth_ok", authOk());
    m.put("auth_refused", authRefused());
    m.put("forwarded", forwarded());
    m.put("delivered", delivered());
    return m;
  }
}
