package net.switchboard.dht.rpc;

import java.nio.charset.StandardCharsets;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.wire.Envelope.IdProofData;

/**
 * Proof that a responder owns its node id: its public key (which must hash to the id) and an
 * Ed25519 signature over {@code "switchboard/v1/node-id-proof" || requestId || requesterId ||
 * responderId}. The requester chose the 64-bit request id at random, so the proof is fresh and
 * cannot be replayed for another request or another requester.
 */
public final class IdProof {
  private static final byte[] DOMAIN = "switchboard/v1/node-id-proof".getBytes(StandardCharsets.US_ASCII);

  private IdProof() {}

  static byte[] message(long requestId, Id256 requester, Id256 responder) {
    byte[] m = new byte[DOMAIN.length + 8 + 64];
    System.arraycopy(DOMAIN, 0, m, 0, DOMAIN.length);
    int o = DOMAIN.length;
    for (int i = 7; i >= 0; i--) {
      m[o + i] = (byte) requestId;
      requestId >>>= 8;
    }
    requester.write(m, o + 8);
    responder.write(m, o + 40);
    return m;
  }

  /** Builds the proof a responder attaches. */
  public static IdProofData create(Identity responder, long requestId, Id256 requester) {
    return new IdProofData(responder.publicKey(), responder.sign(message(requestId, requester, responder.nodeId())));
  }

  /** True when {@code proof} shows that {@code responder} owns its id for this request. */
  public static boolean verify(IdProofData proof, long requestId, Id256 requester, Id256 responder) {
    return verify(proof, requestId, requester, responder, net.switchboard.dht.identity.SignatureScheme.ed25519());
  }

  /** As {@link #verify(IdProofData, long, Id256, Id256)} under a given signature scheme. */
  public static boolean verify(IdProofData proof, long requestId, Id256 requester, Id256 responder,
      net.switchboard.dht.identity.SignatureScheme scheme) {
    if (proof.publicKey().length != 32 || proof.signature().length != 64) {
      return false;
    }
    if (!Identity.nodeIdOf(proof.publicKey()).equals(responder)) {
      return false;
    }
    byte[] m = message(requestId, requester, responder);
    return scheme.verify(proof.publicKey(), 0, proof.signature(), 0, m, 0, m.length);
  }
}
