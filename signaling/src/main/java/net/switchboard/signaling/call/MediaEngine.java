package net.switchboard.signaling.call;

import java.util.Set;
import net.switchboard.signaling.contact.MediaCapability;

/**
 * Creates peer connections. The overlay module implements it with webrtc-java; tests use an
 * in-memory fake. The signaling core never sees more than this interface.
 */
public interface MediaEngine {
  /**
   * A new peer connection for {@code callId} carrying {@code media}; its events go to {@code
   * listener}. The caller opens it when it places a call, the callee only once it accepts (so that
   * nothing gathers, or leaks, its addresses before).
   */
  MediaSession open(CallId callId, Set<MediaCapability> media, MediaSession.Listener listener);
}
