package net.switchboard.signaling.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdpFingerprintsTest {
  private static final String FP =
      "8B:87:09:8A:5D:C2:F3:33:EF:C5:B1:F6:84:3A:3D:D6:A3:E2:9C:17:4C:E7:46:3B:1B:CE:84:98:DD:8E:AF:7B";

  private static String sdp(String... fingerprintLines) {
    StringBuilder b = new StringBuilder("v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n");
    for (String line : fingerprintLines) {
      b.append("m=audio 9 UDP/TLS/RTP/SAVPF 111\r\n").append(line).append("\r\n");
    }
    return b.toString();
  }

  @Test
  void extractsEveryFingerprintNormalised() {
    List<SdpFingerprints.Fingerprint> fps = SdpFingerprints.extract(sdp("a=fingerprint:SHA-256 " + FP.toLowerCase(), "a=fingerprint:sha-256 " + FP));
    assertEquals(2, fps.size());
    assertEquals(new SdpFingerprints.Fingerprint("sha-256", FP), fps.get(0));
    assertEquals(fps.get(0), fps.get(1));
    assertNull(SdpFingerprints.problem(sdp("a=fingerprint:sha-256 " + FP, "a=fingerprint:sha-256 " + FP)));
  }

  @Test
  void refusesSdpsThatWouldNotAuthenticateMedia() {
    assertFalse(SdpFingerprints.check(sdp()));
    assertFalse(SdpFingerprints.check(sdp("a=fingerprint:md5 " + FP)));
    assertFalse(SdpFingerprints.check(sdp("a=fingerprint:sha-256 " + FP.substring(3))));
    assertFalse(SdpFingerprints.check(sdp("a=fingerprint:sha-256 " + FP, "a=fingerprint:sha-256 " + FP.replace('8', '9'))));
    assertTrue(SdpFingerprints.check(sdp("a=fingerprint:sha-256 " + FP)));
  }
}
