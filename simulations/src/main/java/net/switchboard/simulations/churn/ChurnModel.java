package net.switchboard.simulations.churn;

import java.util.SplittableRandom;

/** A distribution of session lengths: how long a node stays once it has joined. */
public interface ChurnModel {

  /** Length of a fresh session, seconds ({@link Double#POSITIVE_INFINITY} for a node that never leaves). */
  double sessionSeconds(SplittableRandom random);

  /**
   * Remaining session of a node found up at a random instant of a stationary run (the
   * equilibrium residual life, density (1 - F(x)) / mean). Starting the initial population from
   * this distribution makes churn stationary from the first minute instead of beginning with a
   * wave of departures. Models with an infinite mean fall back to a fresh session.
   */
  double residualSeconds(SplittableRandom random);

  /** Mean session length, seconds (may be infinite). */
  double meanSeconds();

  /** Median session length, seconds. */
  double medianSeconds();

  /** The spec string this model was parsed from, normalised. */
  String describe();

  /** The model with no churn: nodes stay for ever. */
  ChurnModel NONE = new ChurnModel() {
    @Override
    public double sessionSeconds(SplittableRandom random) {
      return Double.POSITIVE_INFINITY;
    }

    @Override
    public double residualSeconds(SplittableRandom random) {
      return Double.POSITIVE_INFINITY;
    }

    @Override
    public double meanSeconds() {
      return Double.POSITIVE_INFINITY;
    }

    @Override
    public double medianSeconds() {
      return Double.POSITIVE_INFINITY;
    }

    @Override
    public String describe() {
      return "none";
    }
  };
}
