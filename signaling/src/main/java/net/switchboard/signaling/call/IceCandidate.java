package net.switchboard.signaling.call;

/**
 * One trickled ICE candidate, as WebRTC's {@code RTCIceCandidate}.
 *
 * @param sdpMid media section id, may be empty
 * @param sdpMLineIndex media section index, or -1 when unknown
 * @param candidate the {@code candidate:...} attribute value; empty marks end of candidates
 */
public record IceCandidate(String sdpMid, int sdpMLineIndex, String candidate) {
  public IceCandidate {
    if (sdpMid == null || candidate == null) {
      throw new IllegalArgumentException("sdpMid and candidate must not be null");
    }
  }
}
