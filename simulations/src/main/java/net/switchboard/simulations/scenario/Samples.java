package net.switchboard.simulations.scenario;

import java.util.Arrays;

/** A growable list of long observations with exact percentiles (sorted on demand). */
public final class Samples {
  private long[] values = new long[64];
  private int size;
  private boolean sorted = true;

  public void add(long v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
    sorted = false;
  }

  public int size() {
    return size;
  }

  public void clear() {
    size = 0;
    sorted = true;
  }

  /** The nearest-rank percentile ({@code p} in [0, 100]); NaN when empty. */
  public double percentile(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    if (!sorted) {
      Arrays.sort(values, 0, size);
      sorted = true;
    }
    int rank = (int) Math.ceil(p / 100.0 * size);
    return values[Math.max(0, Math.min(size - 1, rank - 1))];
  }

  public double mean() {
    if (size == 0) {
      return Double.NaN;
    }
    double s = 0;
    for (int i = 0; i < size; i++) {
      s += values[i];
    }
    return s / size;
  }
}
