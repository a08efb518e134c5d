package net.switchboard.signaling.e2e;

import java.util.HexFormat;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.identity.Identity;

/**
 * A verified, decrypted envelope.
 *
 * @param senderKey the Ed25519 public key whose signature was checked (32 bytes)
 * @param timestampMillis the sender's clock when it sealed the envelope
 * @param messageId 16 random bytes naming this message (replay cache key)
 * @param body the plaintext
 */
public record OpenedEnvelope(byte[] senderKey, long timestampMillis, byte[] messageId, byte[] body) {
  /** SHA-256 of the sender key: the sender's identity id. */
  public Id256 senderId() {
    return Identity.nodeIdOf(senderKey);
  }

  @Override
  public String toString() {
    return "OpenedEnvelope[from=" + senderId().shortHex() + ", t=" + timestampMillis + ", id="
        + HexFormat.of().formatHex(messageId) + ", " + body.length + " bytes]";
  }
}
