/**
 * The browser gateway: a Vert.x Web server that serves the web app and a WebSocket API, lets a
 * browser prove its Ed25519 identity by signing a challenge, publishes the contact records the
 * browser signed itself, and bridges the browser's end-to-end encrypted signaling envelopes into
 * the overlay (and back). It never holds a browser's private key and never reads or alters what a
 * browser signs: see browser-gateway/README.md for the protocol.
 */
package net.switchboard.gateway;
