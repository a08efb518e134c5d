/**
 * A churn scenario: the population of production {@link net.switchboard.dht.DhtNode}s joining and
 * leaving by a churn model ({@link net.switchboard.simulations.scenario.Population}), the workload
 * of published and resolved records ({@link net.switchboard.simulations.scenario.Workload}), the
 * periodic measurements ({@link net.switchboard.simulations.scenario.Sampler}) and the run that
 * ties them together ({@link net.switchboard.simulations.scenario.ChurnSimulation}).
 */
package net.switchboard.simulations.scenario;
