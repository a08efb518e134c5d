package net.switchboard.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.record.DhtRecord;
import net.switchboard.signaling.contact.ContactEnvelope;
import net.switchboard.signaling.contact.ContactPublisher;
import org.junit.jupiter.api.Test;

/** A page's session on the gateway as a state machine: events in, commands out, no socket, no DHT. */
class PageSessionTest {
  private static final long NOW = 1_700_000_000_000L;
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private final SplittableRandom random = new SplittableRandom(11);
  private final Id256 gateway = Identity.generate(random.split()).nodeId();
  private final GatewayConfig config = GatewayConfig.defaults(); // 20 s delivery timeout, 4 records
  private final PageSession session = new PageSession(gateway, config);
  private final Identity page = Identity.generate(random.split());

  private List<PageCommand> frame(JsonObject m) {
    return session.on(new PageEvent.Frame(m, NOW));
  }

  private static JsonObject written(PageCommand c) {
    return assertInstanceOf(PageCommand.Write.class, c).frame();
  }

  private void ready() {
    session.on(new PageEvent.AuthVerified(page.publicKey(), NOW));
  }

  private JsonObject publishOf(List<DhtRecord> records) {
    JsonArray rs = new JsonArray();
    records.forEach(r -> rs.add(new JsonObject().put("value", B64.encodeToString(r.value()))));
    return new JsonObject().put("t", "publish").put("rid", 7).put("records", rs);
  }

  private List<DhtRecord> recordsOf(Identity person) {
    return ContactPublisher.forNode(person, new SecureRandom()).recordsToPublish(NOW);
  }

  @Test
  void beforeAuthenticationEveryFrameButAuthIsAnsweredUnauthenticatedAndNothingIsDone() {
    List<PageCommand> c = frame(new JsonObject().put("t", "get").put("rid", 1).put("keys", new JsonArray().add("00")));
    assertEquals(1, c.size());
    assertEquals("unauthenticated", written(c.get(0)).getString("code"));
    assertEquals(PageSession.Phase.CHALLENGED, session.phase());
  }

  @Test
  void anAuthFrameIsVerifiedAndAVerifiedPageRegistersItsIdentity() {
    List<PageCommand> c = frame(new JsonObject().put("t", "auth").put("pk", B64.encodeToString(page.publicKey()))
        .put("nonce", B64.encodeToString(new byte[32])).put("ts", NOW).put("sig", B64.encodeToString(new byte[64])));
    PageCommand.VerifyAuth v = assertInstanceOf(PageCommand.VerifyAuth.class, c.get(0));
    assertEquals(NOW, v.timestampMillis());
    List<PageCommand> verified = session.on(new PageEvent.AuthVerified(page.publicKey(), NOW));
    assertEquals(new PageCommand.Register(page.nodeId()), verified.get(0));
    JsonObject readyFrame = written(verified.get(1));
    assertEquals("ready", readyFrame.getString("t"));
    assertEquals(page.nodeId().toHex(), readyFrame.getString("identity"));
    assertEquals(gateway.toHex(), readyFrame.getString("gateway"));
  }

  @Test
  void anAuthFrameThatIsNotBase64IsCountedRefusedAndClosed() {
    List<PageCommand> c = frame(new JsonObject().put("t", "auth").put("pk", "%%%"));
    assertEquals(new PageCommand.CountAuthRefused(), c.get(0));
    assertEquals("malformed", written(c.get(1)).getString("code"));
    assertEquals(new PageCommand.Close((short) 4401, "malformed"), c.get(2));
    assertEquals(PageSession.Phase.CLOSED, session.phase());
  }

  @Test
  void aPublishIsAllOrNothingAndArmsARefreshAtThreeQuartersOfTheRecordsLife() {
    ready();
    List<DhtRecord> good = recordsOf(Identity.generate(random.split()));
    JsonObject withBad = publishOf(good);
    withBad.getJsonArray("records").add(new JsonObject().put("value", B64.encodeToString(new byte[10])));
    List<PageCommand> refused = frame(withBad);
    assertEquals(1, refused.size(), "nothing stored: " + refused);
    assertEquals("bad_record", written(refused.get(0)).getString("code"));

    List<PageCommand> c = frame(publishOf(good));
    PageCommand.Put put = assertInstanceOf(PageCommand.Put.class, c.get(0));
    assertEquals(good.size(), put.records().size());
    assertEquals(ContactEnvelope.NAMESPACE, put.records().get(0).namespace());
    long life = good.get(0).expiresAtMillis() - NOW;
    assertEquals(new PageCommand.ArmRefresh(life * 3 / 4), c.get(1));
  }

  @Test
  void aSessionKeepsAtMostItsQuotaOfRecordsUnpublishingTheOldest() {
    ready();
    Id256 first = null;
    for (int i = 0; i < config.maxRecordsPerSession(); i++) {
      DhtRecord r = recordsOf(Identity.generate(random.split())).get(0);
      first = first == null ? r.key() : first;
      assertTrue(frame(publishOf(List.of(r))).stream().noneMatch(PageCommand.Unpublish.class::isInstance));
    }
    List<PageCommand> over = frame(publishOf(List.of(recordsOf(Identity.generate(random.split())).get(0))));
    assertEquals(new PageCommand.Unpublish(first), over.get(0));
  }

  @Test
  void anEnvelopeWaitsForItsAckAndOnlyOnce() {
    ready();
    List<PageCommand> pushed = session.on(new PageEvent.Deliver(5, "AAAA"));
    assertEquals("env", written(pushed.get(0)).getString("t"));
    assertEquals(new PageCommand.ArmDeliveryTimeout(5, 20_000), pushed.get(1));
    assertEquals(List.of(), frame(new JsonObject().put("t", "ack").put("aid", 6)), "an ack for nothing");
    assertEquals(List.of(new PageCommand.Delivered(5, null)), frame(new JsonObject().put("t", "ack").put("aid", 5)));
    assertEquals(List.of(), session.on(new PageEvent.DeliveryTimedOut(5)), "acknowledged: the timer changes nothing");
    session.on(new PageEvent.Deliver(8, "AAAA"));
    assertEquals(List.of(new PageCommand.Delivered(8, "the page did not acknowledge")),
        session.on(new PageEvent.DeliveryTimedOut(8)));
  }

  @Test
  void closingUnregistersUnpublishesAndFailsWhatThePageNeverAcknowledged() {
    ready();
    DhtRecord r = recordsOf(Identity.generate(random.split())).get(0);
    frame(publishOf(List.of(r)));
    session.on(new PageEvent.Deliver(3, "AAAA"));
    List<PageCommand> closed = session.on(new PageEvent.Closed());
    assertEquals(List.of(new PageCommand.Unregister(page.nodeId()), new PageCommand.Unpublish(r.key()),
        new PageCommand.Delivered(3, "page closed")), closed);
    assertEquals(List.of(new PageCommand.Delivered(4, "page closed")), session.on(new PageEvent.Deliver(4, "AAAA")));
  }

  @Test
  void aReplacedSessionIsToldClosedAndAsksForNoMoreRefreshes() {
    ready();
    List<PageCommand> c = session.on(new PageEvent.Replaced());
    assertEquals("replaced", written(c.get(0)).getString("code"));
    assertInstanceOf(PageCommand.Close.class, c.get(1));
    assertEquals(new PageCommand.Unregister(page.nodeId()), c.get(2));
    assertEquals(List.of(), session.on(new PageEvent.RefreshDue()));
    assertEquals(List.of(), session.on(new PageEvent.Closed()), "cleaned up once");
  }

  @Test
  void fieldsOfTheWrongTypeAreMalformedNotACrash() {
    ready();
    List<PageCommand> c = frame(new JsonObject().put("t", "publish").put("rid", 2).put("records", "not a list"));
    assertEquals(1, c.size());
    assertEquals("malformed", written(c.get(0)).getString("code"));
    List<PageCommand> get = frame(new JsonObject().put("t", "get").put("rid", 3).put("keys", new JsonArray().add("zz")));
    assertEquals("bad_get", written(get.get(0)).getString("code"));
    List<PageCommand> send = frame(new JsonObject().put("t", "send").put("rid", 4).put("env", B64.encodeToString(new byte[8]))
        .put("routes", new JsonArray().add(gateway.toHex())));
    assertEquals("bad_send", written(send.get(0)).getString("code"), "not an envelope");
  }
}
