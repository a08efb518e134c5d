package net.switchboard.netsim.engine;

/** Parses and prints durations such as {@code 500ms}, {@code 90s}, {@code 10m}, {@code 2h}, {@code 7d}, {@code 1.5h}. */
public final class Durations {
  private Durations() {}

  /** Milliseconds in {@code text}; a bare number means seconds. Throws with the bad text on error. */
  public static long parseMillis(String text) {
    String s = text.trim().toLowerCase();
    long unit;
    String number;
    if (s.endsWith("ms")) {
      unit = 1;
      number = s.substring(0, s.length() - 2);
    } else if (s.endsWith("s")) {
      unit = 1000;
      number = s.substring(0, s.length() - 1);
    } else if (s.endsWith("m")) {
      unit = 60_000;
      number = s.substring(0, s.length() - 1);
    } else if (s.endsWith("h")) {
      unit = 3_600_000;
      number = s.substring(0, s.length() - 1);
    } else if (s.endsWith("d")) {
      unit = 86_400_000;
      number = s.substring(0, s.length() - 1);
    } else {
      unit = 1000;
      number = s;
    }
    double v;
    try {
      v = Double.parseDouble(number);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad duration '" + text + "' (e.g. 500ms, 90s, 10m, 2h, 7d)");
    }
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("bad duration '" + text + "': must be >= 0");
    }
    return Math.round(v * unit);
  }

  /** Seconds in {@code text}, as a double. */
  public static double parseSeconds(String text) {
    return parseMillis(text) / 1000.0;
  }

  /** Short human form: {@code 2h}, {@code 90m}, {@code 45s}, {@code 1.5d}. */
  public static String format(long millis) {
    if (millis % 86_400_000 == 0 && millis > 0) {
      return millis / 86_400_000 + "d";
    }
    if (millis % 3_600_000 == 0 && millis > 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }

  /** Clock form {@code 1d02h03m} of elapsed milliseconds, for progress lines. */
  public static String clock(long millis) {
    long m = millis / 60_000;
    long d = m / 1440;
    long h = (m / 60) % 24;
    long mm = m % 60;
    return d > 0 ? String.format("%dd%02dh%02dm", d, h, mm) : String.format("%02dh%02dm", h, mm);
  }
}
