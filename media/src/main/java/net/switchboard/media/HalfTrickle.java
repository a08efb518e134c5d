package net.switchboard.media;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.switchboard.signaling.call.IceCandidate;
import net.switchboard.signaling.call.MediaSession;

/**
 * Half-trickle ICE: the candidates gathered right after the local description is set (host
 * candidates come within a millisecond or two) go inside the offer or answer as {@code
 * a=candidate} lines instead of one signaling envelope each; later ones trickle as usual. Each
 * envelope saved is a seal, a routed message and an open (about 2 ms of CPU and a route), and the
 * other side can start its connectivity checks the moment it sets the description.
 *
 * <p>Stands between a media session and the call layer's listener: it holds the first candidates
 * until {@link #describe} has put them into the SDP, waiting at most {@code waitMillis} for the
 * first one. Staged disclosure is unchanged: the callee's candidates ride in its ACCEPT, which is
 * only sent once it accepted.
 */
final class HalfTrickle implements MediaSession.Listener {
  private final MediaSession.Listener down;
  private final long waitMillis;
  private final List<IceCandidate> early = new ArrayList<>();
  private final CompletableFuture<Void> first = new CompletableFuture<>();
  private boolean released;

  HalfTrickle(MediaSession.Listener down, long waitMillis) {
    this.down = down;
    this.waitMillis = waitMillis;
  }

  @Override
  public void onLocalCandidate(IceCandidate candidate) {
    synchronized (this) {
      if (!released) {
        early.add(candidate);
        first.complete(null);
        return;
      }
    }
    down.onLocalCandidate(candidate);
  }

  @Override
  public void onDataChannelOpen() {
    down.onDataChannelOpen();
  }

  @Override
  public void onFailed(String reason) {
    down.onFailed(reason);
  }

  /**
   * Once {@code sdp} (just set as local description) is ready, waits for the first candidate (at
   * most {@code waitMillis}), puts every candidate gathered so far into the SDP and lets the later
   * ones trickle.
   */
  CompletableFuture<String> describe(CompletableFuture<String> sdp) {
    if (waitMillis <= 0) {
      synchronized (this) {
        released = true;
      }
      return sdp;
    }
    return sdp.thenCompose(s -> first.copy()
        .completeOnTimeout(null, waitMillis, TimeUnit.MILLISECONDS)
        .thenApply(v -> {
          List<IceCandidate> held;
          synchronized (this) {
            released = true;
            held = List.copyOf(early);
            early.clear();
          }
          return withCandidates(s, held);
        }));
  }

  /** {@code sdp} with each candidate as an {@code a=candidate} line at the end of its media section. */
  static String withCandidates(String sdp, List<IceCandidate> candidates) {
    if (candidates.isEmpty()) {
      return sdp;
    }
    String eol = sdp.contains("\r\n") ? "\r\n" : "\n";
    String[] lines = sdp.split("\r?\n", -1);
    List<List<String>> sections = new ArrayList<>();
    List<String> mids = new ArrayList<>();
    List<String> current = new ArrayList<>();
    sections.add(current); // session part
    mids.add(null);
    for (String line : lines) {
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("m=")) {
        current = new ArrayList<>();
        sections.add(current);
        mids.add(null);
      } else if (line.startsWith("a=mid:")) {
        mids.set(mids.size() - 1, line.substring(6));
      }
      current.add(line);
    }
    for (IceCandidate c : candidates) {
      if (c.candidate().isEmpty()) {
        continue;
      }
      int section = -1;
      if (!c.sdpMid().isEmpty()) {
        section = mids.indexOf(c.sdpMid());
      }
      if (section < 1 && c.sdpMLineIndex() >= 0 && c.sdpMLineIndex() + 1 < sections.size()) {
        section = c.sdpMLineIndex() + 1;
      }
      if (section < 1) {
        continue; // nowhere to put it: it would not be trickled either
      }
      String line = c.candidate().startsWith("a=") ? c.candidate() : "a=" + c.candidate();
      sections.get(section).add(line);
    }
    StringBuilder out = new StringBuilder(sdp.length() + 128 * candidates.size());
    for (List<String> section : sections) {
      for (String line : section) {
        out.append(line).append(eol);
      }
    }
    return out.toString();
  }
}
