package net.switchboard.simulations.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** Locale-independent, deterministic number text for JSON and CSV. */
final class Num {
  private Num() {}

  /** Up to 6 significant digits, no exponent for ordinary magnitudes, {@code null} for NaN. */
  static String json(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "null";
    }
    return plain(v);
  }

  /** As {@link #json} but empty for NaN. */
  static String csv(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "";
    }
    return plain(v);
  }

  private static String plain(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    return s;
  }
}
