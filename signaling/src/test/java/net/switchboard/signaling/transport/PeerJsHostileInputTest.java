package net.switchboard.signaling.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import net.switchboard.signaling.transport.PeerJsMessage.MalformedPeerJsException;
import org.junit.jupiter.api.Test;

/** What a hostile or broken PeerJS server may send is refused as malformed, never thrown as anything else. */
class PeerJsHostileInputTest {

  private static MalformedPeerJsException refused(String json) {
    return assertThrows(MalformedPeerJsException.class, () -> PeerJsMessage.parse(json),
        () -> json.length() > 80 ? json.substring(0, 80) + "..." : json);
  }

  private static String nested(int depth) {
    return "{\"type\":\"OPEN\",\"payload\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
  }

  @Test
  void nestingBeyondTheLimitIsRefusedAndWithinItParses() throws Exception {
    refused(nested(PeerJsJson.MAX_DEPTH + 10));
    refused(nested(100_000)); // would overflow a recursive parser's stack
    PeerJsMessage ok = PeerJsMessage.parse(nested(PeerJsJson.MAX_DEPTH - 2));
    assertTrue(ok.payload() instanceof List<?>);
  }

  @Test
  void aMessageOverTheSizeLimitIsRefusedButTheLargestEnvelopeFits() throws Exception {
    refused("{\"type\":\"OPEN\",\"payload\":\"" + "a".repeat(PeerJsJson.MAX_MESSAGE_CHARS) + "\"}");
    refused("{\"type\":\"OPEN\",\"" + "k".repeat(PeerJsJson.MAX_MESSAGE_CHARS) + "\":1}");
    byte[] largest = new byte[net.switchboard.signaling.e2e.SignalingEnvelope.MAX_ENVELOPE_BYTES];
    PeerJsMessage m = PeerJsMessage.parse(PeerJsMessage.envelopeOffer("sb-bob", largest));
    assertEquals(largest.length, m.envelope().orElseThrow().length);
  }

  @Test
  void wrongTypesAreRefusedOrIgnoredNeverMisread() throws Exception {
    refused("{\"type\":[\"OPEN\"]}");
    refused("{\"type\":{\"a\":1}}");
    refused("{\"type\":null}");
    refused("\"OPEN\"");
    refused("42");
    refused("null");
    PeerJsMessage m = PeerJsMessage.parse("{\"type\":\"OFFER\",\"src\":7,\"dst\":[\"x\"],\"payload\":{\"sb\":12}}");
    assertNull(m.src());
    assertNull(m.dst());
    assertTrue(m.envelope().isEmpty());
    PeerJsMessage notBase64 = PeerJsMessage.parse("{\"type\":\"OFFER\",\"payload\":{\"sb\":\"%%%\"}}");
    assertTrue(notBase64.envelope().isEmpty());
  }

  @Test
  void nonStandardJsonIsRefused() {
    for (String bad : new String[] {
        "{'type':'OPEN'}", "{\"type\":\"OPEN\"/*c*/}", "{\"type\":\"OPEN\",\"n\":NaN}", "{\"type\":\"OPEN\",\"n\":01}",
        "{\"type\":\"OPEN\",\"type\":\"LEAVE\"}", "{\"type\":\"OPEN\"}{}", "{\"type\":\"OPEN\",\"s\":\"a\u0001b\"}",
        "{\"type\":\"OPEN\",\"s\":\"\\x\"}", "{\"type\":\"OPEN\",\"s\":\"\\u12\"}", "{\"type\":\"OPEN\"", "[1,2",
        "{\"type\":\"OPEN\",\"a\":[1,]}", "{\"type\" \"OPEN\"}", "\u0000"}) {
      refused(bad);
    }
  }

  @Test
  void valuesComeBackAsMapListStringDoubleBooleanAndNull() throws Exception {
    PeerJsMessage m = PeerJsMessage.parse(
        "{\"type\":\"ERROR\",\"payload\":{\"n\":3,\"f\":-1.5e2,\"t\":true,\"z\":null,\"s\":\"\\u00e9\\n\",\"l\":[]}}");
    Map<?, ?> p = (Map<?, ?>) m.payload();
    assertEquals(3.0, p.get("n"));
    assertEquals(-150.0, p.get("f"));
    assertEquals(Boolean.TRUE, p.get("t"));
    assertTrue(p.containsKey("z"));
    assertNull(p.get("z"));
    assertEquals("é\n", p.get("s"));
    assertEquals(List.of(), p.get("l"));
  }
}
