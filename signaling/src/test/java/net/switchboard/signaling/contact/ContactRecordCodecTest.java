package net.switchboard.signaling.contact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Id256;
import org.junit.jupiter.api.Test;

class ContactRecordCodecTest {

  static ContactRecord sample(SplittableRandom random, int routes, int endpoints) {
    List<Id256> r = new ArrayList<>();
    for (int i = 0; i < routes; i++) {
      byte[] id = new byte[32];
      random.nextBytes(id);
      r.add(Id256.of(id));
    }
    List<DirectEndpoint> e = new ArrayList<>();
    for (int i = 0; i < endpoints; i++) {
      e.add(new DirectEndpoint(i % 2 == 0 ? "203.0.113." + i : "2001:db8::" + i, 4000 + i));
    }
    return new ContactRecord(
        new Reachability(r, e, EnumSet.of(ContactTransport.OVERLAY, ContactTransport.PEERJS),
            EnumSet.of(MediaCapability.AUDIO, MediaCapability.DATA)),
        random.nextLong(Long.MAX_VALUE), random.nextLong());
  }

  @Test
  void encodingRoundTripsEveryShape() throws Exception {
    SplittableRandom random = new SplittableRandom(1);
    for (int routes = 0; routes <= Reachability.MAX_ROUTES; routes += 4) {
      for (int endpoints = routes == 0 ? 1 : 0; endpoints <= Reachability.MAX_ENDPOINTS; endpoints += 2) {
        ContactRecord record = sample(random, routes, endpoints);
        byte[] bytes = ContactRecordCodec.encode(record);
        assertEquals(record, ContactRecordCodec.decode(bytes));
        assertTrue(bytes.length <= ContactRecordCodec.MAX_BYTES);
      }
    }
    ContactRecord unicode = new ContactRecord(
        new Reachability(List.of(), List.of(new DirectEndpoint("bücher.example", 65535)),
            EnumSet.allOf(ContactTransport.class), EnumSet.noneOf(MediaCapability.class)), 0, 0);
    assertEquals(unicode, ContactRecordCodec.decode(ContactRecordCodec.encode(unicode)));
  }

  @Test
  void defaultReachabilityIsOneRouteTheOverlayAndAllMedia() throws Exception {
    Id256 node = Id256.of(new byte[32]);
    ContactRecord r = new ContactRecord(Reachability.viaOwnNode(node), 5, 6);
    byte[] b = ContactRecordCodec.encode(r);
    assertEquals(1 + 16 + 1 + 1 + 1 + 32 + 1, b.length);
    assertArrayEquals(new byte[] {1}, new byte[] {b[0]}, "version byte first");
    assertEquals(r, ContactRecordCodec.decode(b));
  }

  @Test
  void truncatedTrailingOversizeAndOutOfRangeInputIsRefused() {
    byte[] good = ContactRecordCodec.encode(sample(new SplittableRandom(2), 2, 1));
    for (int n = 0; n < good.length; n++) {
      byte[] cut = java.util.Arrays.copyOf(good, n);
      assertThrows(MalformedContactRecordException.class, () -> ContactRecordCodec.decode(cut), "cut at " + n);
    }
    byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
    assertThrows(MalformedContactRecordException.class, () -> ContactRecordCodec.decode(trailing));
    byte[] oversize = new byte[ContactRecordCodec.MAX_BYTES + 1];
    System.arraycopy(good, 0, oversize, 0, good.length);
    assertThrows(MalformedContactRecordException.class, () -> ContactRecordCodec.decode(oversize));
    assertThrows(MalformedContactRecordException.class, () -> ContactRecordCodec.decode(null));

    byte[] version = good.clone();
    version[0] = 2;
    assertThrows(MalformedContactRecordException.class, () -> ContactRecordCodec.decode(version));
    byte[] negativeSeq = good.clone();
    negativeSeq[1] = (byte) 0x80;
    assertThrows(MalformedContactRecordException.class, () -> ContactRecordCodec.decode(negativeSeq));
    byte[] unknownTransport = good.clone();
    unknownTransport[17] |= 0x10;
    assertThrows(MalformedContactRecordException.class, () -> ContactRecordCodec.decode(unknownTransport));
    byte[] noTransport = good.clone();
    noTransport[17] = 0;
    assertThrows(MalformedContactRecordException.class, () -> ContactRecordCodec.decode(noTransport));
    byte[] unknownMedia = good.clone();
    unknownMedia[18] |= (byte) 0x80;
    assertThrows(MalformedContactRecordException.class, () -> ContactRecordCodec.decode(unknownMedia));
    byte[] tooManyRoutes = good.clone();
    tooManyRoutes[19] = 17;
    assertThrows(MalformedContactRecordException.class, () -> ContactRecordCodec.decode(tooManyRoutes));
  }

  @Test
  void fuzzedInputNeverThrowsAnythingButTheDeclaredException() {
    SplittableRandom random = new SplittableRandom(20260517);
    List<byte[]> seeds = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      seeds.add(ContactRecordCodec.encode(sample(random, random.nextInt(17), random.nextInt(9))));
    }
    int decoded = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] input = mutate(seeds.get(random.nextInt(seeds.size())), random);
      try {
        ContactRecord r = ContactRecordCodec.decode(input);
        assertArrayEquals(input, ContactRecordCodec.encode(r), "what decodes must re-encode to the same bytes");
        decoded++;
      } catch (MalformedContactRecordException expected) {
        // refused cleanly
      } catch (Throwable t) {
        fail("round " + round + " threw " + t, t);
      }
    }
    assertTrue(decoded > 0, "some mutations (e.g. flipped route bytes) stay valid");
  }

  static byte[] mutate(byte[] seed, SplittableRandom random) {
    byte[] b = seed.clone();
    switch (random.nextInt(5)) {
      case 0 -> { // flip a few bytes
        for (int i = random.nextInt(1, 4); i > 0; i--) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
      }
      case 1 -> b = java.util.Arrays.copyOf(b, random.nextInt(b.length)); // truncate
      case 2 -> { // extend with garbage
        b = java.util.Arrays.copyOf(b, b.length + random.nextInt(1, 3000));
        for (int i = seed.length; i < b.length; i++) {
          b[i] = (byte) random.nextInt(256);
        }
      }
      case 3 -> { // pure noise
        b = new byte[random.nextInt(0, 2200)];
        random.nextBytes(b);
        if (b.length > 0) {
          b[0] = 1;
        }
      }
      default -> { // set a count or length field to an extreme
        int[] fields = {0, 17, 18, 19, b.length - 1};
        int f = fields[random.nextInt(fields.length)];
        if (f >= 0 && f < b.length) {
          b[f] = (byte) (random.nextBoolean() ? 0xFF : 0);
        }
      }
    }
    return b;
  }
}
