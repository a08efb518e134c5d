package net.switchboard.dht.wire;

import static net.switchboard.dht.wire.WireSamples.A;
import static net.switchboard.dht.wire.WireSamples.describe;
import static net.switchboard.dht.wire.WireSamples.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.switchboard.dht.rpc.IdProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The wire format: every message round-trips, golden vectors are pinned, bad input is refused. */
class WireCodecTest {

  /**
   * Pinned encodings of {@link WireSamples#golden()}. Checked by hand against the layout in
   * WireCodec and docs/wire-format.md; the id proof and its signature were also reproduced with an
   * independent Ed25519 implementation (Python cryptography). Never regenerate these: a change
   * here is a wire-format change.
   */
  static final Map<String, String> GOLDEN_HEX = new LinkedHashMap<>();

  static {
    GOLDEN_HEX.put("PING", "0101010123456789abcdef000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    GOLDEN_HEX.put("PONG with id proof", "0181020123456789abcdef"
        + "21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9"
        + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
        + "db999204048e7af531b8f5f314823c7d568df6319ff0819ccc7f63df33070224"
        + "935f978700f65d25f3ab75f71a9c5f3f3929ffbc053b013a24ace0a967761806"
        + "04c000020a1ce8");
    GOLDEN_HEX.put("PONG IPv6", "018100fedcba9876543210202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
        + "0620010db80000000000000000000000011ce8");
    GOLDEN_HEX.put("FIND_NODE", "0102000123456789abcdef000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
        + "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f");
    GOLDEN_HEX.put("NODES 0 contacts",
        "0182000123456789abcdef202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f00");
    GOLDEN_HEX.put("NODES 2 contacts", "0182000123456789abcdef202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
        + "02404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f04c000020a1ce8"
        + "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f0620010db8000000000000000000000002ffff");
    GOLDEN_HEX.put("FIND_VALUE", "0103000123456789abcdef000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
        + "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f01");
    GOLDEN_HEX.put("VALUE with record", "0183000123456789abcdef202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
        + "0101404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f0002686900");
    GOLDEN_HEX.put("VALUE without record", "0183000123456789abcdef202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
        + "0001606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f04c000020a1ce8");
    GOLDEN_HEX.put("STORE", "0104000123456789abcdef000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
        + "02404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f0003c0ffee");
    GOLDEN_HEX.put("STORE_ACK KEPT_NEWER",
        "0184000123456789abcdef202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f01");
    GOLDEN_HEX.put("HAS", "0105000123456789abcdef000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
        + "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f01");
    GOLDEN_HEX.put("HAS_REPLY -1",
        "0185000123456789abcdef202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3fffffffffffffffff");
    GOLDEN_HEX.put("ROUTE", "0106000123456789abcdef000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
        + "112233445566778800404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f080001"
        + "01000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f0003616263");
    GOLDEN_HEX.put("ROUTE_ACK ACCEPTED",
        "0186000123456789abcdef202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f00");
  }

  static Stream<Arguments> samples() {
    return WireSamples.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  static Stream<Arguments> golden() {
    return WireSamples.golden().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue(), GOLDEN_HEX.get(e.getKey())));
  }

  private static void assertMalformed(byte[] data, String expectedInMessage) {
    MalformedMessageException e = assertThrows(MalformedMessageException.class, () -> WireCodec.decode(data));
    assertTrue(e.getMessage().contains(expectedInMessage),
        "expected '" + expectedInMessage + "' in '" + e.getMessage() + "'");
  }

  private static void assertMalformed(byte[] data) {
    assertThrows(MalformedMessageException.class, () -> WireCodec.decode(data), () -> "accepted " + hex(data));
  }

  private static byte[] encode(Envelope m) {
    return WireCodec.encode(m);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  // ---- round trips ---------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyMessageDecodesToWhatWasEncoded(String name, Envelope message) throws Exception {
    byte[] bytes = encode(message);
    Envelope decoded = WireCodec.decode(bytes);
    assertEquals(describe(message), describe(decoded));
    assertArrayEquals(bytes, encode(decoded), "re-encoding gives the same bytes");
  }

  @Test
  void everyMessageTypeIsCoveredBySamplesAndGoldenVectors() {
    for (MessageType t : MessageType.values()) {
      assertTrue(WireSamples.all().values().stream().anyMatch(m -> m.type() == t), "no sample of " + t);
      assertTrue(WireSamples.golden().values().stream().anyMatch(m -> m.type() == t), "no golden vector of " + t);
    }
  }

  @Test
  void theHeaderIsFortyThreeBytesAndAProofAddsNinetySix() {
    assertEquals(WireCodec.HEADER_BYTES, encode(WireSamples.request(new Body.Ping())).length);
    assertEquals(43, WireCodec.HEADER_BYTES);
    Envelope proven = WireSamples.provenResponse(new Body.HasReply(1));
    assertEquals(43 + 32 + 64 + 8, encode(proven).length);
  }

  @Test
  void aDecodedProofStillVerifies() throws Exception {
    Envelope m = WireCodec.decode(encode(WireSamples.provenResponse(new Body.Pong(WireSamples.V4))));
    assertTrue(IdProof.verify(m.proof(), m.requestId(), A, m.sender()));
  }

  // ---- golden vectors ------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("golden")
  void goldenVectorEncodesToThePinnedBytes(String name, Envelope message, String pinned) {
    assertEquals(pinned, hex(encode(message)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("golden")
  void goldenVectorDecodesFromThePinnedBytes(String name, Envelope message, String pinned) throws Exception {
    assertEquals(describe(message), describe(WireCodec.decode(hex(pinned))));
  }

  @Test
  void docsListTheSameGoldenVectors() throws IOException {
    Path doc = Path.of("..", "docs", "wire-format.md");
    String text = Files.readString(doc).replaceAll("\\s+", "");
    for (Map.Entry<String, String> e : GOLDEN_HEX.entrySet()) {
      assertTrue(text.contains(e.getValue()), "docs/wire-format.md lacks the golden vector " + e.getKey());
    }
  }

  // ---- malformed input -----------------------------------------------------------------------

  @Test
  void emptyAndNullInputAreRefused() {
    assertMalformed(new byte[0], "header");
    assertMalformed(null, "header");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void everyTruncationOfAValidMessageIsRefused(String name, Envelope message) {
    byte[] bytes = encode(message);
    for (int len = 0; len < bytes.length; len++) {
      assertMalformed(Arrays.copyOf(bytes, len));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void trailingBytesAreRefused(String name, Envelope message) {
    assertMalformed(concat(encode(message), new byte[] {0}), "trailing");
  }

  @Test
  void datagramsOverEightKibibytesAreRefused() {
    byte[] header = encode(WireSamples.request(new Body.Ping()));
    assertMalformed(Arrays.copyOf(header, WireCodec.MAX_MESSAGE_BYTES + 1), "oversize");
    assertMalformed(Arrays.copyOf(header, 65_507), "oversize");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 2, 3, 0x81, 0xFF})
  void unknownVersionsAreRefused(int version) {
    byte[] b = encode(WireSamples.request(new Body.Ping()));
    b[0] = (byte) version;
    assertMalformed(b, "version");
  }

  @Test
  void everyUnknownTypeCodeIsRefused() {
    byte[] b = encode(WireSamples.request(new Body.Ping()));
    int refused = 0;
    for (int code = 0; code < 256; code++) {
      if (MessageType.ofCode(code) == null) {
        b[1] = (byte) code;
        assertMalformed(b.clone(), "type");
        refused++;
      }
    }
    assertEquals(256 - MessageType.values().length, refused);
  }

  @Test
  void theClientFlagRoundTripsOnARequestAndIsRefusedOnAResponse() throws Exception {
    Envelope req = new Envelope(7, WireSamples.request(new Body.Ping()).sender(), false, null, new Body.Ping(), true);
    byte[] b = encode(req);
    assertEquals(0x04, b[2]);
    assertEquals(true, WireCodec.decode(b).client());
    byte[] resp = encode(WireSamples.response(new Body.HasReply(1)));
    resp[2] = 0x04;
    assertMalformed(resp, "invalid on HAS_REPLY");
  }

  @Test
  void everyUnknownFlagBitIsRefused() {
    for (int bit = 3; bit < 8; bit++) {
      byte[] req = encode(WireSamples.request(new Body.Ping()));
      req[2] = (byte) (1 << bit);
      assertMalformed(req, "flags");
      byte[] resp = encode(WireSamples.response(new Body.HasReply(1)));
      resp[2] = (byte) (1 << bit);
      assertMalformed(resp, "flags");
    }
  }

  @Test
  void proveFlagOnAResponseIsRefused() {
    byte[] b = encode(WireSamples.response(new Body.HasReply(1)));
    b[2] = WireCodec.FLAG_PROVE_REQUESTED;
    assertMalformed(b, "invalid on HAS_REPLY");
  }

  @Test
  void proofFlagOnARequestIsRefused() {
    // a request carrying 96 proof bytes and the proof flag: the bytes are there, the flag is not allowed
    byte[] proven = encode(WireSamples.provenResponse(new Body.Pong(WireSamples.V4)));
    byte[] header = Arrays.copyOf(proven, WireCodec.HEADER_BYTES + 96);
    header[1] = (byte) MessageType.PING.code;
    assertMalformed(header, "invalid on PING");
  }

  @Test
  void moreThanThirtyTwoContactsAreRefused() {
    byte[] nodes = encode(WireSamples.response(new Body.Nodes(WireSamples.contacts(WireCodec.MAX_CONTACTS))));
    int countAt = WireCodec.HEADER_BYTES;
    assertEquals(32, nodes[countAt]);
    byte[] extra = encode(WireSamples.response(new Body.Nodes(WireSamples.contacts(1))));
    byte[] oneContact = Arrays.copyOfRange(extra, countAt + 1, extra.length);
    byte[] thirtyThree = concat(nodes, oneContact);
    thirtyThree[countAt] = 33;
    assertMalformed(thirtyThree, "33 contacts exceeds 32");
    nodes[countAt] = (byte) 0xFF;
    assertMalformed(nodes, "exceeds");
    assertThrows(IllegalArgumentException.class,
        () -> encode(WireSamples.response(new Body.Nodes(WireSamples.contacts(33)))));
  }

  @Test
  void recordValuesOverFourKibibytesAreRefused() {
    byte[] store = encode(WireSamples.request(new Body.Store(WireSamples.rawRecord(WireCodec.MAX_RECORD_VALUE_BYTES))));
    int lengthAt = WireCodec.HEADER_BYTES + 1 + 32;
    assertEquals(0x10, store[lengthAt]);
    assertEquals(0x00, store[lengthAt + 1]);
    byte[] over = concat(store, new byte[] {0});
    over[lengthAt + 1] = 0x01; // 4097, and 4097 bytes follow
    assertMalformed(over, "exceeds 4096");
    assertThrows(IllegalArgumentException.class,
        () -> encode(WireSamples.request(new Body.Store(WireSamples.rawRecord(4097)))));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5, 16, 0xFF})
  void unknownAddressFamiliesAreRefused(int family) {
    byte[] pong = encode(WireSamples.response(new Body.Pong(WireSamples.V4)));
    pong[WireCodec.HEADER_BYTES] = (byte) family;
    assertMalformed(pong, "address family");
  }

  @Test
  void anAddressFamilyThatDisagreesWithTheAddressLengthIsRefused() {
    byte[] v6as4 = encode(WireSamples.response(new Body.Pong(WireSamples.V6)));
    v6as4[WireCodec.HEADER_BYTES] = 4;
    assertMalformed(v6as4);
    byte[] v4as6 = encode(WireSamples.response(new Body.Pong(WireSamples.V4)));
    v4as6[WireCodec.HEADER_BYTES] = 6;
    assertMalformed(v4as6, "truncated");
  }

  @Test
  void portZeroIsRefusedInPongsAndContacts() {
    byte[] pong = encode(WireSamples.response(new Body.Pong(WireSamples.V4)));
    pong[pong.length - 2] = 0;
    pong[pong.length - 1] = 0;
    assertMalformed(pong, "port 0");
    byte[] nodes = encode(WireSamples.response(new Body.Nodes(WireSamples.contacts(1))));
    nodes[nodes.length - 2] = 0;
    nodes[nodes.length - 1] = 0;
    assertMalformed(nodes, "port 0");
  }

  @Test
  void aValueRecordFlagOtherThanZeroOrOneIsRefused() {
    byte[] value = encode(WireSamples.response(new Body.Value(null, List.of())));
    value[WireCodec.HEADER_BYTES] = 2;
    assertMalformed(value, "record flag");
  }

  @Test
  void unknownStatusAndKindCodesAreRefused() {
    byte[] ack = encode(WireSamples.response(new Body.StoreAck(Body.StoreStatus.STORED)));
    ack[ack.length - 1] = (byte) Body.StoreStatus.values().length;
    assertMalformed(ack, "store status");
    byte[] routeAck = encode(WireSamples.response(new Body.RouteAck(Body.RouteAckStatus.ACCEPTED)));
    routeAck[routeAck.length - 1] = (byte) Body.RouteAckStatus.values().length;
    assertMalformed(routeAck, "route ack status");
    byte[] route = encode(WireSamples.golden().get("ROUTE"));
    route[WireCodec.HEADER_BYTES + 8] = 3;
    assertMalformed(route, "route kind");
  }

  @Test
  void routeFragmentCountsAndPathLengthsOutOfRangeAreRefused() {
    int fragmentAt = WireCodec.HEADER_BYTES + 8 + 1 + 32 + 1;
    byte[] route = encode(WireSamples.golden().get("ROUTE"));
    for (int[] bad : new int[][] {{0, 0}, {1, 1}, {0, 17}, {16, 16}}) {
      byte[] b = route.clone();
      b[fragmentAt] = (byte) bad[0];
      b[fragmentAt + 1] = (byte) bad[1];
      assertMalformed(b, "bad fragment");
    }
    byte[] longPath = route.clone();
    longPath[fragmentAt + 2] = 17;
    assertMalformed(longPath, "route path of 17");
  }

  // ---- fuzz ----------------------------------------------------------------------------------

  /**
   * 200,000 seeded mutations of valid messages (bit flips, byte changes, truncations, insertions,
   * deletions, duplications, and plain random bytes): decode either refuses with
   * MalformedMessageException or returns a message that re-encodes to exactly the input (the
   * encoding is canonical). Anything else thrown is a bug.
   */
  @Test
  void decodingMutatedMessagesOnlyEverReturnsOrRefuses() {
    List<byte[]> seeds = new ArrayList<>();
    for (Envelope m : WireSamples.all().values()) {
      seeds.add(encode(m));
    }
    SplittableRandom r = new SplittableRandom(20240601);
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < 200_000; i++) {
      byte[] input = WireSamples.mutate(seeds.get(r.nextInt(seeds.size())), r);
      try {
        Envelope m = WireCodec.decode(input);
        accepted++;
        byte[] again = encode(m);
        if (!Arrays.equals(input, again)) {
          fail("accepted " + hex(input) + " but re-encodes as " + hex(again));
        }
      } catch (MalformedMessageException expected) {
        refused++;
      } catch (Throwable t) {
        fail("decode threw " + t + " on " + hex(input), t);
      }
    }
    assertTrue(accepted > 1_000 && refused > 100_000, "fuzz reached both paths: " + accepted + "/" + refused);
  }
}
