/**
 * Ed25519 key blinding (draft-irtf-cfrg-signature-key-blinding, Ed25519 variant) and the minimal
 * edwards25519 point arithmetic it needs. Pure functions of their inputs; verification of blinded
 * signatures uses BouncyCastle's standard Ed25519 verifier.
 */
package net.switchboard.signaling.contact.blind;
