package net.switchboard.signaling.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Pins the exact text of what this adapter sends to a PeerJS server. */
class PeerJsWireTextTest {
  private static final byte[] ENVELOPE = {1, 1, 0, (byte) 0xFF, 42};

  @Test
  void aHeartbeatIsTheBareTypeObject() {
    assertEquals("{\"type\":\"HEARTBEAT\"}", PeerJsMessage.heartbeat());
  }

  @Test
  void anOfferCarriesTheEnvelopeInBase64() {
    assertEquals("{\"type\":\"OFFER\",\"dst\":\"sb-bob\",\"payload\":{\"sb\":\"AQEA/yo=\"}}",
        PeerJsMessage.envelopeOffer("sb-bob", ENVELOPE));
  }

  @Test
  void anAcknowledgementCarriesTheAckId() {
    assertEquals("{\"type\":\"ANSWER\",\"dst\":\"sb-alice\",\"payload\":{\"sbAck\":\"" + PeerJsMessage.ackId(ENVELOPE)
        + "\"}}", PeerJsMessage.acknowledgement("sb-alice", ENVELOPE));
  }

  @Test
  void aDestinationWithQuotesIsEscaped() {
    assertEquals("{\"type\":\"OFFER\",\"dst\":\"a\\\"b\\\\c\",\"payload\":{\"sb\":\"AQEA/yo=\"}}",
        PeerJsMessage.envelopeOffer("a\"b\\c", ENVELOPE));
  }
}
