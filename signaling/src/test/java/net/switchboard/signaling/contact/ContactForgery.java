package net.switchboard.signaling.contact;

import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;

/**
 * Test helper (same package as the record code, so it reaches the package-private sealing): a
 * record that storage nodes accept, correctly signed by the identity's blinded key, whose
 * ciphertext does not decrypt, as a buggy or malicious publisher could produce.
 */
public final class ContactForgery {
  private ContactForgery() {}

  public static DhtRecord undecryptable(Identity identity, ContactPeriods periods, long nowMillis, long ttlMillis) {
    ContactKeys keys = ContactKeys.derive(identity.publicKey(), periods.periodAt(nowMillis), periods);
    byte[] garbage = new byte[120];
    new java.util.SplittableRandom(1).nextBytes(garbage);
    return ContactEnvelope.seal(keys, identity, nowMillis, nowMillis + ttlMillis, garbage);
  }
}
