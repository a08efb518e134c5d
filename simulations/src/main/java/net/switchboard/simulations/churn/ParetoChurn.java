package net.switchboard.simulations.churn;

import net.switchboard.netsim.engine.Durations;

import java.util.SplittableRandom;

/** Pareto (type I) sessions: P(X &gt; x) = (min/x)^alpha for x &ge; min. Heavy-tailed; infinite mean for alpha &le; 1. */
public record ParetoChurn(double alpha, double minSeconds) implements ChurnModel {

  public ParetoChurn {
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("pareto: alpha must be > 0, got " + alpha);
    }
    if (!(minSeconds > 0) || Double.isInfinite(minSeconds)) {
      throw new IllegalArgumentException("pareto: min must be > 0, got " + minSeconds + "s");
    }
  }

  @Override
  public double sessionSeconds(SplittableRandom random) {
    return minSeconds / Math.pow(1 - random.nextDouble(), 1 / alpha);
  }

  /** Length-biased Pareto(alpha) is Pareto(alpha - 1) with the same min; needs alpha &gt; 1. */
  @Override
  public double residualSeconds(SplittableRandom random) {
    if (alpha <= 1) {
      return sessionSeconds(random);
    }
    double length = minSeconds / Math.pow(1 - random.nextDouble(), 1 / (alpha - 1));
    return length * random.nextDouble();
  }

  @Override
  public double meanSeconds() {
    return alpha <= 1 ? Double.POSITIVE_INFINITY : alpha * minSeconds / (alpha - 1);
  }

  @Override
  public double medianSeconds() {
    return minSeconds * Math.pow(2, 1 / alpha);
  }

  @Override
  public String describe() {
    return "pareto:alpha=" + alpha + ",min=" + Durations.format(Math.round(minSeconds * 1000));
  }
}
