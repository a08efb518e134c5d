package net.switchboard.dht.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import net.switchboard.dht.identity.Ed25519Keys;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.wire.Envelope.IdProofData;
import org.junit.jupiter.api.Test;

/** A node-id proof shows key ownership for one request of one requester, and nothing else. */
class IdProofTest {
  private final SplittableRandom random = new SplittableRandom(17);
  private final Identity responder = Identity.generate(random);
  private final Identity requester = Identity.generate(random);
  private final Identity mallory = Identity.generate(random);
  private static final long REQUEST = 0x0123456789abcdefL;

  private static byte[] signingInput(long requestId, Id256 requesterId, Id256 responderId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes("switchboard/v1/node-id-proof".getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(ByteBuffer.allocate(8).putLong(requestId).array());
    out.writeBytes(requesterId.toBytes());
    out.writeBytes(responderId.toBytes());
    return out.toByteArray();
  }

  @Test
  void theSignatureInputIsDomainRequestIdRequesterResponder() {
    byte[] expected = signingInput(REQUEST, requester.nodeId(), responder.nodeId());
    assertArrayEquals(expected, IdProof.message(REQUEST, requester.nodeId(), responder.nodeId()));
    IdProofData proof = IdProof.create(responder, REQUEST, requester.nodeId());
    assertArrayEquals(responder.publicKey(), proof.publicKey());
    assertTrue(Ed25519Keys.verify(responder.publicKey(), proof.signature(), expected));
  }

  @Test
  void aProofFromTheOwnerOfTheIdVerifies() {
    IdProofData proof = IdProof.create(responder, REQUEST, requester.nodeId());
    assertTrue(IdProof.verify(proof, REQUEST, requester.nodeId(), responder.nodeId()));
  }

  @Test
  void aProofIsBoundToItsRequestIdRequesterAndResponder() {
    IdProofData proof = IdProof.create(responder, REQUEST, requester.nodeId());
    assertFalse(IdProof.verify(proof, REQUEST + 1, requester.nodeId(), responder.nodeId()), "replayed for another request");
    assertFalse(IdProof.verify(proof, REQUEST, mallory.nodeId(), responder.nodeId()), "shown to another requester");
    assertFalse(IdProof.verify(proof, REQUEST, requester.nodeId(), mallory.nodeId()), "claimed for another id");
  }

  @Test
  void aKeyThatDoesNotHashToTheClaimedIdIsRefused() {
    // mallory signs correctly with her own key, but claims the responder's id
    byte[] sig = mallory.sign(signingInput(REQUEST, requester.nodeId(), responder.nodeId()));
    assertFalse(IdProof.verify(new IdProofData(mallory.publicKey(), sig), REQUEST, requester.nodeId(), responder.nodeId()));
  }

  @Test
  void theRightKeyWithAnotherKeysSignatureIsRefused() {
    byte[] sig = mallory.sign(signingInput(REQUEST, requester.nodeId(), responder.nodeId()));
    assertFalse(IdProof.verify(new IdProofData(responder.publicKey(), sig), REQUEST, requester.nodeId(), responder.nodeId()));
  }

  @Test
  void malformedProofsAreRefusedWithoutThrowing() {
    IdProofData good = IdProof.create(responder, REQUEST, requester.nodeId());
    assertFalse(IdProof.verify(new IdProofData(new byte[31], good.signature()), REQUEST, requester.nodeId(), responder.nodeId()));
    assertFalse(IdProof.verify(new IdProofData(good.publicKey(), new byte[63]), REQUEST, requester.nodeId(), responder.nodeId()));
    assertFalse(IdProof.verify(new IdProofData(good.publicKey(), new byte[64]), REQUEST, requester.nodeId(), responder.nodeId()));
    byte[] flipped = good.signature().clone();
    flipped[10] ^= 1;
    assertFalse(IdProof.verify(new IdProofData(good.publicKey(), flipped), REQUEST, requester.nodeId(), responder.nodeId()));
  }
}
