/**
 * Calls in the running node and {@code switchboard call}: the signaling {@code CallManager} wired
 * to the overlay, direct and PeerJS transports, the webrtc-java media engine, and call policy from
 * the node's allow and block lists.
 */
package net.switchboard.overlay.calls;

