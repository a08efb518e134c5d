package net.switchboard.simulations.churn;

import net.switchboard.netsim.engine.Durations;

import java.util.SplittableRandom;

/** Exponential sessions (memoryless): the residual life has the same law as a fresh session. */
public record ExponentialChurn(double meanSeconds) implements ChurnModel {

  public ExponentialChurn {
    if (!(meanSeconds > 0) || Double.isInfinite(meanSeconds)) {
      throw new IllegalArgumentException("exponential: mean must be > 0, got " + meanSeconds + "s");
    }
  }

  @Override
  public double sessionSeconds(SplittableRandom random) {
    return -meanSeconds * Math.log(1 - random.nextDouble());
  }

  @Override
  public double residualSeconds(SplittableRandom random) {
    return sessionSeconds(random);
  }

  @Override
  public double medianSeconds() {
    return meanSeconds * Math.log(2);
  }

  @Override
  public String describe() {
    return "exponential:mean=" + Durations.format(Math.round(meanSeconds * 1000));
  }
}
