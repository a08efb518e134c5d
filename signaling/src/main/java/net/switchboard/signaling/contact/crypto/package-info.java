/**
 * Symmetric and Diffie-Hellman building blocks for contact records: HKDF-SHA256, AES-256-GCM, and
 * X25519 keys derived from Ed25519 identities. Thin wrappers over BouncyCastle's lightweight API.
 */
package net.switchboard.signaling.contact.crypto;
