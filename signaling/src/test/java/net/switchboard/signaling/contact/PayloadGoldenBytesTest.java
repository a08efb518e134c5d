package net.switchboard.signaling.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import org.junit.jupiter.api.Test;

/** Pins the encrypted payload's bytes in open and restricted mode (seeded randomness). */
class PayloadGoldenBytesTest {
  private static final HexFormat HEX = HexFormat.of();
  private final Identity alice = ContactFixtures.identity(7);
  private final ContactKeys keys = ContactKeys.derive(alice.publicKey(), 480_000, ContactFixtures.PERIODS);

  static final String OPEN =
      "5ac389a30c3b0363f83697931b5ebf89c1b2e519d2f3a674b1aebe3ead255451f2839170bae15d44dd6d90c8ab9d8212"
          + "d522784496fea352c4282542aba86849743ff4f6895b1db1591795e841c71b502bdf2abb578b81c9b3533dc6db2691df"
          + "9a161f56d512eb292a7662fec9d0d91c51bc";
  static final String RESTRICTED =
      "d6e53283f9c7b5ef2163dae95bc2bff8e4aa369b97651039f1972c6b65498d74998e084164d91adf725f49b8194d2c72"
          + "226b7c6280e6547232a2115f273ceb833b130c5423854f6b0654fe65ab8b5021bb0dd3f117b5f5e6b8a422e06607a53f"
          + "5bbaadca71e9db8decd49c69685258b82b9f0366beb3150ba7bb58fb257b376d4e39526c2ee8e227b635cd7b0b9703d3"
          + "2d656f3e2926712bbaf209987cfc1a87ebba95b933d6df0ade98cef6a2dc82a469edaf2cc74d88dc615a310462559b13"
          + "cb4a3472baf4d0f099cf472fa8272e2bca7f30bd7f086e2fb2217648182d8717569d2a73e0440f2372fc25900f4bff32"
          + "1a179d8ab8379f86177e33800756e1aa800df8714b1db64461afd31761c72f35c98827f44ba8f45257aa4447180c037e"
          + "0329c9d02bc9e06db94b68205e4c49ee352401c67a45b1354ea4b0a3f4393aa9a9146c";

  @Test
  void anOpenPayloadSealsToThePinnedBytes() throws Exception {
    byte[] ct = PayloadCipher.seal(keys, ContactGoldenBytesTest.record(), null, new SplittableRandom(5));
    assertEquals(OPEN, HEX.formatHex(ct));
  }

  @Test
  void aRestrictedPayloadSealsToThePinnedBytes() throws Exception {
    AccessList access = AccessList.of(List.of(ContactFixtures.identity(8).publicKey()));
    byte[] ct = PayloadCipher.seal(keys, ContactGoldenBytesTest.record(), access, new SplittableRandom(5));
    assertEquals(RESTRICTED, HEX.formatHex(ct));
  }

  @Test
  void thePinnedPayloadsOpenToTheRecord() throws Exception {
    assertEquals(ContactGoldenBytesTest.record(), PayloadCipher.open(keys, parts(OPEN), null));
    assertEquals(ContactGoldenBytesTest.record(), PayloadCipher.open(keys, parts(RESTRICTED), ContactFixtures.identity(8)));
  }

  private ContactEnvelope.Parts parts(String hex) {
    ContactRecord r = ContactGoldenBytesTest.record();
    return new ContactEnvelope.Parts(keys.blindedPublicKey(), r.seq(), r.expiresAtMillis(), HEX.parseHex(hex), new byte[64]);
  }
}
