package net.switchboard.media;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How one call is set up.
 *
 * @param loopback bind the wildcard address and announce {@code 127.0.0.1} in candidates (tests
 *     and loopback benchmarks only; see {@link LoopbackCandidates})
 * @param audio negotiate an audio track and be able to send audio with {@link WebRtcPeer#sendAudio}
 * @param receiveDir where files the other side sends are stored; null refuses incoming files
 * @param recordTo where the audio heard from the other side is recorded as WAV; null records nothing
 * @param iceServers STUN/TURN urls (e.g. {@code stun:stun.example.org:3478}); empty for host-only ICE
 */
public record PeerConfig(
    boolean loopback, boolean audio, Path receiveDir, Path recordTo, List<String> iceServers) {

  /** Copies the server list. */
  public PeerConfig {
    iceServers = List.copyOf(Objects.requireNonNull(iceServers, "iceServers"));
  }

  /** Host candidates only, no audio, no incoming files, no recording. */
  public static PeerConfig defaults() {
    return new PeerConfig(false, false, null, null, List.of());
  }

  /** The same with the loopback flag set or cleared. */
  public PeerConfig withLoopback(boolean on) {
    return new PeerConfig(on, audio, receiveDir, recordTo, iceServers);
  }

  /** The same with an audio track negotiated or not. */
  public PeerConfig withAudio(boolean on) {
    return new PeerConfig(loopback, on, receiveDir, recordTo, iceServers);
  }

  /** The same storing incoming files in {@code dir}. */
  public PeerConfig withReceiveDir(Path dir) {
    return new PeerConfig(loopback, audio, dir, recordTo, iceServers);
  }

  /** The same recording what is heard to {@code wav}. */
  public PeerConfig withRecording(Path wav) {
    return new PeerConfig(loopback, audio, receiveDir, wav, iceServers);
  }

  /** The same with these ICE servers. */
  public PeerConfig withIceServers(List<String> urls) {
    return new PeerConfig(loopback, audio, receiveDir, recordTo, urls);
  }
}
