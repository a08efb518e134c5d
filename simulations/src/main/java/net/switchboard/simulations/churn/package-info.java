/**
 * Churn: how long nodes stay. {@link net.switchboard.simulations.churn.ChurnModel}s draw session
 * lengths (exponential, Weibull, Pareto, none) and, for nodes already up when the run starts, the
 * remaining session of a node in steady state; {@link net.switchboard.simulations.churn.ChurnTrace}
 * replays recorded sessions. {@link net.switchboard.simulations.churn.ChurnSpec} parses the
 * command-line spellings.
 */
package net.switchboard.simulations.churn;
