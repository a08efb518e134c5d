package net.switchboard.media;

import java.util.Objects;

/**
 * One trickled ICE candidate as it travels over signaling, free of webrtc-java types.
 *
 * @param sdpMid media id the candidate belongs to (may be null when only the index is known)
 * @param sdpMLineIndex index of the media section
 * @param candidate the {@code candidate:...} attribute value
 */
public record IceCandidate(String sdpMid, int sdpMLineIndex, String candidate) {

  /** Checks the candidate text is present. */
  public IceCandidate {
    Objects.requireNonNull(candidate, "candidate");
  }
}
