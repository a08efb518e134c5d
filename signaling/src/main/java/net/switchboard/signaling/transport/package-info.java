/**
 * How signaling envelopes travel: the {@link net.switchboard.signaling.transport.SignalingTransport}
 * SPI, {@link net.switchboard.signaling.transport.TransportSelector} (per contact, from the
 * transports its record lists, in the order overlay, direct, peerjs, gateway, with fallback), the
 * routed {@link net.switchboard.signaling.transport.OverlayTransport}, and an in-memory {@link
 * net.switchboard.signaling.transport.LoopbackNetwork} for tests and in-process benchmarks.
 * Transports carry opaque envelopes: encryption and signatures are end-to-end (package {@code
 * e2e}), so a transport never needs to be trusted with content.
 */
package net.switchboard.signaling.transport;
