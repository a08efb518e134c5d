package net.switchboard.media;

import net.switchboard.signaling.call.IceCandidate;

/**
 * Rewrites the connection address of an ICE candidate to {@code 127.0.0.1}.
 *
 * <p>libwebrtc ignores the loopback interface. With adapter enumeration disabled it binds
 * {@code 0.0.0.0} and announces some other local address (or none that routes); rewriting the
 * announced address to loopback lets two peers on one machine with no network reach each other.
 * Only for tests and loopback benchmarks.
 */
public final class LoopbackCandidates {
  /** The address every rewritten candidate carries. */
  public static final String LOOPBACK = "127.0.0.1";

  private LoopbackCandidates() {}

  /**
   * The candidate with its address field ({@code candidate:F C proto prio ADDRESS port typ ...})
   * replaced by {@code 127.0.0.1}. IPv6 candidates and text that is not a candidate come back
   * unchanged (the caller may drop IPv6 ones).
   */
  public static String rewrite(String candidate) {
    String[] f = candidate.split(" ", -1);
    if (f.length < 8 || !f[0].contains("candidate:") || f[4].contains(":")) {
      return candidate;
    }
    f[4] = LOOPBACK;
    return String.join(" ", f);
  }

  /** True for a candidate whose address is IPv6 (it cannot be rewritten to 127.0.0.1). */
  public static boolean isIpv6(String candidate) {
    String[] f = candidate.split(" ", -1);
    return f.length >= 8 && f[4].contains(":");
  }

  /** The same candidate with its address rewritten. */
  public static IceCandidate rewrite(IceCandidate c) {
    return new IceCandidate(c.sdpMid(), c.sdpMLineIndex(), rewrite(c.candidate()));
  }
}
