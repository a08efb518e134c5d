package net.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.gateway.bench.SimulatedBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Challenge-response login over a real WebSocket: good, replayed, stale and wrongly signed answers. */
class GatewayAuthTest {
  static VertxTestNet net;
  static GatewayServer gateway;
  static WebSocketClient client;
  static final AtomicLong clockOffset = new AtomicLong();

  @BeforeAll
  static void start() throws Exception {
    net = VertxTestNet.start(3);
    gateway = GatewayServer.start(net.vertx, GatewayFixture.withClock(net.node(0).gatewayNode(), clockOffset),
        GatewayFixture.local()).get(10, TimeUnit.SECONDS);
    client = SimulatedBrowser.client(net.vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close().get(10, TimeUnit.SECONDS);
    net.close();
  }

  private static SimulatedBrowser open(Identity id) throws Exception {
    return SimulatedBrowser.open(client, "127.0.0.1", gateway.port(), id).get(10, TimeUnit.SECONDS);
  }

  private static JsonObject await(java.util.concurrent.CompletableFuture<JsonObject> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  @Test
  void challengeNamesThisGatewayAndACorrectAnswerIsAccepted() throws Exception {
    Identity id = Identity.generate(new SecureRandom());
    SimulatedBrowser b = open(id);
    JsonObject c = await(b.challenge());
    assertEquals(gateway.nodeId().toHex(), c.getString("gateway"));
    assertEquals(32, Base64.getDecoder().decode(c.getString("nonce")).length);
    JsonObject r = await(b.answer(b.signedAnswer(c)));
    assertEquals("ready", r.getString("t"), r.encode());
    assertEquals(id.nodeId().toHex(), r.getString("identity"));
    b.close();
  }

  @Test
  void replayedAnswerIsRefused() throws Exception {
    Identity id = Identity.generate(new SecureRandom());
    SimulatedBrowser first = open(id);
    JsonObject answer = first.signedAnswer(await(first.challenge()));
    assertEquals("ready", await(first.answer(answer)).getString("t"));
    // an eavesdropper replays the captured answer on a new connection
    SimulatedBrowser attacker = open(id);
    await(attacker.challenge());
    JsonObject r = await(attacker.answer(answer));
    assertEquals("error", r.getString("t"));
    assertEquals("replayed", r.getString("code"), r.encode());
    assertTrue(r.getString("message").contains("replayed"));
    // and an answer to someone else's (still open) challenge, replayed before it was used
    SimulatedBrowser victim = open(id);
    JsonObject victimAnswer = victim.signedAnswer(await(victim.challenge()));
    SimulatedBrowser thief = open(id);
    await(thief.challenge());
    assertEquals("replayed", await(thief.answer(victimAnswer)).getString("code"));
    first.close();
    victim.close();
  }

  @Test
  void staleAnswerIsRefused() throws Exception {
    SimulatedBrowser b = open(Identity.generate(new SecureRandom()));
    JsonObject c = await(b.challenge());
    JsonObject answer = b.signedAnswer(c);
    clockOffset.set(AuthChallenges.WINDOW_MILLIS + 1_000); // the answer arrives 61 s later
    try {
      JsonObject r = await(b.answer(answer));
      assertEquals("stale", r.getString("code"), r.encode());
      assertTrue(r.getString("message").contains("stale"));
    } finally {
      clockOffset.set(0);
    }
  }

  @Test
  void answerSignedByAnotherKeyOrForAnotherGatewayIsRefused() throws Exception {
    Identity claimed = Identity.generate(new SecureRandom());
    Identity signer = Identity.generate(new SecureRandom());
    SimulatedBrowser b = open(claimed);
    JsonObject c = await(b.challenge());
    byte[] nonce = Base64.getDecoder().decode(c.getString("nonce"));
    byte[] sig = signer.sign(AuthChallenges.message(nonce, Id256.fromHex(c.getString("gateway")), c.getLong("ts")));
    JsonObject answer = b.signedAnswer(c).put("sig", Base64.getEncoder().encodeToString(sig));
    assertEquals("bad_signature", await(b.answer(answer)).getString("code"));

    SimulatedBrowser b2 = open(claimed);
    JsonObject c2 = await(b2.challenge());
    byte[] n2 = Base64.getDecoder().decode(c2.getString("nonce"));
    byte[] otherGateway = claimed.sign(AuthChallenges.message(n2, net.node(1).dht.id(), c2.getLong("ts")));
    JsonObject r = await(b2.answer(b2.signedAnswer(c2).put("sig", Base64.getEncoder().encodeToString(otherGateway))));
    assertEquals("bad_signature", r.getString("code"));
    assertTrue(b2.unsolicited().isEmpty());
  }

  @Test
  void requestsBeforeLoginAreRefused() throws Exception {
    SimulatedBrowser b = open(Identity.generate(new SecureRandom()));
    await(b.challenge());
    JsonObject r = await(b.request(new JsonObject().put("t", "get").put("keys", new io.vertx.core.json.JsonArray())));
    assertEquals("unauthenticated", r.getString("code"), r.encode());
  }
}
