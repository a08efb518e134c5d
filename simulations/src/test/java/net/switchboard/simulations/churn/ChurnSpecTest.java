package net.switchboard.simulations.churn;

import net.switchboard.netsim.engine.Durations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChurnSpecTest {

  @Test
  void parsesEveryModel() {
    assertEquals("none", ChurnSpec.parse("none").describe());
    assertEquals(3600, ((ExponentialChurn) ChurnSpec.parse("exponential:mean=1h").model()).meanSeconds(), 1e-9);
    WeibullChurn w = (WeibullChurn) ChurnSpec.parse("weibull:shape=0.38,median=2h").model();
    assertEquals(7200, w.medianSeconds(), 1e-6);
    assertEquals("weibull:shape=0.38,median=2h", w.describe());
    WeibullChurn s = (WeibullChurn) ChurnSpec.parse("weibull:shape=0.5,scale=30m").model();
    assertEquals(1800, s.scaleSeconds(), 1e-9);
    ParetoChurn p = (ParetoChurn) ChurnSpec.parse("pareto:alpha=1.5,min=30m").model();
    assertEquals(1800, p.minSeconds(), 1e-9);
    assertEquals(5400, p.meanSeconds(), 1e-9);
  }

  @Test
  void badSpecsSayWhatIsWrong() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ChurnSpec.parse("gamma:k=1")).getMessage().contains("unknown model"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ChurnSpec.parse("weibull:shape=0.4")).getMessage().contains("median= or scale="));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ChurnSpec.parse("exponential:mean=soon")).getMessage().contains("soon"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ChurnSpec.parse("pareto:alpha=-1,min=1h")).getMessage().contains("alpha"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ChurnSpec.parse("exponential:mean=1h,x=2")).getMessage().contains("'x'"));
    assertThrows(IllegalArgumentException.class, () -> ChurnSpec.parse("trace:/no/such/file.csv"));
  }

  @Test
  void weibullSessionsHaveTheRequestedMedianAndTheIpfsShape() {
    WeibullChurn w = WeibullChurn.withMedian(0.38, 7200);
    double[] x = draw(w::sessionSeconds, 100_000);
    assertEquals(7200, x[x.length / 2], 7200 * 0.03);
    // the IPFS reference: half gone within 2 h, about 69% within 8 h (IPFS: 80%)
    double within8h = Arrays.stream(x).filter(v -> v <= 8 * 3600).count() / (double) x.length;
    assertTrue(within8h > 0.68 && within8h < 0.78, "share within 8h " + within8h);
  }

  @Test
  void residualLivesFollowTheEquilibriumLaw() {
    // exponential: memoryless, the residual has the same mean
    ExponentialChurn e = new ExponentialChurn(3600);
    assertEquals(3600, mean(draw(e::residualSeconds, 200_000)), 3600 * 0.02);
    // Weibull: the equilibrium residual has mean E[X^2] / (2 E[X])
    WeibullChurn w = new WeibullChurn(0.7, 3600);
    double ex = w.meanSeconds();
    double ex2 = 3600.0 * 3600.0 * Math.exp(Distributions.logGamma(1 + 2 / 0.7));
    assertEquals(ex2 / (2 * ex), mean(draw(w::residualSeconds, 400_000)), ex2 / (2 * ex) * 0.03);
    // Pareto alpha=3: E[X^2]/(2E[X]) = (alpha-1)/(2(alpha-2)) * min = min
    ParetoChurn p = new ParetoChurn(3, 1000);
    assertEquals(1000, mean(draw(p::residualSeconds, 400_000)), 1000 * 0.05);
  }

  @Test
  void tracesParseWithHeaderCommentsAndOpenEndedSessions() {
    ChurnTrace t = ChurnTrace.parse(List.of("node,join_s,leave_s", "# comment", "b,10,20", "a,0,", "a,30,inf"), "t.csv");
    assertEquals(3, t.sessions().size());
    assertEquals("a", t.sessions().get(0).node());
    assertTrue(Double.isInfinite(t.sessions().get(2).leaveSeconds()));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ChurnTrace.parse(List.of("a,5,2"), "t.csv"))
        .getMessage().startsWith("t.csv:1"));
  }

  @Test
  void durationsParseAndPrint() {
    assertEquals(7_200_000, Durations.parseMillis("2h"));
    assertEquals(500, Durations.parseMillis("500ms"));
    assertEquals(90_000, Durations.parseMillis("1.5m"));
    assertEquals(604_800_000L, Durations.parseMillis("7d"));
    assertEquals("2h", Durations.format(7_200_000));
    assertThrows(IllegalArgumentException.class, () -> Durations.parseMillis("2x"));
  }

  private interface Draw {
    double draw(SplittableRandom r);
  }

  private static double[] draw(Draw d, int n) {
    SplittableRandom r = new SplittableRandom(7);
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = d.draw(r);
    }
    Arrays.sort(x);
    return x;
  }

  private static double mean(double[] x) {
    return Arrays.stream(x).average().orElseThrow();
  }
}
