package net.switchboard.signaling.contact;

import static net.switchboard.signaling.contact.ContactFixtures.MID_PERIOD;
import static net.switchboard.signaling.contact.ContactFixtures.PERIODS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.RecordMeta;
import net.switchboard.signaling.contact.ContactResolveException.Kind;
import org.junit.jupiter.api.Test;

/** Each way a resolve can fail gives its own error kind. */
class ContactResolverTest {
  private final Identity alice = ContactFixtures.identity(1);
  private final Identity bob = ContactFixtures.identity(2);
  private final ContactResolver resolver = new ContactResolver(PERIODS);
  private final ContactPublisher pub = ContactFixtures.publisher(alice, 3);

  /** {@link ContactResolver#open} or {@link ContactResolver#openFromDht}. */
  private interface Opener {
    ContactRecord open(byte[] identity, DhtRecord record, long now, Optional<Identity> self)
        throws ContactResolveException;
  }

  private static Kind failureOf(Opener opener, byte[] identity, DhtRecord record, long now) {
    try {
      opener.open(identity, record, now, Optional.empty());
    } catch (ContactResolveException e) {
      return e.kind();
    }
    return fail("opened a record that should have been refused");
  }

  private Kind failure(byte[] identity, DhtRecord record, long now) {
    return failureOf(resolver::open, identity, record, now);
  }

  @Test
  void theStorageKeyToLookUpIsTheOneThePublisherUses() {
    DhtRecord record = pub.recordsToPublish(MID_PERIOD).get(0);
    assertEquals(List.of(new ContactResolver.LookupKey(record.key(), PERIODS.periodAt(MID_PERIOD))),
        resolver.lookupKeys(alice.publicKey(), MID_PERIOD));
    assertEquals(List.of(record.key()), pub.storageKeys(MID_PERIOD));
  }

  @Test
  void anotherIdentitysRecordIsWrongIdentity() {
    DhtRecord bobs = ContactFixtures.publisher(bob, 4).recordsToPublish(MID_PERIOD).get(0);
    assertEquals(Kind.WRONG_IDENTITY, failure(alice.publicKey(), bobs, MID_PERIOD));
  }

  @Test
  void aRecordOfAFarPeriodIsWrongIdentity() {
    DhtRecord old = pub.recordsToPublish(MID_PERIOD - 5 * ContactFixtures.HOUR).get(0);
    assertEquals(Kind.WRONG_IDENTITY, failure(alice.publicKey(), old, MID_PERIOD));
  }

  @Test
  void tamperingIsForged() {
    DhtRecord r = pub.recordsToPublish(MID_PERIOD).get(0);
    DhtRecord tampered = new DhtRecord(r.namespace(), r.key(), ContactFixtures.flip(r.value(), 80),
        new RecordMeta(r.seq(), r.expiresAtMillis()));
    assertEquals(Kind.FORGED, failure(alice.publicKey(), tampered, MID_PERIOD));
    DhtRecord truncated = new DhtRecord(r.namespace(), r.key(), java.util.Arrays.copyOf(r.value(), 60),
        new RecordMeta(r.seq(), r.expiresAtMillis()));
    assertEquals(Kind.FORGED, failure(alice.publicKey(), truncated, MID_PERIOD));
  }

  @Test
  void aValidlySignedRecordWhosePayloadIsNotEncryptedUnderTheIdentityKeyIsForged() {
    // only the identity can sign, so this stands for a publisher bug: a signature alone is not enough
    ContactKeys keys = ContactKeys.derive(alice.publicKey(), PERIODS.periodAt(MID_PERIOD), PERIODS);
    DhtRecord garbage = ContactEnvelope.seal(keys, alice, 1, MID_PERIOD + 60_000, new byte[64]);
    assertEquals(Kind.FORGED, failure(alice.publicKey(), garbage, MID_PERIOD));
  }

  @Test
  void openingARecordTheDhtValidatedStillChecksIdentityPeriodExpiryAndPayload() throws Exception {
    // openFromDht skips only the signature the DHT validator checked; every other check remains
    DhtRecord r = pub.recordsToPublish(MID_PERIOD).get(0);
    assertEquals(resolver.open(alice.publicKey(), r, MID_PERIOD, Optional.empty()),
        resolver.openFromDht(alice.publicKey(), r, MID_PERIOD, Optional.empty()));
    DhtRecord bobs = ContactFixtures.publisher(bob, 4).recordsToPublish(MID_PERIOD).get(0);
    DhtRecord old = pub.recordsToPublish(MID_PERIOD - 5 * ContactFixtures.HOUR).get(0);
    DhtRecord tampered = new DhtRecord(r.namespace(), r.key(), ContactFixtures.flip(r.value(), 80),
        new RecordMeta(r.seq(), r.expiresAtMillis()));
    assertEquals(Kind.WRONG_IDENTITY, failureFromDht(alice.publicKey(), bobs, MID_PERIOD));
    assertEquals(Kind.WRONG_IDENTITY, failureFromDht(alice.publicKey(), old, MID_PERIOD));
    assertEquals(Kind.FORGED, failureFromDht(alice.publicKey(), tampered, MID_PERIOD));
    assertEquals(Kind.EXPIRED, failureFromDht(alice.publicKey(), r, r.expiresAtMillis()));
  }

  private Kind failureFromDht(byte[] identity, DhtRecord record, long now) {
    return failureOf(resolver::openFromDht, identity, record, now);
  }

  @Test
  void anExpiredAuthenticRecordIsExpired() {
    DhtRecord r = pub.recordsToPublish(MID_PERIOD).get(0);
    assertEquals(Kind.EXPIRED, failure(alice.publicKey(), r, r.expiresAtMillis()));
  }

  @Test
  void openBestPicksTheHighestSeqAndReportsNotFoundForNothing() throws Exception {
    DhtRecord older = pub.recordsToPublish(MID_PERIOD).get(0);
    pub.update(new Reachability(List.of(bob.nodeId()), List.of(), java.util.EnumSet.of(ContactTransport.OVERLAY),
        java.util.EnumSet.of(MediaCapability.DATA)));
    DhtRecord newer = pub.recordsToPublish(MID_PERIOD + 1).get(0);
    ContactRecord best = resolver.openBest(alice.publicKey(), List.of(older, newer), MID_PERIOD + 2, Optional.empty());
    assertEquals(newer.seq(), best.seq());
    assertEquals(List.of(bob.nodeId()), best.reachability().routes());
    assertEquals(Kind.NOT_FOUND, assertThrows(ContactResolveException.class,
        () -> resolver.openBest(alice.publicKey(), List.of(), MID_PERIOD, Optional.empty())).kind());
    assertEquals(Kind.EXPIRED, assertThrows(ContactResolveException.class,
        () -> resolver.openBest(alice.publicKey(), List.of(older, newer), newer.expiresAtMillis() + 1, Optional.empty()))
        .kind());
  }

  @Test
  void fuzzedRecordsNeverThrowAnythingButContactResolveException() {
    DhtRecord r = pub.recordsToPublish(MID_PERIOD).get(0);
    SplittableRandom random = new SplittableRandom(31);
    for (int round = 0; round < 2_000; round++) {
      byte[] value = ContactRecordCodecTest.mutate(r.value(), random);
      DhtRecord mutated = new DhtRecord(r.namespace(), r.key(), value, new RecordMeta(0, 0));
      try {
        resolver.open(alice.publicKey(), mutated, MID_PERIOD, Optional.of(bob));
      } catch (ContactResolveException expected) {
        // refused cleanly
      } catch (Throwable t) {
        fail("round " + round + " threw " + t, t);
      }
    }
  }
}
