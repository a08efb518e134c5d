package net.switchboard.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.switchboard.dht.identity.Ed25519Keys;
import net.switchboard.dht.identity.Identity;
import net.switchboard.signaling.contact.crypto.X25519Keys;
import org.junit.jupiter.api.Test;

/** The per-peer cache gives exactly what the per-message derivations give. */
class PeerKeysTest {
  private final SplittableRandom random = new SplittableRandom(5);

  @Test
  void x25519MatchesTheDirectConversionAndIsKept() {
    PeerKeys peers = new PeerKeys(4);
    for (int i = 0; i < 10; i++) {
      byte[] pk = Identity.generate(random).publicKey();
      assertArrayEquals(X25519Keys.publicKeyFromEd25519(pk), peers.x25519(pk));
      assertArrayEquals(X25519Keys.publicKeyFromEd25519(pk), peers.x25519(pk));
    }
    assertEquals(4, peers.size(), "bounded");
  }

  @Test
  void anUnusableKeyIsRefusedLikeTheDirectConversion() {
    PeerKeys peers = new PeerKeys();
    byte[] neutral = new byte[32];
    neutral[0] = 1; // y = 1: the neutral point
    assertThrows(IllegalArgumentException.class, () -> X25519Keys.publicKeyFromEd25519(neutral));
    assertThrows(IllegalArgumentException.class, () -> peers.x25519(neutral));
    assertThrows(IllegalArgumentException.class, () -> peers.x25519(neutral), "not cached as valid");
    assertThrows(IllegalArgumentException.class, () -> peers.x25519(new byte[31]));
  }

  @Test
  void verifyAgreesWithVerificationFromBytes() {
    PeerKeys peers = new PeerKeys();
    for (int i = 0; i < 20; i++) {
      Identity id = Identity.generate(random);
      byte[] message = new byte[1 + random.nextInt(200)];
      random.nextBytes(message);
      byte[] sig = id.sign(message);
      assertTrue(peers.verify(id.publicKey(), sig, message));
      assertTrue(peers.verify(id.publicKey(), sig, message), "again, from the kept point");
      byte[] other = message.clone();
      other[0] ^= 1;
      assertFalse(peers.verify(id.publicKey(), sig, other));
      byte[] badSig = sig.clone();
      badSig[40] ^= 1;
      assertEquals(Ed25519Keys.verify(id.publicKey(), badSig, message), peers.verify(id.publicKey(), badSig, message));
    }
  }

  @Test
  void malformedAndSmallOrderKeysNeverVerify() {
    PeerKeys peers = new PeerKeys();
    byte[] message = {1, 2, 3};
    byte[] sig = Identity.generate(random).sign(message);
    byte[] neutral = new byte[32];
    neutral[0] = 1;
    byte[] nonCanonical = new byte[32];
    java.util.Arrays.fill(nonCanonical, (byte) 0xFF);
    nonCanonical[31] = 0x7F; // y = 2^255 - 1 >= p
    for (byte[] key : new byte[][] {neutral, nonCanonical, new byte[32]}) {
      assertEquals(Ed25519Keys.verify(key, sig, message), peers.verify(key, sig, message));
      assertFalse(peers.verify(key, sig, message));
    }
    for (int i = 0; i < 200; i++) { // random encodings: about half are not points at all
      byte[] key = new byte[32];
      random.nextBytes(key);
      assertEquals(Ed25519Keys.verify(key, sig, message), peers.verify(key, sig, message));
    }
    assertFalse(peers.verify(new byte[31], sig, message));
    assertFalse(peers.verify(neutral, new byte[63], message));
  }

  @Test
  void envelopesSealedAndOpenedWithTheCacheAreTheSameFormat() throws Exception {
    Identity alice = Identity.generate(random);
    Identity bob = Identity.generate(random);
    PeerKeys alicePeers = new PeerKeys();
    byte[] body = {7, 7, 7};
    byte[] env = SignalingEnvelope.seal(alice, bob.publicKey(), 1_000, SignalingEnvelope.newMessageId(random), body,
        random, alicePeers);
    byte[] secret = X25519Keys.secretKeyFromEd25519(bob.secretKey());
    assertArrayEquals(body, SignalingEnvelope.open(bob, secret, env).body(), "opens without the cache");
    EnvelopeOpener cached = new EnvelopeOpener(bob, new ReplayGuard(1L << 40, 1L << 40, 16), new PeerKeys());
    assertArrayEquals(body, cached.open(env, 1_000).body());
    byte[] plain = SignalingEnvelope.seal(alice, bob.publicKey(), 1_001, SignalingEnvelope.newMessageId(random), body,
        random);
    assertArrayEquals(body, cached.open(plain, 1_001).body(), "and the cache opens envelopes sealed without it");
    byte[] tampered = plain.clone();
    tampered[tampered.length - 1] ^= 1;
    assertThrows(EnvelopeRejectedException.class, () -> cached.open(tampered, 1_001));
  }
}
