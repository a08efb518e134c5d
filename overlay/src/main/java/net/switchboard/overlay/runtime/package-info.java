/**
 * Production implementations of the DHT seams on Vert.x: {@link
 * net.switchboard.overlay.runtime.VertxScheduler} (timers on one event-loop context) and {@link
 * net.switchboard.overlay.runtime.VertxUdpTransport} (a UDP socket bound on the same context, so
 * datagrams, timers and tasks of one node all run on one thread). Many nodes can share one {@code
 * Vertx}: each gets its own context from {@link net.switchboard.overlay.runtime.NodeContexts}.
 */
package net.switchboard.overlay.runtime;
