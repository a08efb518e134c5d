/**
 * Signaling transports with real I/O, implementing the signaling module's {@code
 * SignalingTransport} SPI: {@link net.switchboard.overlay.transport.DirectTransport} (envelope
 * straight to a node's TCP endpoint) and {@link net.switchboard.overlay.transport.PeerJsTransport}
 * (a client of an existing PeerJS server).
 */
package net.switchboard.overlay.transport;

