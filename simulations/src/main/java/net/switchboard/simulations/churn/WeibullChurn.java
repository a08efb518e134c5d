package net.switchboard.simulations.churn;

import net.switchboard.netsim.engine.Durations;

import java.util.SplittableRandom;

/**
 * Weibull sessions, F(x) = 1 - exp(-(x/scale)^shape). Shape below 1 means a decreasing hazard:
 * most sessions are short, a few very long, as measured for BitTorrent (shape 0.34-0.59) and the
 * IPFS DHT (half of new nodes gone within 2 h).
 */
public record WeibullChurn(double shape, double scaleSeconds) implements ChurnModel {

  public WeibullChurn {
    if (!(shape > 0) || Double.isInfinite(shape)) {
      throw new IllegalArgumentException("weibull: shape must be > 0, got " + shape);
    }
    if (!(scaleSeconds > 0) || Double.isInfinite(scaleSeconds)) {
      throw new IllegalArgumentException("weibull: scale must be > 0, got " + scaleSeconds + "s");
    }
  }

  /** The Weibull with this shape and median: scale = median / ln(2)^(1/shape). */
  public static WeibullChurn withMedian(double shape, double medianSeconds) {
    if (!(medianSeconds > 0)) {
      throw new IllegalArgumentException("weibull: median must be > 0, got " + medianSeconds + "s");
    }
    return new WeibullChurn(shape, medianSeconds / Math.pow(Math.log(2), 1 / shape));
  }

  @Override
  public double sessionSeconds(SplittableRandom random) {
    return scaleSeconds * Math.pow(-Math.log(1 - random.nextDouble()), 1 / shape);
  }

  /**
   * Length-biased Weibull (a session seen at a random instant): (X/scale)^shape ~ Gamma(1 +
   * 1/shape); the residual is a uniform share of it.
   */
  @Override
  public double residualSeconds(SplittableRandom random) {
    double g = Distributions.gamma(1 + 1 / shape, random);
    double length = scaleSeconds * Math.pow(g, 1 / shape);
    return length * random.nextDouble();
  }

  @Override
  public double meanSeconds() {
    return scaleSeconds * Math.exp(Distributions.logGamma(1 + 1 / shape));
  }

  @Override
  public double medianSeconds() {
    return scaleSeconds * Math.pow(Math.log(2), 1 / shape);
  }

  @Override
  public String describe() {
    return String.format(java.util.Locale.ROOT, "weibull:shape=%s,median=%s", shape,
        Durations.format(Math.round(medianSeconds() * 1000)));
  }
}
