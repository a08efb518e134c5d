package net.switchboard.dht.session;

/**
 * Which DATA counters of one session were already accepted: the highest seen and a 64-bit bitmap
 * of the 64 below it (as IPsec and WireGuard keep). Counters older than the window are refused.
 */
final class ReplayWindow {
  private long highest = -1;
  private long bitmap; // bit i: counter highest - i was seen

  /** True, and marks it seen, when {@code counter} is new; false for a replay or one too old. */
  boolean accept(long counter) {
    if (counter < 0) {
      return false;
    }
    if (counter > highest) {
      long shift = counter - highest;
      bitmap = shift >= 64 ? 1L : (bitmap << shift) | 1L;
      highest = counter;
      return true;
    }
    long age = highest - counter;
    if (age >= 64 || (bitmap & (1L << age)) != 0) {
      return false;
    }
    bitmap |= 1L << age;
    return true;
  }
}
