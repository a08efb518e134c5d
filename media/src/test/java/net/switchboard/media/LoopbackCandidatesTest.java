package net.switchboard.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoopbackCandidatesTest {

  @Test
  void rewritesTheAddressFieldOnly() {
    String c = "candidate:842163049 1 udp 2122260223 10.1.2.3 54321 typ host generation 0 ufrag x";
    assertEquals(
        "candidate:842163049 1 udp 2122260223 127.0.0.1 54321 typ host generation 0 ufrag x",
        LoopbackCandidates.rewrite(c));
  }

  @Test
  void rewritesWildcardAndKeepsTheAttributePrefix() {
    String c = "a=candidate:1 1 udp 1 0.0.0.0 9 typ host";
    assertEquals("a=candidate:1 1 udp 1 127.0.0.1 9 typ host", LoopbackCandidates.rewrite(c));
  }

  @Test
  void leavesIpv6AndNonCandidatesAlone() {
    String v6 = "candidate:1 1 udp 1 fe80::1 9 typ host generation 0";
    assertTrue(LoopbackCandidates.isIpv6(v6));
    assertEquals(v6, LoopbackCandidates.rewrite(v6));
    assertEquals("hello", LoopbackCandidates.rewrite("hello"));
    assertFalse(LoopbackCandidates.isIpv6("candidate:1 1 udp 1 10.0.0.1 9 typ host"));
  }
}
