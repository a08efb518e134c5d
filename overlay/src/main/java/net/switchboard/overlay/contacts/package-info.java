/**
 * The node's contact record and contact book: publishing (at start, on change, before expiry),
 * the holder audit, resolving for {@code switchboard resolve}, and the atomically written
 * {@code contacts.json} allow list.
 */
package net.switchboard.overlay.contacts;
