package net.switchboard.signaling.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Identity;
import org.junit.jupiter.api.Test;

class PeerJsMessageTest {
  private final Identity bob = Identity.generate(new SplittableRandom(2));

  @Test
  void peerIdsDeriveFromIdentityKeysAndFitPeerJsRules() {
    String id = PeerJsMessage.peerIdOf(bob.publicKey());
    assertTrue(id.matches("[A-Za-z0-9]+(?:[ _-][A-Za-z0-9]+)*"), id);
    assertEquals(43, id.length());
    assertEquals("/peerjs?key=peerjs&id=" + id + "&token=t%261", PeerJsMessage.connectPath("/", "peerjs", id, "t&1"));
  }

  @Test
  void anEnvelopeRoundTripsAsTheServerRelaysItWithSrcAdded() throws Exception {
    byte[] env = {1, 1, 0, (byte) 0xFF, 42};
    String sent = PeerJsMessage.envelopeOffer("sb-bob", env);
    String relayed = "{\"type\":\"OFFER\",\"src\":\"sb-alice\"," + sent.substring(sent.indexOf("\"dst\""));
    PeerJsMessage m = PeerJsMessage.parse(relayed);
    assertEquals(PeerJsMessage.Type.OFFER, m.type());
    assertEquals("sb-alice", m.src());
    assertEquals("sb-bob", m.dst());
    assertArrayEquals(env, m.envelope().orElseThrow());
    PeerJsMessage ack = PeerJsMessage.parse(PeerJsMessage.acknowledgement("sb-alice", env));
    assertEquals(PeerJsMessage.ackId(env), ack.acknowledged().orElseThrow());
  }

  @Test
  void serverMessagesParse() throws Exception {
    assertEquals(PeerJsMessage.Type.OPEN, PeerJsMessage.parse("{\"type\":\"OPEN\"}").type());
    PeerJsMessage taken = PeerJsMessage.parse("{\"type\":\"ID-TAKEN\",\"payload\":{\"msg\":\"ID \\\"x\\\" is taken\"}}");
    assertEquals(PeerJsMessage.Type.ID_TAKEN, taken.type());
    assertEquals("ID \"x\" is taken", ((Map<?, ?>) taken.payload()).get("msg"));
    PeerJsMessage expire = PeerJsMessage.parse("{ \"type\" : \"EXPIRE\", \"src\": \"a\", \"dst\": \"b\", \"payload\": [1, true, null] }");
    assertEquals(PeerJsMessage.Type.EXPIRE, expire.type());
    assertTrue(expire.envelope().isEmpty());
    assertNull(PeerJsMessage.parse("{\"type\":\"HEARTBEAT\"}").src());
  }

  @Test
  void garbageIsRefusedNotThrownAsSomethingElse() {
    for (String bad : new String[] {"", "{", "[]", "{\"type\":1}", "{\"type\":\"NOPE\"}", "{\"type\":\"OPEN\"} x", "{\"type\":\"OPEN\",}"}) {
      assertThrows(PeerJsMessage.MalformedPeerJsException.class, () -> PeerJsMessage.parse(bad), bad);
    }
  }
}
