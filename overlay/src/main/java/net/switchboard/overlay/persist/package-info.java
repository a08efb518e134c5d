/**
 * The node's data directory: its identity key ({@link net.switchboard.overlay.persist.KeyFile},
 * PKCS#8 PEM, mode 0600, optionally passphrase-encrypted) and the routing-table snapshot used for a
 * warm restart ({@link net.switchboard.overlay.persist.RoutingSnapshot}). Every file is replaced
 * atomically ({@link net.switchboard.overlay.persist.AtomicFiles}), so a crash leaves either the
 * old or the new content, never half of one.
 */
package net.switchboard.overlay.persist;
