package net.switchboard.netsim.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The calibration promised in {@link LatencyModel}'s Javadoc. */
class LatencyModelTest {

  @Test
  void roundTripTimesHaveAnInternetLikeMedianAndLongTail() {
    LatencyModel m = new LatencyModel();
    SplittableRandom r = new SplittableRandom(42);
    int n = 5000;
    for (int i = 0; i < n; i++) {
      m.place(i, r);
    }
    double[] rtt = new double[200_000];
    for (int i = 0; i < rtt.length; i++) {
      int a = r.nextInt(n);
      int b = r.nextInt(n - 1);
      rtt[i] = m.rttMillis(a, b >= a ? b + 1 : b);
    }
    Arrays.sort(rtt);
    double median = rtt[rtt.length / 2];
    double p99 = rtt[(int) (rtt.length * 0.99)];
    double max = rtt[rtt.length - 1];
    assertTrue(median >= 90 && median <= 115, "median RTT " + median);
    assertTrue(p99 >= 250 && p99 <= 450, "p99 RTT " + p99);
    assertTrue(max >= 400 && max <= 600, "max RTT " + max);
    assertTrue(rtt[0] > 0, "min RTT " + rtt[0]);
  }
}
