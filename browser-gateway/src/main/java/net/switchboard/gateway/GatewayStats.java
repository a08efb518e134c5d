package net.switchboard.gateway;

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
}
