package net.switchboard.signaling.contact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import org.junit.jupiter.api.Test;

/** Pins the exact bytes of the contact record plaintext and of the namespace-2 envelope. */
class ContactGoldenBytesTest {
  private static final HexFormat HEX = HexFormat.of();

  static ContactRecord record() {
    byte[] route = new byte[32];
    for (int i = 0; i < route.length; i++) {
      route[i] = (byte) i;
    }
    return new ContactRecord(
        new Reachability(List.of(Id256.of(route)),
            List.of(new DirectEndpoint("203.0.113.7", 4000), new DirectEndpoint("bücher.example", 65535)),
            EnumSet.of(ContactTransport.OVERLAY, ContactTransport.PEERJS),
            EnumSet.of(MediaCapability.AUDIO, MediaCapability.DATA)),
        0x0102030405060708L, 1_700_000_000_000L);
  }

  static final String RECORD =
      "01" + "0102030405060708" + "0000018bcfe56800" + "09" + "05" + "01"
          + "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
          + "02" + "0b" + "3230332e302e3131332e37" + "0fa0" + "0f" + "62c3bc636865722e6578616d706c65" + "ffff";

  @Test
  void aRecordEncodesToThePinnedBytes() {
    assertEquals(RECORD, HEX.formatHex(ContactRecordCodec.encode(record())));
  }

  @Test
  void thePinnedRecordBytesDecodeToTheRecord() throws Exception {
    assertEquals(record(), ContactRecordCodec.decode(HEX.parseHex(RECORD)));
  }

  static final String ENVELOPE =
      "7e0520d7c6cc06048204b09fc7a1319ac6617efd6f3438d6a66ac8e9d230cee6" + "0000000000000009" + "0000018bcfe56800"
          + "0006" + "c0ffee00aa55"
          + "8950c563f324a5cc523700d1636d5326e099d0533aeb2f94953cd2db9f29db37"
          + "9021c5aa838bd567729fbc6b01022fcd241ee71165a06cbd1eb63bd1a93d180b";

  @Test
  void anEnvelopeSealsToThePinnedBytes() {
    Identity id = ContactFixtures.identity(7);
    ContactKeys keys = ContactKeys.derive(id.publicKey(), 480_000, ContactFixtures.PERIODS);
    DhtRecord rec = ContactEnvelope.seal(keys, id, 9, 1_700_000_000_000L, HEX.parseHex("c0ffee00aa55"));
    assertEquals(ENVELOPE, HEX.formatHex(rec.value()));
  }

  @Test
  void thePinnedEnvelopeParsesIntoItsFields() throws Exception {
    byte[] value = HEX.parseHex(ENVELOPE);
    ContactEnvelope.Parts p = ContactEnvelope.parse(value);
    assertArrayEquals(java.util.Arrays.copyOf(value, 32), p.blindedPublicKey());
    assertEquals(9, p.seq());
    assertEquals(1_700_000_000_000L, p.expiresAtMillis());
    assertArrayEquals(HEX.parseHex("c0ffee00aa55"), p.ciphertext());
    assertArrayEquals(java.util.Arrays.copyOfRange(value, value.length - 64, value.length), p.signature());
    Identity id = ContactFixtures.identity(7);
    ContactKeys keys = ContactKeys.derive(id.publicKey(), 480_000, ContactFixtures.PERIODS);
    assertEquals(true, ContactEnvelope.signatureValid(keys.storageKey(), p));
  }
}
