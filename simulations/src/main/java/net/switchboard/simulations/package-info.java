/**
 * The churn simulator: runs the production {@code dht} classes on a virtual network and a virtual
 * clock, with nodes joining and leaving by a churn model, and reports whether records survive.
 *
 * <p>Entry point: {@link net.switchboard.simulations.SimulateCommand}. Layers, bottom up: {@code
 * engine} (event queue, clock, per-node schedulers), {@code network} (latency space, loss,
 * partitions), {@code churn} (session-length models and traces), {@code scenario} (population,
 * workload, sampling) and {@code report} (summary, CSV, plots, HTML).
 */
package net.switchboard.simulations;
