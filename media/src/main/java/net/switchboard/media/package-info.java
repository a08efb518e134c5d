/**
 * The WebRTC media engine of a Java node, built on webrtc-java (libwebrtc over JNI).
 *
 * <p>{@link net.switchboard.media.WebRtcFactory} owns the one native
 * {@code PeerConnectionFactory} of the process; {@link net.switchboard.media.WebRtcPeer}
 * is one call: offer/answer, trickle ICE, a reliable ordered {@code chat} data channel for text,
 * a {@code file} data channel for files (SHA-256 checked) and optionally one audio track (WAV in,
 * WAV recording out). Signaling is not done here: the peer hands its session descriptions and
 * candidates to a {@link net.switchboard.media.PeerListener} and takes the remote ones
 * through method calls, so any signaling transport (or, for tests and the bare handshake
 * benchmark, {@link net.switchboard.cli.bench.InProcessSignaling}) can carry them.
 *
 * <p>Native misuse aborts the JVM, so this package keeps a few rules everywhere: every native
 * callback is wrapped in {@link net.switchboard.media.Guard} (no exception escapes), no
 * callback blocks (work is handed to a per-peer {@link net.switchboard.media.SerialExecutor}),
 * data channel buffers are exact-size copies, and teardown follows the one order that does not
 * crash (see {@link net.switchboard.media.WebRtcPeer#close()}).
 */
package net.switchboard.media;
