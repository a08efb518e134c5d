package net.switchboard.netsim.network;

import net.switchboard.netsim.engine.Durations;

/**
 * A partition that opens at {@code startMillis} (after the simulation's start) and heals at
 * {@code healMillis}: while open, a share {@code fraction} of nodes (chosen at random, newcomers
 * included) sits in a second group that cannot exchange datagrams with the first.
 */
public record Partition(long startMillis, long healMillis, double fraction) {

  public Partition {
    if (startMillis < 0 || healMillis <= startMillis) {
      throw new IllegalArgumentException("partition needs 0 <= start < heal, got start=" + startMillis + "ms heal=" + healMillis + "ms");
    }
    if (!(fraction > 0 && fraction < 1)) {
      throw new IllegalArgumentException("partition fraction must be in (0,1), got " + fraction);
    }
  }

  /** Parses {@code start=2h,heal=3h,fraction=0.5}. */
  public static Partition parse(String spec) {
    Long start = null;
    Long heal = null;
    double fraction = 0.5;
    for (String part : spec.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("partition: expected key=value, got '" + part + "'");
      }
      switch (kv[0].trim()) {
        case "start" -> start = Durations.parseMillis(kv[1].trim());
        case "heal" -> heal = Durations.parseMillis(kv[1].trim());
        case "fraction" -> fraction = parseFraction(kv[1].trim());
        default -> throw new IllegalArgumentException("partition: unknown key '" + kv[0] + "' (start, heal, fraction)");
      }
    }
    if (start == null || heal == null) {
      throw new IllegalArgumentException("partition: needs start= and heal=, got '" + spec + "'");
    }
    return new Partition(start, heal, fraction);
  }

  private static double parseFraction(String s) {
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("partition: bad fraction '" + s + "'");
    }
  }
}
