/**
 * How signaling envelopes travel: the {@link net.switchboard.signaling.transport.SignalingTransport}
 * SPI, {@link net.switchboard.signaling.transport.TransportSelector} (per contact, from the
 * transports its record lists, in the order overlay, direct, peerjs, gateway, with fallback), the
 * routed {@link net.switchboard.signaling.transport.OverlayTransport}. The in-memory
 * {@code LoopbackNetwork} the call tests use lives in this module's test sources.
 * Transports carry opaque envelopes: encryption and signatures are end-to-end (package {@code
 * e2e}), so a transport never needs to be trusted with content.
 */
package net.switchboard.signaling.transport;
