package net.switchboard.dht.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Identities: Ed25519 keys, node id = SHA-256(public key), signatures. */
class IdentityTest {
  private static final HexFormat HEX = HexFormat.of();
  // RFC 8032 section 7.1, TEST 1 (empty message)
  private static final byte[] SECRET = HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final byte[] PUBLIC = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  private static final String SIGNATURE_OF_EMPTY = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
      + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

  @Test
  void keysAndSignaturesMatchRfc8032() {
    Identity id = Identity.fromSecretKey(SECRET);
    assertArrayEquals(PUBLIC, id.publicKey());
    assertEquals(SIGNATURE_OF_EMPTY, HEX.formatHex(id.sign(new byte[0])));
  }

  @Test
  void theNodeIdIsTheSha256OfThePublicKey() throws Exception {
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 20; i++) {
      Identity id = Identity.generate(r);
      byte[] expected = MessageDigest.getInstance("SHA-256").digest(id.publicKey());
      assertTrue(id.nodeId().sameBytes(expected));
      assertEquals(id.nodeId(), Identity.nodeIdOf(id.publicKey()));
    }
    assertEquals("21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9",
        Identity.fromSecretKey(SECRET).nodeId().toHex());
  }

  @Test
  void aSignatureVerifiesOnlyForItsMessageAndKey() {
    SplittableRandom r = new SplittableRandom(4);
    Identity alice = Identity.generate(r);
    Identity bob = Identity.generate(r);
    byte[] msg = "call me".getBytes(StandardCharsets.UTF_8);
    byte[] sig = alice.sign(msg);
    assertTrue(Ed25519Keys.verify(alice.publicKey(), sig, msg));
    assertFalse(Ed25519Keys.verify(bob.publicKey(), sig, msg), "another key");
    assertFalse(Ed25519Keys.verify(alice.publicKey(), sig, "call me!".getBytes(StandardCharsets.UTF_8)), "another message");
    for (int bit = 0; bit < 512; bit += 37) {
      byte[] bad = sig.clone();
      bad[bit / 8] ^= (byte) (1 << (bit % 8));
      assertFalse(Ed25519Keys.verify(alice.publicKey(), bad, msg), "flipped signature bit " + bit);
    }
  }

  @Test
  void signingARangeEqualsSigningThoseBytes() {
    Identity id = Identity.generate(new SplittableRandom(5));
    byte[] framed = "xxhelloyy".getBytes(StandardCharsets.US_ASCII);
    assertArrayEquals(id.sign("hello".getBytes(StandardCharsets.US_ASCII)), id.sign(framed, 2, 5));
  }

  @Test
  void verificationOfMalformedKeysOrSignaturesReturnsFalseInsteadOfThrowing() {
    byte[] msg = {1, 2, 3};
    Identity id = Identity.generate(new SplittableRandom(6));
    assertFalse(Ed25519Keys.verify(new byte[31], new byte[64], msg));
    assertFalse(Ed25519Keys.verify(id.publicKey(), new byte[63], msg));
    byte[] allOnes = new byte[32];
    java.util.Arrays.fill(allOnes, (byte) 0xFF);
    assertFalse(Ed25519Keys.verify(allOnes, id.sign(msg), msg));
  }

  @Test
  void aSeedGivesTheSameIdentityEveryTime() {
    assertEquals(Identity.generate(new SplittableRandom(9)).nodeId(), Identity.generate(new SplittableRandom(9)).nodeId());
    assertNotEquals(Identity.generate(new SplittableRandom(9)).nodeId(), Identity.generate(new SplittableRandom(10)).nodeId());
  }

  @Test
  void theSecretKeyRestoresTheSameIdentity() {
    Identity id = Identity.generate(new SplittableRandom(11));
    Identity restored = Identity.fromSecretKey(id.secretKey());
    assertEquals(id.nodeId(), restored.nodeId());
    assertEquals(id.printed(), restored.printed());
  }

  @Test
  void secretKeysOfTheWrongLengthAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Identity.fromSecretKey(new byte[31]));
    assertTrue(e.getMessage().contains("31"), e.getMessage());
  }
}
