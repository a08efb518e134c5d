package net.switchboard.dht.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.RecordRejectedException.Reason;
import org.junit.jupiter.api.Test;

/** Namespace 1: what a storage node accepts, and the reason it gives for what it refuses. */
class SignedRecordValidatorTest {
  private static final long NOW = 1_700_000_000_000L;
  private static final long HOUR = 3_600_000L;
  private static final long MAX_LIFETIME = 50 * HOUR;
  private static final HexFormat HEX = HexFormat.of();
  private final SignedRecordValidator validator = new SignedRecordValidator(MAX_LIFETIME);
  private final SplittableRandom random = new SplittableRandom(8);
  private final Identity publisher = Identity.generate(random);

  private DhtRecord create(long seq, long expiresAt, byte[] data) {
    return SignedRecord.create(publisher, seq, expiresAt, data);
  }

  private Reason refusal(Id256 key, byte[] value) {
    return assertThrows(RecordRejectedException.class, () -> validator.validate(key, value, NOW)).reason();
  }

  private static byte[] flip(byte[] value, int index) {
    byte[] v = value.clone();
    v[index] ^= 0x01;
    return v;
  }

  @Test
  void aValidRecordYieldsItsSeqAndExpiry() throws RecordRejectedException {
    DhtRecord r = create(7, NOW + HOUR, SignedRecord.text("hello"));
    assertEquals(new RecordMeta(7, NOW + HOUR), validator.validate(r.key(), r.value(), NOW));
    assertEquals(SignedRecord.keyOf(publisher.publicKey()), r.key());
    assertArrayEquals(SignedRecord.text("hello"), SignedRecord.data(r.value()));
  }

  /** Pinned layout and signature (RFC 8032 TEST 1 key), reproduced independently; see docs/wire-format.md. */
  @Test
  void theLayoutIsPinnedByAGoldenVector() throws RecordRejectedException {
    Identity b = Identity.fromSecretKey(HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
    DhtRecord r = SignedRecord.create(b, 1, 1_700_003_600_000L, SignedRecord.text("hello"));
    assertEquals("21fe31dfa154a261626bf854046fd2271b7bed4b6abe45aa58877ef47f9721b9", r.key().toHex());
    assertEquals("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
        + "0000000000000001" + "0000018bd01c5680" + "0005" + "68656c6c6f"
        + "085bd2a8e7814979d881bae2da774445ba056a684e7ae8f26c264d12651366bf"
        + "74eb012fe9bc283df0dae2f986b2c4b8e1543b77a6ef7f2d7efdcc2f3080e605", HEX.formatHex(r.value()));
    assertEquals(new RecordMeta(1, 1_700_003_600_000L), validator.validate(r.key(), r.value(), NOW));
  }

  @Test
  void aForgedSignatureIsRefused() {
    DhtRecord r = create(7, NOW + HOUR, SignedRecord.text("hello"));
    byte[] v = r.value();
    assertEquals(Reason.BAD_SIGNATURE, refusal(r.key(), flip(v, v.length - 1)), "signature bit");
    assertEquals(Reason.BAD_SIGNATURE, refusal(r.key(), flip(v, 50)), "data bit");
    assertEquals(Reason.BAD_SIGNATURE, refusal(r.key(), flip(v, 39)), "seq bit");
    assertEquals(Reason.BAD_SIGNATURE, refusal(r.key(), flip(v, 47)), "expiry bit");
  }

  @Test
  void anotherKeysSignatureUnderThePublishersKeyIsRefused() {
    Identity mallory = Identity.generate(random);
    DhtRecord forged = SignedRecord.create(mallory, 99, NOW + HOUR, SignedRecord.text("evil"));
    byte[] v = forged.value().clone();
    System.arraycopy(publisher.publicKey(), 0, v, 0, 32); // claim the publisher's key, keep mallory's signature
    assertEquals(Reason.BAD_SIGNATURE, refusal(SignedRecord.keyOf(publisher.publicKey()), v));
  }

  @Test
  void aSignatureWithoutTheDomainStringIsRefused() {
    Id256 key = SignedRecord.keyOf(publisher.publicKey());
    byte[] data = SignedRecord.text("hi");
    ByteBuffer signed = ByteBuffer.allocate(32 + 16 + data.length);
    signed.put(key.toBytes()).putLong(1).putLong(NOW + HOUR).put(data);
    byte[] sig = publisher.sign(signed.array());
    ByteBuffer v = ByteBuffer.allocate(SignedRecord.OVERHEAD + data.length);
    v.put(publisher.publicKey()).putLong(1).putLong(NOW + HOUR).putShort((short) data.length).put(data).put(sig);
    assertEquals(Reason.BAD_SIGNATURE, refusal(key, v.array()));
  }

  @Test
  void aRecordUnderAKeyOtherThanTheHashOfItsPublicKeyIsRefused() {
    DhtRecord r = create(7, NOW + HOUR, SignedRecord.text("hello"));
    Id256 otherKey = Identity.generate(random).nodeId();
    assertEquals(Reason.WRONG_KEY, refusal(otherKey, r.value()));
  }

  @Test
  void anExpiredRecordIsRefused() {
    DhtRecord atNow = create(1, NOW, SignedRecord.text("x"));
    assertEquals(Reason.EXPIRED, refusal(atNow.key(), atNow.value()), "expiring now is expired");
    DhtRecord past = create(1, NOW - HOUR, SignedRecord.text("x"));
    assertEquals(Reason.EXPIRED, refusal(past.key(), past.value()));
  }

  @Test
  void anExpiryBeyondTheMaximumLifetimeIsRefused() throws RecordRejectedException {
    DhtRecord tooFar = create(1, NOW + MAX_LIFETIME + 1, SignedRecord.text("x"));
    assertEquals(Reason.TOO_FAR_FUTURE, refusal(tooFar.key(), tooFar.value()));
    DhtRecord atLimit = create(1, NOW + MAX_LIFETIME, SignedRecord.text("x"));
    validator.validate(atLimit.key(), atLimit.value(), NOW);
    DhtRecord farthest = create(1, Long.MAX_VALUE, SignedRecord.text("x"));
    assertEquals(Reason.TOO_FAR_FUTURE, refusal(farthest.key(), farthest.value()));
  }

  @Test
  void aValueOverTheSizeLimitIsRefused() {
    DhtRecord max = create(1, NOW + HOUR, new byte[SignedRecord.MAX_DATA_BYTES]);
    byte[] over = Arrays.copyOf(max.value(), max.value().length + 1);
    assertEquals(Reason.OVERSIZE, refusal(max.key(), over));
    assertThrows(IllegalArgumentException.class, () -> create(1, NOW + HOUR, new byte[SignedRecord.MAX_DATA_BYTES + 1]));
  }

  @Test
  void malformedValuesAreRefused() {
    DhtRecord r = create(1, NOW + HOUR, SignedRecord.text("hello"));
    assertEquals(Reason.MALFORMED, refusal(r.key(), new byte[0]));
    assertEquals(Reason.MALFORMED, refusal(r.key(), Arrays.copyOf(r.value(), SignedRecord.OVERHEAD - 1)));
    assertEquals(Reason.MALFORMED, refusal(r.key(), Arrays.copyOf(r.value(), r.value().length - 1)), "length field disagrees");
    byte[] longer = Arrays.copyOf(r.value(), r.value().length + 1);
    assertEquals(Reason.MALFORMED, refusal(r.key(), longer));
    DhtRecord negative = create(-1, NOW + HOUR, SignedRecord.text("x"));
    assertEquals(Reason.MALFORMED, refusal(negative.key(), negative.value()), "negative seq");
  }

  @Test
  void truncatingAValidValueAnywhereIsRefusedWithoutAnyOtherException() {
    DhtRecord r = create(3, NOW + HOUR, "some data".getBytes(StandardCharsets.UTF_8));
    for (int len = 0; len < r.value().length; len++) {
      byte[] cut = Arrays.copyOf(r.value(), len);
      assertThrows(RecordRejectedException.class, () -> validator.validate(r.key(), cut, NOW));
    }
  }

  @Test
  void aNamespaceWithoutValidatorIsRefused() {
    Validators validators = new Validators(List.of(validator));
    DhtRecord r = create(1, NOW + HOUR, SignedRecord.text("x"));
    RecordRejectedException e = assertThrows(RecordRejectedException.class,
        () -> validators.validate((byte) 2, r.key(), r.value(), NOW));
    assertEquals(Reason.UNKNOWN_NAMESPACE, e.reason());
    assertThrows(IllegalArgumentException.class, () -> new Validators(List.of(validator, validator)));
  }

  @Test
  void validatorsFillInSeqAndExpiry() throws RecordRejectedException {
    DhtRecord r = create(12, NOW + HOUR, SignedRecord.text("x"));
    DhtRecord checked = new Validators(List.of(validator)).validate(SignedRecord.NAMESPACE, r.key(), r.value(), NOW);
    assertEquals(12, checked.seq());
    assertEquals(NOW + HOUR, checked.expiresAtMillis());
    assertEquals(r, checked);
  }

  @Test
  void aNonPositiveLifetimeIsRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SignedRecordValidator(0));
    assertTrue(e.getMessage().contains("got 0"), e.getMessage());
  }
}
