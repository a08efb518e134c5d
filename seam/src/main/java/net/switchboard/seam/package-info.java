/**
 * The seams through which the pure protocol core reaches time ({@link
 * net.switchboard.seam.Scheduler}) and the network ({@link net.switchboard.seam.Transport}).
 * Randomness comes in as a {@link java.util.random.RandomGenerator}. Production and the simulator
 * implement these; nothing else in {@code dht} touches clocks, threads or sockets.
 */
package net.switchboard.seam;
