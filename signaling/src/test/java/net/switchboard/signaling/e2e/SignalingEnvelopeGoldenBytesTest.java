package net.switchboard.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import net.switchboard.signaling.contact.crypto.X25519Keys;
import org.junit.jupiter.api.Test;

/** Pins the exact bytes of a sealed envelope (seeded randomness, deterministic signatures). */
class SignalingEnvelopeGoldenBytesTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final long NOW = 1_700_000_000_000L;
  private final Identity alice = Identity.generate(new SplittableRandom(2));
  private final Identity bob = Identity.generate(new SplittableRandom(3));
  private static final byte[] MESSAGE_ID = HEX.parseHex("000102030405060708090a0b0c0d0e0f");
  private static final byte[] BODY = HEX.parseHex("48656c6c6f");

  static final String ENVELOPE =
      "0101cdd081f254b35efe42f41a3bfa5ced0983a31f6dbc4b85d5971a594d765ebe4240e913b735c3f408e7c85ca9bfbb"
          + "5af8196911ea249fe96d4e96abafcbaa1d381151a274858d1cb06de924fede5349a4ec28c223ff3f165efeae215004bc"
          + "a74e836607d5d11bf07d8e576a2ff2279240c2caec7bbf232f833d3e30ecfe10ac23780943339da4dac7578500a6fd60"
          + "4670ef034f704d5e536c3f1b9f6fce7f8ae618d156a69f04dc31924afb85181a247387d12f588d4c8a21e797307c1f86"
          + "fed2e1caeb5c02347202ea2f4e0d43171dbadb6d7d4a843f7e9155548d3b3a";

  @Test
  void sealsToThePinnedBytes() {
    byte[] env = SignalingEnvelope.seal(alice, bob.publicKey(), NOW, MESSAGE_ID, BODY, new SplittableRandom(1));
    assertEquals(ENVELOPE, HEX.formatHex(env));
  }

  @Test
  void thePinnedBytesOpenToTheMessage() throws Exception {
    byte[] secret = X25519Keys.secretKeyFromEd25519(bob.secretKey());
    OpenedEnvelope o = SignalingEnvelope.open(bob, secret, HEX.parseHex(ENVELOPE));
    assertArrayEquals(BODY, o.body());
    assertArrayEquals(MESSAGE_ID, o.messageId());
    assertArrayEquals(alice.publicKey(), o.senderKey());
    assertEquals(NOW, o.timestampMillis());
  }
}
