package net.switchboard.signaling.contact.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import net.switchboard.signaling.contact.AccessList;
import net.switchboard.signaling.contact.ContactKeys;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.blind.Edwards25519;
import org.junit.jupiter.api.Test;

/** One strict rule for identity keys: proper keys pass; small- and mixed-order keys fail everywhere. */
class StrictPublicKeysTest {
  /** A point of order 8 (from the list of edwards25519's small-order points). */
  static final byte[] ORDER_8 = HexFormat.of().parseHex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05");

  /** A proper key plus a torsion point: on the curve, not small order, not prime order. */
  static byte[] mixedOrder(byte[] properKey) {
    return Edwards25519.decode(properKey).add(Edwards25519.decode(ORDER_8)).encode();
  }

  @Test
  void properKeysPassAndSmallAndMixedOrderKeysFailInEveryUse() {
    byte[] pk = Identity.generate(new SplittableRandom(4)).publicKey();
    byte[] mixed = mixedOrder(pk);
    assertTrue(StrictPublicKeys.valid(pk));
    assertFalse(Edwards25519.decode(mixed).isSmallOrder(), "the test key is mixed, not small, order");
    assertFalse(StrictPublicKeys.valid(mixed));
    assertFalse(StrictPublicKeys.valid(ORDER_8));
    assertFalse(StrictPublicKeys.valid(new byte[31]));
    // the same answer where contact records and allow lists take keys
    ContactKeys.derive(pk, 1, ContactPeriods.defaults());
    assertThrows(IllegalArgumentException.class, () -> ContactKeys.derive(mixed, 1, ContactPeriods.defaults()));
    assertThrows(IllegalArgumentException.class, () -> AccessList.of(List.of(mixed)));
    assertThrows(IllegalArgumentException.class, () -> StrictPublicKeys.require(mixed, "the key"));
  }
}
