package net.switchboard.media;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.switchboard.signaling.call.IceCandidate;

/**
 * Holds remote ICE candidates that arrive before the remote description is set.
 *
 * <p>Trickled candidates may overtake the offer or answer; libwebrtc refuses a candidate before
 * it has a remote description, so they wait here and are applied in arrival order once it is set.
 * Not thread-safe: used only from the peer's serial executor.
 */
final class CandidateQueue {
  private final List<IceCandidate> pending = new ArrayList<>();
  private boolean ready;

  /** Applies {@code c} now when the remote description is set, or keeps it for later. */
  void offer(IceCandidate c, Consumer<IceCandidate> apply) {
    if (ready) {
      apply.accept(c);
    } else {
      pending.add(c);
    }
  }

  /** Marks the remote description as set and applies everything queued. */
  void remoteDescriptionSet(Consumer<IceCandidate> apply) {
    ready = true;
    List<IceCandidate> queued = new ArrayList<>(pending);
    pending.clear();
    queued.forEach(apply);
  }

  /** Candidates still waiting. */
  int pending() {
    return pending.size();
  }
}
