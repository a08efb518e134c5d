package net.switchboard.media;

import java.util.Objects;

/**
 * An SDP offer or answer as it travels over signaling, free of webrtc-java types.
 *
 * @param type offer or answer
 * @param sdp the SDP text
 */
public record SessionDescription(Type type, String sdp) {

  /** The two kinds of description this engine exchanges. */
  public enum Type {
    /** Sent by the caller. */
    OFFER,
    /** Sent by the callee in reply. */
    ANSWER
  }

  /** Checks both fields are present. */
  public SessionDescription {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sdp, "sdp");
  }
}
