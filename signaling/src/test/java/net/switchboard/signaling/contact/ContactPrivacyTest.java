package net.switchboard.signaling.contact;

import static net.switchboard.signaling.contact.ContactFixtures.HOUR;
import static net.switchboard.signaling.contact.ContactFixtures.MID_PERIOD;
import static net.switchboard.signaling.contact.ContactFixtures.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import org.junit.jupiter.api.Test;

/**
 * DESIGN "Contact records" property 1: storage nodes cannot tell whose record they hold, nor link
 * a person's records across periods.
 */
class ContactPrivacyTest {
  private final Identity alice = ContactFixtures.identity(1);

  @Test
  void storedBytesContainNeitherThePublicKeyNorTheNodeIdNorThePrintedId() throws Exception {
    ContactFixtures.StorageNode node = new ContactFixtures.StorageNode(MID_PERIOD);
    ContactPublisher pub = ContactFixtures.publisher(alice, 2);
    for (int day = 0; day < 6; day++) { // several periods, boundary windows included
      node.now = MID_PERIOD + day * HOUR + (day % 2 == 0 ? 0 : 28 * ContactFixtures.MINUTE);
      for (DhtRecord r : pub.recordsToPublish(node.now)) {
        node.offer(r);
      }
    }
    List<byte[]> needles = List.of(
        alice.publicKey(),
        alice.nodeId().toBytes(),
        alice.printed().getBytes(StandardCharsets.US_ASCII),
        alice.printed().toUpperCase().getBytes(StandardCharsets.US_ASCII),
        alice.nodeId().toHex().getBytes(StandardCharsets.US_ASCII));
    List<byte[]> held = node.heldBytes();
    assertFalse(held.isEmpty());
    for (byte[] bytes : held) {
      for (byte[] needle : needles) {
        assertFalse(contains(bytes, needle), "stored bytes reveal the identity");
        // a 16-byte prefix is enough to identify someone: look for those too
        assertFalse(contains(bytes, java.util.Arrays.copyOf(needle, 16)), "stored bytes reveal an identity prefix");
      }
    }
  }

  @Test
  void storageKeysDifferPerPeriodAndFromEveryIdentityDerivedValue() {
    Set<Id256> keys = new HashSet<>();
    for (long p = 0; p < 30; p++) {
      ContactKeys k = ContactKeys.derive(alice.publicKey(), 480_000 + p, ContactFixtures.PERIODS);
      keys.add(k.storageKey());
      assertNotEquals(alice.nodeId(), k.storageKey());
      assertFalse(contains(k.blindedPublicKey(), java.util.Arrays.copyOf(alice.publicKey(), 8)));
    }
    assertEquals(30, keys.size(), "every period has its own storage key");
    // a different period length is a different key space as well
    ContactPeriods other = new ContactPeriods(2 * HOUR, 5 * ContactFixtures.MINUTE);
    assertNotEquals(
        ContactKeys.derive(alice.publicKey(), 480_000, ContactFixtures.PERIODS).storageKey(),
        ContactKeys.derive(alice.publicKey(), 480_000, other).storageKey());
  }

  @Test
  void recordsOfTwoPeriodsShareNoLinkingBytes() {
    ContactPublisher pub = ContactFixtures.publisher(alice, 3);
    byte[] today = pub.recordsToPublish(MID_PERIOD).get(0).value();
    byte[] tomorrow = pub.recordsToPublish(MID_PERIOD + HOUR).get(0).value();
    // no 8-byte window of one period's record appears in the next one's (seq, key, nonce, ciphertext)
    List<String> shared = new ArrayList<>();
    for (int i = 0; i + 8 <= today.length; i++) {
      if (contains(tomorrow, java.util.Arrays.copyOfRange(today, i, i + 8))) {
        shared.add("offset " + i);
      }
    }
    assertEquals(List.of(), shared, "bytes that would link the two periods' records");
  }

  @Test
  void onlyAResolverWhoKnowsTheIdentityKeyCanOpenTheRecord() throws Exception {
    DhtRecord record = ContactFixtures.publisher(alice, 4).recordsToPublish(MID_PERIOD).get(0);
    ContactResolver resolver = new ContactResolver(ContactFixtures.PERIODS);
    ContactRecord opened = resolver.open(alice.publicKey(), record, MID_PERIOD, Optional.empty());
    assertEquals(List.of(alice.nodeId()), opened.reachability().routes());
    // the route (alice's node id) is not visible in the stored bytes
    assertFalse(contains(record.value(), alice.nodeId().toBytes()));
    Identity bob = ContactFixtures.identity(5);
    ContactResolveException e = org.junit.jupiter.api.Assertions.assertThrows(ContactResolveException.class,
        () -> resolver.open(bob.publicKey(), record, MID_PERIOD, Optional.empty()));
    assertEquals(ContactResolveException.Kind.WRONG_IDENTITY, e.kind());
  }
}
