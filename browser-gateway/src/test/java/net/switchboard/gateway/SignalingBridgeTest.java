package net.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.dht.record.RecordMeta;
import net.switchboard.gateway.bench.SimulatedBrowser;
import net.switchboard.signaling.contact.ContactEnvelope;
import net.switchboard.signaling.contact.ContactPeriods;
import net.switchboard.signaling.contact.ContactPublisher;
import net.switchboard.signaling.contact.ContactRecord;
import net.switchboard.signaling.contact.ContactResolver;
import net.switchboard.signaling.contact.ContactTransport;
import net.switchboard.signaling.contact.MediaCapability;
import net.switchboard.signaling.contact.Reachability;
import net.switchboard.signaling.contact.crypto.X25519Keys;
import net.switchboard.signaling.e2e.OpenedEnvelope;
import net.switchboard.signaling.e2e.SignalingEnvelope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two gateways on a real DHT: publish/resolve a gateway-routed record, envelopes both ways, silence on refusal. */
class SignalingBridgeTest {
  static VertxTestNet net;
  static GatewayServer gwA;
  static GatewayServer gwB;
  static WebSocketClient client;
  static final SecureRandom RANDOM = new SecureRandom();

  @BeforeAll
  static void start() throws Exception {
    net = VertxTestNet.start(6);
    gwA = GatewayFixture.gateway(net, 0, GatewayFixture.local());
    gwB = GatewayFixture.gateway(net, 3, GatewayConfig.builder().host("127.0.0.1").port(0).deliveryTimeoutMillis(2_000).build());
    client = SimulatedBrowser.client(net.vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    gwA.close().get(5, TimeUnit.SECONDS);
    gwB.close().get(5, TimeUnit.SECONDS);
    net.close();
  }

  static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  @Test
  void recordPublishedThroughOneGatewayResolvesThroughTheOtherAndEnvelopesCross() throws Exception {
    SimulatedBrowser a = GatewayFixture.browser(client, gwA);
    SimulatedBrowser b = GatewayFixture.browser(client, gwB);
    // b's record names b's gateway as its introduction route, signed with b's blinded key
    long now = System.currentTimeMillis();
    ContactPublisher pub = new ContactPublisher(b.identity(), ContactPeriods.defaults(), ContactPublisher.DEFAULT_TTL_MILLIS,
        RANDOM, new Reachability(List.of(gwB.nodeId()), List.of(), EnumSet.of(ContactTransport.GATEWAY),
            EnumSet.allOf(MediaCapability.class)));
    List<DhtRecord> records = pub.recordsToPublish(now);
    JsonArray arr = new JsonArray();
    records.forEach(r -> arr.add(new JsonObject().put("key", r.key().toHex())
        .put("value", Base64.getEncoder().encodeToString(r.value()))));
    JsonObject published = await(b.request(new JsonObject().put("t", "publish").put("records", arr)));
    assertEquals("published", published.getString("t"), published.encode());
    assertTrue(published.getJsonArray("stored").getInteger(0) > 0);

    ContactResolver resolver = new ContactResolver(ContactPeriods.defaults());
    Id256 key = resolver.lookupKeys(b.identity().publicKey(), now).get(0).storageKey();
    JsonObject got = await(a.request(new JsonObject().put("t", "get").put("keys", new JsonArray().add(key.toHex()))));
    byte[] value = Base64.getDecoder().decode(got.getJsonArray("values").getString(0));
    ContactEnvelope.Parts parts = ContactEnvelope.parse(value);
    ContactRecord rec = resolver.open(b.identity().publicKey(),
        new DhtRecord(ContactEnvelope.NAMESPACE, key, value, new RecordMeta(parts.seq(), parts.expiresAtMillis())),
        now, Optional.empty());
    Id256 route = rec.reachability().routes().get(0);
    assertEquals(gwB.nodeId(), route);

    // a -> b through gateway A, the DHT and gateway B; b acknowledges
    CompletableFuture<byte[]> atB = new CompletableFuture<>();
    b.onEnvelope((env, aid) -> {
      atB.complete(env);
      b.ack(aid);
    });
    byte[] env = SignalingEnvelope.seal(a.identity(), b.identity().publicKey(), System.currentTimeMillis(),
        SignalingEnvelope.newMessageId(RANDOM), "ring".getBytes(StandardCharsets.UTF_8), RANDOM);
    JsonObject sent = await(a.send(route, env));
    assertTrue(sent.getBoolean("ok"), sent.encode());
    assertArrayEquals(env, await(atB)); // not a byte changed on the way
    OpenedEnvelope opened = SignalingEnvelope.open(b.identity(), X25519Keys.secretKeyFromEd25519(b.identity().secretKey()), await(atB));
    assertArrayEquals(a.identity().publicKey(), opened.senderKey());

    // b -> a back through A's route
    CompletableFuture<byte[]> atA = new CompletableFuture<>();
    a.onEnvelope((e, aid) -> {
      atA.complete(e);
      a.ack(aid);
    });
    byte[] back = SignalingEnvelope.seal(b.identity(), a.identity().publicKey(), System.currentTimeMillis(),
        SignalingEnvelope.newMessageId(RANDOM), "accept".getBytes(StandardCharsets.UTF_8), RANDOM);
    assertTrue(await(b.send(gwA.nodeId(), back)).getBoolean("ok"));
    assertArrayEquals(back, await(atA));
    a.close();
    b.close();
  }

  @Test
  void anAckFromAnotherPageDoesNotCompleteADeliveryAndIdsAreNotSequential() throws Exception {
    SimulatedBrowser a = GatewayFixture.browser(client, gwA);
    SimulatedBrowser silent = GatewayFixture.browser(client, gwB);
    SimulatedBrowser intruder = GatewayFixture.browser(client, gwB);
    List<Long> aids = new java.util.concurrent.CopyOnWriteArrayList<>();
    silent.onEnvelope((e, aid) -> {
      aids.add(aid);
      intruder.ack(aid); // another session on the same gateway acknowledges in its place
    });
    for (int i = 0; i < 2; i++) {
      byte[] env = SignalingEnvelope.seal(a.identity(), silent.identity().publicKey(), System.currentTimeMillis(),
          SignalingEnvelope.newMessageId(RANDOM), new byte[10], RANDOM);
      JsonObject sent = await(a.send(gwB.nodeId(), env));
      assertFalse(sent.getBoolean("ok"), "the intruder's ack counted: " + sent.encode());
    }
    assertEquals(2, aids.size());
    assertTrue(Math.abs(aids.get(1) - aids.get(0)) > 1_000_000, "delivery ids look sequential: " + aids);
    a.close();
    silent.close();
    intruder.close();
  }

  @Test
  void aPageThatDoesNotAcknowledgeLooksUnreachable() throws Exception {
    SimulatedBrowser a = GatewayFixture.browser(client, gwA);
    SimulatedBrowser silent = GatewayFixture.browser(client, gwB);
    CompletableFuture<byte[]> seen = new CompletableFuture<>();
    silent.onEnvelope((e, aid) -> seen.complete(e)); // opens it, refuses: no ack
    byte[] env = SignalingEnvelope.seal(a.identity(), silent.identity().publicKey(), System.currentTimeMillis(),
        SignalingEnvelope.newMessageId(RANDOM), new byte[10], RANDOM);
    JsonObject sent = await(a.send(gwB.nodeId(), env));
    assertTrue(seen.isDone());
    assertFalse(sent.getBoolean("ok"), sent.encode());

    // an identity with no session at that gateway: also just a failure
    byte[] nobody = SignalingEnvelope.seal(a.identity(), net.node(5).identity.publicKey(), System.currentTimeMillis(),
        SignalingEnvelope.newMessageId(RANDOM), new byte[10], RANDOM);
    assertFalse(await(a.send(gwB.nodeId(), nobody)).getBoolean("ok"));
    a.close();
    silent.close();
  }

  @Test
  void garbageIsRefusedWithAClearError() throws Exception {
    SimulatedBrowser a = GatewayFixture.browser(client, gwA);
    JsonObject r = await(a.request(new JsonObject().put("t", "send").put("routes", new JsonArray().add(gwB.nodeId().toHex()))
        .put("env", Base64.getEncoder().encodeToString(new byte[] {9, 9, 9}))));
    assertEquals("bad_send", r.getString("code"));
    JsonObject p = await(a.request(new JsonObject().put("t", "publish").put("records", new JsonArray()
        .add(new JsonObject().put("key", "00").put("value", Base64.getEncoder().encodeToString(new byte[200]))))));
    assertEquals("error", p.getString("t"));
    a.close();
  }
}
