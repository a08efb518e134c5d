package net.switchboard.signaling.contact.blind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Known-answer tests from draft-irtf-cfrg-signature-key-blinding, section "Ed25519 Test Vectors". */
class KeyBlindingTest {
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest(name = "draft vector {index}")
  @CsvSource({
    // skS, pkS, bk, pkR, context, signature (message is "hello world" in every vector)
    "d142b3b1d532b0a516353a0746a6d43a86cee8efaf6b14ae85c2199072f47d93,"
        + "cd875d3f46a8e8742cf4a6a9f9645d4153a394a5a0a8028c9041cd455d093cd5,"
        + "bb58c768d9b16571f553efd48207e64391e16439b79fe9409e70b38040c81302,"
        + "666443ce8f03fa09240db73a584efad5462ffe346b14fd78fb666b25db29902f,"
        + "'',"
        + "5458111c708ce05cb0a1608b08dc649937dc22cf1da045eb866f2face50be930"
        + "e79b44d57e5215a82ac227bdccccca52bfe509b96efe8e723cb42b5f14be5f0e",
    "aa69e9cb50abf39b05ebc823242c4fd13ccadd0dadc1b45f6fcbf7be4f30db5d,"
        + "5c9a9e271f204c931646aa079e2e66f0783ab3d29946eff37bd3b569e9c8e009,"
        + "0000000000000000000000000000000000000000000000000000000000000000,"
        + "23eb5eccb9448ee8403c36595ccfd5edd7257ae70da69aa22282a0a7cd97e443,"
        + "'',"
        + "4e9f3ad2b14cf2f9bbf4b88a8832358a568bd69368b471dfabac594e8a8b33ab"
        + "54978ecf902560ed754f011186c4c4dda65d158b96c1e6b99a8e150a26e51e03",
    "d1e5a0f806eb3c491566cef6d2d195e6bbf0a54c9de0e291a7ced050c63ea91c,"
        + "8b37c949d39cddf4d2a0fc0da781ea7f85c7bfbdfeb94a3c9ecb5e8a3c24d65f,"
        + "05b235297dff87c492835d562c6e03c0f36b9c306f2dcb3b5038c2744d4e8a70,"
        + "019b0a06107e01361facdad39ec16a9647c86c0086bc38825eb664b97d9c514d,"
        + "d6bbaa0646f5617d3cbd1e22ef05e714d1ec7812efff793999667648b2cc54bc,"
        + "f54214acb3c695c46b1e7aa2da947273cb19ec33d8215dde0f43a8f7250febb5"
        + "08f4a5007e3c96be6402074ec843d40358a281ff969c66c1724016208650dd09",
    "89e3e3acef6a6c2d9b7c062199bf996f9ae96b662c73e2b445636f9f22d5012e,"
        + "3f667a2305a8baf328a1d8e9ed726f278229607d28fb32d9933da7379947ac44,"
        + "0000000000000000000000000000000000000000000000000000000000000000,"
        + "90a543dd29c6e6cd08ef85c43618f2d314139db5baed802383cf674310294e40,"
        + "802def4d21c7c7d0fa4b48af5e85f8ebfc4119a04117c14d961567eaef2859f2,"
        + "ce305a0f40a3270a84d2d9403617cdb89b7b4edf779b4de27f9acaadf171684b"
        + "162e752c95f17b16aaca7c2662e69ba9696bdd230a107ecab973886e8d5bf00e",
  })
  void matchesTheDraftVectors(String skS, String pkS, String bk, String pkR, String ctx, String sig) {
    byte[] sk = HEX.parseHex(skS);
    byte[] blind = HEX.parseHex(bk);
    byte[] context = HEX.parseHex(ctx);
    byte[] message = "hello world".getBytes(StandardCharsets.US_ASCII);

    byte[] pk = new byte[32];
    Ed25519.generatePublicKey(sk, 0, pk, 0);
    assertArrayEquals(HEX.parseHex(pkS), pk, "pkS");
    assertArrayEquals(HEX.parseHex(pkR), KeyBlinding.blindPublicKey(pk, blind, context), "BlindPublicKey");
    byte[] signature = KeyBlinding.blindKeySign(sk, blind, context, message);
    assertArrayEquals(HEX.parseHex(sig), signature, "BlindKeySign");
    assertTrue(Ed25519.verify(signature, 0, HEX.parseHex(pkR), 0, message, 0, message.length), "standard verify");
    assertFalse(Ed25519.verify(signature, 0, pk, 0, message, 0, message.length), "must not verify unblinded");
    assertArrayEquals(pk, KeyBlinding.unblindPublicKey(HEX.parseHex(pkR), blind, context), "UnblindPublicKey");
  }

  @Test
  void pointArithmeticAgreesWithBouncyCastleOnRandomKeys() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 8; i++) {
      byte[] sk = new byte[32];
      random.nextBytes(sk);
      byte[] pk = new byte[32];
      Ed25519.generatePublicKey(sk, 0, pk, 0);
      assertArrayEquals(pk, Edwards25519.decode(pk).encode(), "decode/encode round trip");
      byte[] bk = new byte[32];
      random.nextBytes(bk);
      byte[] ctx = {(byte) i};
      byte[] blinded = KeyBlinding.blindPublicKey(pk, bk, ctx);
      byte[] msg = new byte[i * 13];
      random.nextBytes(msg);
      byte[] sig = KeyBlinding.blindKeySign(sk, bk, ctx, msg);
      assertTrue(Ed25519.verify(sig, 0, blinded, 0, msg, 0, msg.length));
    }
  }

  @Test
  void scalarMultiplicationMatchesBouncyCastleKeyGeneration() throws Exception {
    SplittableRandom random = new SplittableRandom(11);
    for (int i = 0; i < 16; i++) {
      byte[] seed = new byte[32];
      random.nextBytes(seed);
      byte[] h = java.security.MessageDigest.getInstance("SHA-512").digest(seed);
      h[0] &= (byte) 0xF8;
      h[31] &= 0x7F;
      h[31] |= 0x40;
      byte[] expected = new byte[32];
      Ed25519.generatePublicKey(seed, 0, expected, 0);
      java.math.BigInteger a = Edwards25519.fromLittleEndian(java.util.Arrays.copyOf(h, 32));
      assertArrayEquals(expected, Edwards25519.BASE.multiply(a).encode(), "a*B for seed " + i);
      // doubling and addition agree: (a+1)*B == a*B + B
      assertTrue(Edwards25519.BASE.multiply(a.add(java.math.BigInteger.ONE))
          .sameAs(Edwards25519.BASE.multiply(a).add(Edwards25519.BASE)));
    }
    assertTrue(Edwards25519.BASE.multiply(Edwards25519.L).sameAs(Edwards25519.IDENTITY), "B has order L");
  }

  @Test
  void invalidPointsAreRefusedWithIllegalArgument() {
    byte[] notOnCurve = new byte[32];
    notOnCurve[0] = 2; // y = 2 has no x on edwards25519
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Edwards25519.decode(notOnCurve));
    byte[] unreduced = new byte[32];
    java.util.Arrays.fill(unreduced, (byte) 0xFF);
    unreduced[31] = 0x7F;
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Edwards25519.decode(unreduced));
  }
}
