package net.switchboard.cli.bench;

import java.util.Arrays;

/** Percentiles over a list of samples (nearest-rank). */
public final class Stats {
  private final double[] sorted;

  public Stats(double[] samples) {
    this.sorted = samples.clone();
    Arrays.sort(sorted);
  }

  public static Stats ofLongs(long[] samples) {
    double[] d = new double[samples.length];
    for (int i = 0; i < samples.length; i++) {
      d[i] = samples[i];
    }
    return new Stats(d);
  }

  /** The p-th percentile (0..100), nearest rank; 0 when empty. */
  public double percentile(double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public double median() {
    return percentile(50);
  }

  public double max() {
    return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
  }

  public double mean() {
    double s = 0;
    for (double v : sorted) {
      s += v;
    }
    return sorted.length == 0 ? 0 : s / sorted.length;
  }

  public int count() {
    return sorted.length;
  }
}
