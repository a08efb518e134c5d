package net.switchboard.gateway;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import net.switchboard.dht.identity.Identity;
import net.switchboard.signaling.contact.crypto.Aead;
import net.switchboard.signaling.contact.crypto.Hkdf;
import net.switchboard.signaling.contact.crypto.X25519Keys;

/**
 * What a malicious gateway can do (used by {@link FingerprintSwappingNode}) to signaling it cannot read. It seals a new envelope
 * to a page (that needs only the page's public key), claims it comes from {@code claimedSender}, and
 * puts its own DTLS fingerprint in the SDP; it cannot sign as the claimed sender, so it signs with
 * its own key. A page that checks the sender's signature refuses it. Same layout as
 * {@code SignalingEnvelope.seal}.
 */
final class Forgery {
  static final String SWAPPED_FINGERPRINT =
      "sha-256 66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66:66";
  private static final byte[] SIG_DOMAIN = "switchboard/signaling-envelope/v1/sig\0".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEY_INFO = "switchboard/signaling-envelope/v1/key".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private Forgery() {}

  /** A minimal SDP that carries the attacker's fingerprint. */
  static String sdp() {
    return "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n"
        + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\nc=IN IP4 0.0.0.0\r\n"
        + "a=ice-ufrag:evil\r\na=ice-pwd:evilevilevilevilevilevil\r\na=fingerprint:" + SWAPPED_FINGERPRINT
        + "\r\na=setup:actpass\r\na=mid:0\r\na=sctp-port:5000\r\n";
  }

  /** RING (type 1) or ACCEPT (type 2) with the swapped fingerprint, as CallMessageCodec lays it out. */
  static byte[] callMessage(boolean ring, byte[] gatewayRoute) {
    byte[] sdp = sdp().getBytes(StandardCharsets.UTF_8);
    byte[] callId = new byte[16];
    RANDOM.nextBytes(callId);
    ByteBuffer b = ByteBuffer.allocate(2 + 16 + (ring ? 4 + 32 + 1 : 0) + 4 + sdp.length);
    b.put((byte) 1).put((byte) (ring ? 1 : 2)).put(callId);
    if (ring) {
      b.put((byte) 0x04).put((byte) 0x07).put((byte) 1).put(gatewayRoute).put((byte) 0);
    }
    b.putInt(sdp.length).put(sdp);
    return b.array();
  }

  /** An envelope to {@code recipientPk} claiming {@code claimedSender}, signed by {@code forger}. */
  static byte[] envelope(Identity forger, byte[] claimedSender, byte[] recipientPk, long now, byte[] body) {
    byte[] rx = X25519Keys.publicKeyFromEd25519(recipientPk);
    byte[] eph = new byte[32];
    RANDOM.nextBytes(eph);
    byte[] ephPub = X25519Keys.publicKey(eph);
    byte[] shared = X25519Keys.agree(eph, rx);
    byte[] key = Hkdf.sha256(shared, concat(ephPub, rx), KEY_INFO, 32);
    byte[] header = concat(new byte[] {1, 1}, Identity.sha256(recipientPk), ephPub);
    byte[] messageId = new byte[16];
    RANDOM.nextBytes(messageId);
    byte[] inner = ByteBuffer.allocate(24 + body.length).putLong(now).put(messageId).put(body).array();
    byte[] ct = Aead.seal(key, nonce(1), header, inner);
    byte[] transcript = ByteBuffer.allocate(SIG_DOMAIN.length + 96 + 8 + 16 + ct.length).put(SIG_DOMAIN)
        .put(claimedSender).put(recipientPk).put(ephPub).putLong(now).put(messageId).put(ct).array();
    byte[] sig = forger.sign(transcript);
    byte[] seal = Aead.seal(key, nonce(2), concat(header, ct), concat(claimedSender, sig));
    return concat(header, seal, ct);
  }

  private static byte[] nonce(int n) {
    byte[] b = new byte[12];
    b[11] = (byte) n;
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    ByteBuffer b = ByteBuffer.allocate(n);
    for (byte[] p : parts) {
      b.put(p);
    }
    return b.array();
  }
}
