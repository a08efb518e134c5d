package net.switchboard.signaling.contact;

import static net.switchboard.signaling.contact.ContactFixtures.MID_PERIOD;
import static net.switchboard.signaling.contact.ContactFixtures.PERIODS;
import static net.switchboard.signaling.contact.ContactFixtures.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.signaling.contact.ContactResolveException.Kind;
import net.switchboard.signaling.contact.crypto.Aead;
import org.junit.jupiter.api.Test;

/** DESIGN "Contact records" property 3: the reachability part is readable only by the allow list. */
class RestrictedModeTest {
  private final Identity alice = ContactFixtures.identity(1);
  private final Identity bob = ContactFixtures.identity(2);
  private final Identity carol = ContactFixtures.identity(3);
  private final Identity mallory = ContactFixtures.identity(4);
  private final Id256 gateway = Id256.of(new byte[] {
      9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
  private final ContactResolver resolver = new ContactResolver(PERIODS);

  private DhtRecord restrictedRecord(List<Identity> allowed) {
    ContactPublisher pub = ContactFixtures.publisher(alice, 7);
    pub.update(new Reachability(List.of(gateway, alice.nodeId()), List.of(new DirectEndpoint("198.51.100.7", 4444)),
        EnumSet.of(ContactTransport.GATEWAY, ContactTransport.OVERLAY), EnumSet.of(MediaCapability.AUDIO)));
    List<byte[]> keys = new ArrayList<>();
    for (Identity id : allowed) {
      keys.add(id.publicKey());
    }
    pub.restrictTo(AccessList.of(keys));
    return pub.recordsToPublish(MID_PERIOD).get(0);
  }

  @Test
  void anAllowedContactDecryptsTheRoutes() throws Exception {
    DhtRecord record = restrictedRecord(List.of(bob, carol));
    for (Identity reader : List.of(bob, carol)) {
      ContactRecord r = resolver.open(alice.publicKey(), record, MID_PERIOD, Optional.of(reader));
      assertEquals(List.of(gateway, alice.nodeId()), r.reachability().routes());
      assertEquals(List.of(new DirectEndpoint("198.51.100.7", 4444)), r.reachability().endpoints());
      assertEquals(record.seq(), r.seq());
    }
  }

  @Test
  void aResolverNotOnTheListCannotReadTheRoutes() throws Exception {
    DhtRecord record = restrictedRecord(List.of(bob, carol));
    ContactResolveException asMallory = assertThrows(ContactResolveException.class,
        () -> resolver.open(alice.publicKey(), record, MID_PERIOD, Optional.of(mallory)));
    assertEquals(Kind.NOT_ALLOWED, asMallory.kind());
    ContactResolveException anonymous = assertThrows(ContactResolveException.class,
        () -> resolver.open(alice.publicKey(), record, MID_PERIOD, Optional.empty()));
    assertEquals(Kind.NOT_ALLOWED, anonymous.kind());
    // the publisher herself is not on her own list either
    assertEquals(Kind.NOT_ALLOWED, assertThrows(ContactResolveException.class,
        () -> resolver.open(alice.publicKey(), record, MID_PERIOD, Optional.of(alice))).kind());
  }

  @Test
  void theOuterLayerAloneRevealsNoRouteEndpointOrCapability() throws Exception {
    DhtRecord record = restrictedRecord(List.of(bob));
    // decrypt only what a resolver who knows alice's identity key can decrypt
    ContactKeys keys = ContactKeys.derive(alice.publicKey(), PERIODS.periodAt(MID_PERIOD), PERIODS);
    ContactEnvelope.Parts parts = ContactEnvelope.parse(record.value());
    byte[] ct = parts.ciphertext();
    byte[] outer = Aead.open(keys.payloadKey(), java.util.Arrays.copyOf(ct, 12),
        java.nio.ByteBuffer.allocate(30 + 48).put("switchboard/v1/contact-payload".getBytes())
            .put(parts.blindedPublicKey()).putLong(parts.seq()).putLong(parts.expiresAtMillis()).array(),
        ct, 12, ct.length - 12);
    assertEquals(PayloadCipher.MODE_RESTRICTED, outer[0]);
    assertFalse(contains(outer, gateway.toBytes()));
    assertFalse(contains(outer, alice.nodeId().toBytes()));
    assertFalse(contains(outer, "198.51.100.7".getBytes()));
    assertFalse(contains(outer, bob.publicKey()), "the allow list is not visible either");
  }

  @Test
  void slotsArePaddedSoTheListSizeIsHidden() {
    int one = restrictedRecord(List.of(bob)).value().length;
    int three = restrictedRecord(List.of(bob, carol, mallory)).value().length;
    assertEquals(one, three, "1 and 3 allowed contacts both take 4 slots");
  }

  @Test
  void manyContactsEachFindTheirOwnSlot() throws Exception {
    List<Identity> allowed = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(5);
    for (int i = 0; i < 30; i++) {
      allowed.add(Identity.generate(random));
    }
    DhtRecord record = restrictedRecord(allowed);
    assertTrue(record.value().length <= ContactEnvelope.MAX_VALUE_BYTES);
    for (Identity reader : allowed) {
      assertEquals(List.of(gateway, alice.nodeId()),
          resolver.open(alice.publicKey(), record, MID_PERIOD, Optional.of(reader)).reachability().routes());
    }
  }

  @Test
  void goingBackToOpenModeLetsAnyoneWhoKnowsTheKeyRead() throws Exception {
    ContactPublisher pub = ContactFixtures.publisher(alice, 8);
    pub.restrictTo(AccessList.of(List.of(bob.publicKey())));
    pub.recordsToPublish(MID_PERIOD);
    pub.openToAll();
    DhtRecord open = pub.recordsToPublish(MID_PERIOD + 1).get(0);
    assertEquals(List.of(alice.nodeId()),
        resolver.open(alice.publicKey(), open, MID_PERIOD + 1, Optional.of(mallory)).reachability().routes());
  }

  @Test
  void anAllowListRefusesKeysThatAreNotValidIdentities() {
    byte[] neutral = new byte[32];
    neutral[0] = 1; // the neutral point (0, 1): small order, would give an all-zero X25519 secret
    assertThrows(IllegalArgumentException.class, () -> AccessList.of(List.of(neutral)));
    assertThrows(IllegalArgumentException.class, () -> AccessList.of(List.of(new byte[31])));
    assertThrows(IllegalArgumentException.class,
        () -> ContactKeys.derive(neutral, 1, PERIODS), "nor can such a key publish or be resolved");
  }
}
