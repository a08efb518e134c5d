package net.switchboard.dht.wire;

import net.switchboard.dht.identity.Id256;

/**
 * A whole message: header fields common to every type, plus its {@link Body}.
 *
 * @param requestId 64-bit random id chosen by the requester, echoed by the response
 * @param sender the node id the sender claims; trusted only once proven (see rpc.IdProof)
 * @param proveRequested on a request: "prove your id in the reply"
 * @param proof on a response: the responder's public key and signature, or null
 * @param body the type-specific part
 * @param client on a request: the sender is a short-lived client (a CLI resolve or call) and must
 *     not be added to routing tables
 */
public record Envelope(long requestId, Id256 sender, boolean proveRequested, IdProofData proof, Body body, boolean client) {

  /** A message from a full node (not a client). */
  public Envelope(long requestId, Id256 sender, boolean proveRequested, IdProofData proof, Body body) {
    this(requestId, sender, proveRequested, proof, body, false);
  }

  public MessageType type() {
    return body.type();
  }

  /** Public key and signature proving the sender owns its id for this request id. */
  public record IdProofData(byte[] publicKey, byte[] signature) {}
}
