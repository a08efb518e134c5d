package net.switchboard.media;

import net.switchboard.signaling.call.IceCandidate;

/**
 * What a {@link WebRtcPeer} reports. Every method is called on the peer's own serial executor,
 * never on a native libwebrtc thread, one at a time and in order; an exception thrown here is
 * logged and ignored. A method may block briefly (e.g. to hand a candidate to signaling), but that
 * delays the peer's other work.
 */
public interface PeerListener {

  /** A local ICE candidate to trickle to the other side. */
  default void onLocalCandidate(IceCandidate candidate) {}

  /** The chat data channel opened: the call is connected. */
  default void onOpen() {}

  /** A chat message arrived. */
  default void onText(String text) {}

  /** A file arrived, its SHA-256 matched, and it is stored. */
  default void onFileReceived(FileTransfer file) {}

  /** A file arrived broken or was refused; nothing is stored. */
  default void onFileFailed(String name, String reason) {}

  /** The first audio frame from the other side was heard. */
  default void onAudioHeard() {}

  /** The peer connection changed state ({@code NEW}, {@code CONNECTING}, {@code CONNECTED}, ...). */
  default void onConnectionState(String state) {}

  /** The call ended, locally or remotely; the peer is already torn down. */
  default void onClosed(String reason) {}

  /** Listens to nothing. */
  static PeerListener none() {
    return new PeerListener() {};
  }
}
