package net.switchboard.signaling.directory;

import net.switchboard.signaling.contact.ContactRecord;

/**
 * A verified, decrypted contact record and where it was found.
 *
 * @param publicKey the identity it belongs to
 * @param record the decrypted record
 * @param period the blinding period of the record that was opened
 * @param hops lookup depth (0: held by the resolving node)
 * @param rpcs lookup requests sent
 */
public record ResolvedContact(byte[] publicKey, ContactRecord record, long period, int hops, int rpcs) {}
