/**
 * End-to-end protection of signaling payloads: every message routed between two identities is
 * encrypted to the recipient's identity key (ephemeral X25519, HKDF-SHA256, AES-256-GCM) and signed
 * by the sender's (Ed25519 over a domain-separated transcript), so relays, gateways and signaling
 * servers see only the recipient id and a size. {@link net.switchboard.signaling.e2e.ReplayGuard}
 * refuses a message seen before or outside the time window; {@link
 * net.switchboard.signaling.e2e.SdpFingerprints} reads the DTLS fingerprints the signature covers.
 * Pure: time and randomness are arguments.
 */
package net.switchboard.signaling.e2e;
