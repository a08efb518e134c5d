/**
 * Discrete-event engine: one queue of events ordered by (time, sequence), a virtual clock, and a
 * {@link net.switchboard.seam.Scheduler} view per node. Single-threaded and deterministic:
 * the same seed and code give the same run, event for event.
 */
package net.switchboard.netsim.engine;
