/**
 * Contact records: how to reach a person, published in the DHT so that only someone who knows the
 * person's identity public key can find and read it.
 *
 * <p>Publish with {@link net.switchboard.signaling.contact.ContactPublisher}, check on storage
 * nodes with {@link net.switchboard.signaling.contact.ContactRecordValidator} (DHT namespace 2),
 * resolve with {@link net.switchboard.signaling.contact.ContactResolver}. Records are stored under
 * SHA-256 of a per-period blinded key ({@link net.switchboard.signaling.contact.ContactKeys}),
 * signed by it ({@link net.switchboard.signaling.contact.ContactEnvelope}) and encrypted under a
 * key derived from the identity key and period; restricted mode also wraps the reachability part
 * to an {@link net.switchboard.signaling.contact.AccessList}. Pure: no clock, threads or I/O.
 */
package net.switchboard.signaling.contact;

import net.switchboard.dht.routing.Contact;
