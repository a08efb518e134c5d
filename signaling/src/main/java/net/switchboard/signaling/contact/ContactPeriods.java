package net.switchboard.signaling.contact;

/**
 * The time periods contact records are blinded for. Period {@code p} covers {@code [p *
 * periodMillis, (p + 1) * periodMillis)} of the injected clock. Within {@code windowMillis} of a
 * boundary a publisher publishes for both periods and a resolver looks in both, so clocks a little
 * apart still meet. Every node of a network must use the same values: they decide storage keys.
 */
public final class ContactPeriods {
  public static final long DEFAULT_PERIOD_MILLIS = 24L * 60 * 60 * 1000;
  public static final long DEFAULT_WINDOW_MILLIS = 60L * 60 * 1000;

  private final long periodMillis;
  private final long windowMillis;

  /**
   * @param periodMillis length of one period (default 24 h)
   * @param windowMillis how close to a boundary both periods are used (default 1 h); at most half
   *     a period
   * @throws IllegalArgumentException naming the bad value
   */
  public ContactPeriods(long periodMillis, long windowMillis) {
    if (periodMillis <= 0) {
      throw new IllegalArgumentException("periodMillis must be > 0, got " + periodMillis);
    }
    if (windowMillis < 0 || windowMillis > periodMillis / 2) {
      throw new IllegalArgumentException(
          "windowMillis must be in [0, periodMillis/2 = " + periodMillis / 2 + "], got " + windowMillis);
    }
    this.periodMillis = periodMillis;
    this.windowMillis = windowMillis;
  }

  /** 24-hour periods with a one-hour boundary window. */
  public static ContactPeriods defaults() {
    return new ContactPeriods(DEFAULT_PERIOD_MILLIS, DEFAULT_WINDOW_MILLIS);
  }

  public long periodMillis() {
    return periodMillis;
  }

  public long windowMillis() {
    return windowMillis;
  }

  /** floor(nowMillis / periodMillis). */
  public long periodAt(long nowMillis) {
    return Math.floorDiv(nowMillis, periodMillis);
  }

  /** First instant of period {@code p}. */
  public long startOf(long period) {
    return period * periodMillis;
  }

  /** First instant after period {@code p}. */
  public long endOf(long period) {
    return (period + 1) * periodMillis;
  }

  /** Periods to publish for: the current one, and the next when its start is within the window. */
  public long[] publishPeriods(long nowMillis) {
    long p = periodAt(nowMillis);
    return endOf(p) - nowMillis <= windowMillis ? new long[] {p, p + 1} : new long[] {p};
  }

  /** Periods to look in, newest first: the current one, and the previous within the window after it began. */
  public long[] lookupPeriods(long nowMillis) {
    long p = periodAt(nowMillis);
    return nowMillis - startOf(p) < windowMillis ? new long[] {p, p - 1} : new long[] {p};
  }

  /**
   * The furthest in the future a valid record may expire, as storage nodes check it: two periods
   * plus the window. A record for the next period, published a window early, expires at most one
   * period and two windows from now, so this leaves slack for clock skew.
   */
  public long maxLifetimeMillis() {
    return 2 * periodMillis + windowMillis;
  }

  @Override
  public String toString() {
    return "ContactPeriods[period=" + periodMillis + "ms window=" + windowMillis + "ms]";
  }
}
