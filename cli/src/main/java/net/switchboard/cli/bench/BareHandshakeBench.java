package net.switchboard.cli.bench;

import net.switchboard.media.InProcessSignaling;

import net.switchboard.media.MediaException;
import net.switchboard.media.PeerConfig;
import net.switchboard.media.PeerListener;
import net.switchboard.media.WebRtcFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Measures WebRTC's own handshake with no overlay: offer to open data channel between two peers
 * in this process over loopback, signaling handed over in-process. This is the
 * {@code bare_webrtc_ms} baseline of {@code switchboard bench call}.
 */
public final class BareHandshakeBench {
  private static final long TIMEOUT_SECONDS = 20;

  private BareHandshakeBench() {}

  /**
   * Runs {@code calls} calls one after another on the process-wide factory.
   *
   * @return each call's handshake in milliseconds, in call order
   * @throws MediaException when a call does not connect within 20 s
   */
  public static List<Double> measure(int calls) {
    return measure(WebRtcFactory.shared(), calls);
  }

  /**
   * Runs {@code calls} calls one after another: the caller creates its offer, the callee answers,
   * both trickle candidates, and the time from starting the offer to the caller's chat channel
   * opening is recorded. Each call is closed before the next starts.
   *
   * @return each call's handshake in milliseconds, in call order
   * @throws MediaException when a call does not connect within 20 s
   */
  public static List<Double> measure(WebRtcFactory factory, int calls) {
    if (calls < 0) {
      throw new IllegalArgumentException("calls must be >= 0");
    }
    PeerConfig loopback = PeerConfig.defaults().withLoopback(true);
    List<Double> out = new ArrayList<>(calls);
    for (int i = 0; i < calls; i++) {
      InProcessSignaling.Pair pair =
          InProcessSignaling.connect(
              factory, loopback, PeerListener.none(), loopback, PeerListener.none());
      try (pair) {
        pair.connected().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        out.add(pair.caller().handshakeMillis());
      } catch (ExecutionException | TimeoutException e) {
        throw new MediaException("bare call " + (i + 1) + " did not connect: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MediaException("interrupted", e);
      }
    }
    return out;
  }
}
