package net.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.RecordMeta;
import net.switchboard.signaling.call.CallId;
import net.switchboard.signaling.call.CallMessage;
import net.switchboard.signaling.call.CallMessageCodec;
import net.switchboard.signaling.contact.ContactEnvelope;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.ContactPublisher;
import net.switchboard.signaling.contact.ContactRecord;
import net.switchboard.signaling.contact.ContactRecordValidator;
import net.switchboard.signaling.contact.ContactResolver;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.contact.blind.Edwards25519;
import net.switchboard.signaling.contact.crypto.StrictPublicKeys;
import net.switchboard.signaling.e2e.OpenedEnvelope;
import net.switchboard.signaling.e2e.SignalingEnvelope;
import net.switchboard.signaling.contact.crypto.X25519Keys;
import org.junit.jupiter.api.Test;

/**
 * The page's protocol code (src/main/web/src/core.js, run by Node with the same @noble libraries
 * the bundle contains) against the Java implementation: contact records the page blinds, encrypts
 * and signs are accepted by the namespace-2 validator and opened by ContactResolver; envelopes
 * cross both ways; records published by Java open in the page.
 */
class PageCryptoInteropTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final Base64.Decoder UNB64 = Base64.getDecoder();

  static JsonObject node(JsonObject command) throws IOException, InterruptedException {
    Path web = Path.of(System.getProperty("web.dir", "src/main/web"));
    Process p = new ProcessBuilder("node", "test/interop.mjs").directory(web.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().write(command.encode().getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return new JsonObject(out.trim());
  }

  @Test
  void pageMadeRecordIsValidAndOpensInJava() throws Exception {
    byte[] seed = new byte[32];
    new SecureRandom().nextBytes(seed);
    Identity page = Identity.fromSecretKey(seed);
    Identity javaNode = Identity.generate(new SecureRandom());
    Id256 gatewayRoute = Identity.generate(new SecureRandom()).nodeId();
    long now = System.currentTimeMillis();
    byte[] nonce = new byte[32];
    JsonObject r = node(new JsonObject().put("op", "make").put("seed", HEX.formatHex(seed))
        .put("route", gatewayRoute.toHex()).put("recipient", HEX.formatHex(javaNode.publicKey()))
        .put("plaintext", Base64.getEncoder().encodeToString("hello from the page".getBytes(StandardCharsets.UTF_8)))
        .put("now", now).put("nonce", HEX.formatHex(nonce)));
    assertEquals(page.printed(), r.getString("printed"));

    ContactResolver resolver = new ContactResolver(ContactPeriods.defaults());
    ContactRecordValidator validator = ContactRecordValidator.forPeriods(ContactPeriods.defaults());
    JsonObject rec = r.getJsonArray("records").getJsonObject(0);
    byte[] value = UNB64.decode(rec.getString("value"));
    Id256 key = Id256.fromHex(rec.getString("key"));
    validator.validate(key, value, now); // throws if a storage node would refuse it
    ContactEnvelope.Parts parts = ContactEnvelope.parse(value);
    DhtRecord dht = new DhtRecord(ContactEnvelope.NAMESPACE, key, value, new RecordMeta(parts.seq(), parts.expiresAtMillis()));
    assertEquals(resolver.lookupKeys(page.publicKey(), now).get(0).storageKey(), key);
    ContactRecord opened = resolver.open(page.publicKey(), dht, now, Optional.empty());
    assertEquals(List.of(gatewayRoute), opened.reachability().routes());
    assertEquals(Set.of(ContactTransport.GATEWAY), opened.reachability().transports());

    OpenedEnvelope env = SignalingEnvelope.open(javaNode, X25519Keys.secretKeyFromEd25519(javaNode.secretKey()),
        UNB64.decode(r.getString("envelope")));
    assertArrayEquals(page.publicKey(), env.senderKey());
    assertEquals("hello from the page", new String(env.body(), StandardCharsets.UTF_8));

    byte[] authSig = UNB64.decode(r.getString("auth"));
    assertTrue(net.switchboard.dht.identity.Ed25519Keys.verify(page.publicKey(), authSig,
        AuthChallenges.message(nonce, gatewayRoute, now)));
  }

  @Test
  void javaSealedRingOpensInThePageAndJavaRecordsResolveThere() throws Exception {
    byte[] seed = new byte[32];
    new SecureRandom().nextBytes(seed);
    Identity page = Identity.fromSecretKey(seed);
    Identity javaNode = Identity.generate(new SecureRandom());
    String sdp = "v=0\r\na=fingerprint:sha-256 " + "AB:".repeat(31) + "AB\r\n";
    CallMessage ring = new CallMessage.Ring(CallId.random(new SecureRandom()), sdp, Reachability.viaOwnNode(javaNode.nodeId()));
    byte[] body = CallMessageCodec.encode(ring);
    byte[] env = SignalingEnvelope.seal(javaNode, page.publicKey(), System.currentTimeMillis(),
        SignalingEnvelope.newMessageId(new SecureRandom()), body, new SecureRandom());
    JsonObject r = node(new JsonObject().put("op", "open").put("seed", HEX.formatHex(seed))
        .put("envelope", Base64.getEncoder().encodeToString(env)));
    assertEquals(HEX.formatHex(javaNode.publicKey()), r.getString("sender"));
    assertEquals("RING", r.getJsonObject("call").getString("type"));
    assertEquals(sdp, r.getJsonObject("call").getString("sdp"));
    assertEquals(javaNode.nodeId().toHex(), r.getJsonObject("call").getJsonArray("routes").getString(0));
    assertArrayEquals(body, UNB64.decode(r.getString("reencoded")));

    long now = System.currentTimeMillis();
    ContactPublisher publisher = ContactPublisher.forNode(javaNode, new SecureRandom());
    DhtRecord rec = publisher.recordsToPublish(now).get(0);
    JsonObject o = node(new JsonObject().put("op", "record").put("pk", HEX.formatHex(javaNode.publicKey()))
        .put("key", rec.key().toHex()).put("value", Base64.getEncoder().encodeToString(rec.value())).put("now", now));
    assertEquals(javaNode.nodeId().toHex(), o.getJsonObject("record").getJsonArray("routes").getString(0));
    assertEquals(1, o.getJsonObject("record").getInteger("transports"));
  }

  /** The page's replay guard is bounded per sender, like the node's: a flood hurts only its sender. */
  @Test
  void pageReplayGuardFloodFromOneSenderLeavesOthersServed() throws Exception {
    long now = 1_700_000_000_000L;
    JsonObject o = node(new JsonObject().put("op", "flood").put("now", now).put("count", 70_000));
    assertEquals(1024, o.getInteger("size"), "the flooder holds only its own share");
    assertEquals("ACCEPTED", o.getString("honest"));
    assertEquals("STALE", o.getString("flooderNow"), "only the flooder's floor rose");
  }

  /** The page refuses the keys the node refuses: small order, and a proper key plus torsion. */
  @Test
  void pageAppliesTheNodesStrictKeyRule() throws Exception {
    byte[] pk = Identity.generate(new SplittableRandom(4)).publicKey();
    byte[] order8 = HEX.parseHex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05");
    byte[] mixed = Edwards25519.decode(pk)
        .add(Edwards25519.decode(order8)).encode();
    JsonObject o = node(new JsonObject().put("op", "keys")
        .put("keys", new JsonArray().add(HEX.formatHex(pk)).add(HEX.formatHex(mixed)).add(HEX.formatHex(order8))));
    assertEquals(List.of(true, false, false), o.getJsonArray("valid").getList());
    assertEquals(List.of(true, false, false), List.of(
        StrictPublicKeys.valid(pk),
        StrictPublicKeys.valid(mixed),
        StrictPublicKeys.valid(order8)));
  }
}
