package net.switchboard.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import net.switchboard.signaling.contact.crypto.X25519Keys;
import org.junit.jupiter.api.Test;

class SignalingEnvelopeTest {
  private static final long NOW = 1_700_000_000_000L;
  private final SplittableRandom random = new SplittableRandom(1);
  private final Identity alice = Identity.generate(new SplittableRandom(2));
  private final Identity bob = Identity.generate(new SplittableRandom(3));
  private final Identity mallory = Identity.generate(new SplittableRandom(4));
  private final byte[] body = "v=0\r\na=fingerprint:sha-256 AB:CD\r\n".getBytes(StandardCharsets.UTF_8);

  private byte[] sealToBob() {
    return SignalingEnvelope.seal(alice, bob.publicKey(), NOW, SignalingEnvelope.newMessageId(random), body, random);
  }

  private static OpenedEnvelope open(Identity who, byte[] env) throws EnvelopeRejectedException {
    return SignalingEnvelope.open(who, X25519Keys.secretKeyFromEd25519(who.secretKey()), env);
  }

  private static EnvelopeRejectedException.Reason reasonOf(Identity who, byte[] env) {
    return assertThrows(EnvelopeRejectedException.class, () -> open(who, env)).reason();
  }

  @Test
  void theRecipientOpensWhatTheSenderSealedAndLearnsWhoSignedIt() throws Exception {
    byte[] env = sealToBob();
    OpenedEnvelope o = open(bob, env);
    assertArrayEquals(body, o.body());
    assertArrayEquals(alice.publicKey(), o.senderKey());
    assertEquals(alice.nodeId(), o.senderId());
    assertEquals(NOW, o.timestampMillis());
    assertEquals(body.length + SignalingEnvelope.OVERHEAD_BYTES, env.length);
    assertEquals(bob.nodeId(), SignalingEnvelope.recipientId(env));
  }

  @Test
  void anyoneElseIsToldItIsNotForThem() {
    assertEquals(EnvelopeRejectedException.Reason.NOT_FOR_US, reasonOf(mallory, sealToBob()));
  }

  @Test
  void flippingAnyBitAfterTheRecipientIdIsDetected() {
    byte[] env = sealToBob();
    for (int i = 0; i < env.length; i++) {
      if (i >= 2 && i < 34) {
        continue; // the recipient id: flipping it makes the envelope "not for us", also refused
      }
      byte[] bad = env.clone();
      bad[i] ^= 0x04;
      EnvelopeRejectedException.Reason r = reasonOf(bob, bad);
      assertTrue(r == EnvelopeRejectedException.Reason.FORGED || r == EnvelopeRejectedException.Reason.MALFORMED,
          "byte " + i + ": " + r);
    }
  }

  @Test
  void truncatedOrForeignBytesAreMalformed() {
    byte[] env = sealToBob();
    assertEquals(EnvelopeRejectedException.Reason.MALFORMED, reasonOf(bob, java.util.Arrays.copyOf(env, 100)));
    byte[] v2 = env.clone();
    v2[0] = 2;
    assertEquals(EnvelopeRejectedException.Reason.MALFORMED, reasonOf(bob, v2));
  }

  @Test
  void aSenderKeyThatDidNotSignIsRefused() {
    // mallory claims to be alice but can only sign with her own key
    byte[] env = SignalingEnvelope.seal(alice.publicKey(), mallory::sign, bob.publicKey(), NOW,
        SignalingEnvelope.newMessageId(random), body, random);
    assertEquals(EnvelopeRejectedException.Reason.FORGED, reasonOf(bob, env));
  }

  @Test
  void aSignatureMadeForOneRecipientDoesNotVerifyForAnother() {
    // bob cannot pass alice's signed message on to carol as if alice had written to carol
    Identity carol = Identity.generate(new SplittableRandom(5));
    byte[][] sigForBob = new byte[1][];
    SignalingEnvelope.seal(alice.publicKey(), m -> sigForBob[0] = alice.sign(m), bob.publicKey(), NOW,
        SignalingEnvelope.newMessageId(random), body, random);
    byte[] env = SignalingEnvelope.seal(alice.publicKey(), m -> sigForBob[0], carol.publicKey(), NOW,
        SignalingEnvelope.newMessageId(random), body, random);
    assertEquals(EnvelopeRejectedException.Reason.FORGED, reasonOf(carol, env));
  }

  @Test
  void theWireShowsNeitherTheBodyNorTheSenderKey() {
    byte[] env = sealToBob();
    String s = new String(env, StandardCharsets.ISO_8859_1);
    assertTrue(!s.contains("fingerprint") && !s.contains("AB:CD"));
    for (int i = 0; i + 32 <= env.length; i++) {
      assertTrue(!java.util.Arrays.equals(env, i, i + 32, alice.publicKey(), 0, 32), "sender key in clear at " + i);
    }
  }

  @Test
  void twoSealsOfTheSameBodyDiffer() {
    byte[] id = SignalingEnvelope.newMessageId(random);
    byte[] a = SignalingEnvelope.seal(alice, bob.publicKey(), NOW, id, body, random);
    byte[] b = SignalingEnvelope.seal(alice, bob.publicKey(), NOW, id, body, random);
    assertTrue(!java.util.Arrays.equals(a, b), "fresh ephemeral key each time");
  }

  @Test
  void oversizeBodiesAndBadIdsAreRefusedAtSealTime() {
    assertThrows(IllegalArgumentException.class, () -> SignalingEnvelope.seal(alice, bob.publicKey(), NOW,
        SignalingEnvelope.newMessageId(random), new byte[SignalingEnvelope.MAX_BODY_BYTES + 1], random));
    assertThrows(IllegalArgumentException.class,
        () -> SignalingEnvelope.seal(alice, bob.publicKey(), NOW, new byte[3], body, random));
    byte[] max = SignalingEnvelope.seal(alice, bob.publicKey(), NOW, SignalingEnvelope.newMessageId(random),
        new byte[SignalingEnvelope.MAX_BODY_BYTES], random);
    assertEquals(SignalingEnvelope.MAX_ENVELOPE_BYTES, max.length);
  }
}
