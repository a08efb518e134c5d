package net.switchboard.media;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelBuffer;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCDataChannelObserver;
import dev.onvoid.webrtc.RTCDataChannelState;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.switchboard.signaling.call.IceCandidate;

/**
 * One call over WebRTC: offer/answer, trickle ICE, a {@code chat} data channel for text, a
 * {@code file} data channel for files, and optionally one audio track.
 *
 * <p>Created by {@link WebRtcFactory#newPeer}. The caller calls {@link #createOffer()}, sends the
 * offer, and passes the answer to {@link #acceptAnswer}; the callee passes the offer to
 * {@link #acceptOffer} and sends back the answer. Both pass each candidate their
 * {@link PeerListener#onLocalCandidate} reports to the other side's {@link #addRemoteCandidate};
 * candidates that arrive before the remote description are held back until it is set.
 *
 * <p>Threading: every native callback only copies what it needs and hands the work to this peer's
 * serial executor, where all native calls and all listener calls happen. Public methods may be
 * called from any thread except a native libwebrtc callback thread.
 */
public final class WebRtcPeer implements AutoCloseable {
  /** Label of the text channel. */
  public static final String CHAT = "chat";
  /** Label of the file channel. */
  public static final String FILE = "file";
  /** The reason {@link #closed()} completes with when this side closed the call. */
  public static final String LOCAL_CLOSE = "closed locally";

  private final WebRtcFactory owner;
  private final PeerConfig config;
  private final PeerListener listener;
  private final String name;
  private final SerialExecutor exec;
  private final RTCPeerConnection pc;
  private final CandidateQueue remoteCandidates = new CandidateQueue();
  private final CompletableFuture<Void> opened = new CompletableFuture<>();
  private final CompletableFuture<Void> fileOpened = new CompletableFuture<>();
  private final CompletableFuture<String> closedFuture = new CompletableFuture<>();
  private final long createdNanos = System.nanoTime();

  // Touched only on exec.
  private final List<RTCDataChannel> channels = new ArrayList<>();
  private final List<Pending> whenChatOpen = new ArrayList<>();
  private final List<Pending> whenFileOpen = new ArrayList<>();
  private MessageChannel chat;
  private MessageChannel fileChannel;
  private FileSender fileSender;
  private FileReceiver fileReceiver;
  private CustomAudioSource audioSource;
  private AudioTrack localAudio;
  private RTCRtpSender audioRtpSender;
  private AudioSender audioSender;
  private AudioTrack remoteAudio;
  private AudioRecorder recorder;
  private volatile long offerNanos;
  private volatile long openNanos;
  private volatile boolean closed;

  WebRtcPeer(WebRtcFactory owner, PeerConfig config, PeerListener listener, String name) {
    this.owner = owner;
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.name = name;
    this.exec = owner.newSerialExecutor(name);
    this.pc = owner.createConnection(config, new Observer());
    // the next spare connection is made once this handshake no longer needs the native threads
    opened.whenComplete((v, e) -> owner.refillSpares(config));
  }

  /** A short name for logs ({@code peer-N}). */
  public String name() {
    return name;
  }

  /** This call's configuration. */
  public PeerConfig config() {
    return config;
  }

  // ---------------------------------------------------------------- offer / answer / ICE

  /**
   * Caller side: creates the data channels (and the audio track when configured), then an offer,
   * sets it as local description and returns it for signaling. Local candidates start to trickle.
   */
  public CompletableFuture<SessionDescription> createOffer() {
    CompletableFuture<SessionDescription> out = new CompletableFuture<>();
    onExec(
        out,
        () -> {
          offerNanos = System.nanoTime();
          RTCDataChannelInit reliable = new RTCDataChannelInit();
          reliable.ordered = true;
          attach(pc.createDataChannel(CHAT, reliable));
          attach(pc.createDataChannel(FILE, reliable));
          if (config.audio()) {
            addLocalAudio();
          }
          pc.createOffer(new RTCOfferOptions(), new Created(out));
        });
    return out;
  }

  /**
   * Callee side: sets the offer as remote description (applying candidates that came early),
   * adds the audio track when configured, and returns the answer for signaling. The same as
   * {@link #setRemoteDescription} followed by {@link #createAnswer()}.
   */
  public CompletableFuture<SessionDescription> acceptOffer(SessionDescription offer) {
    requireType(offer, SessionDescription.Type.OFFER);
    return setRemoteDescription(offer).thenCompose(v -> createAnswer());
  }

  /** Caller side: sets the answer as remote description and applies candidates that came early. */
  public CompletableFuture<Void> acceptAnswer(SessionDescription answer) {
    requireType(answer, SessionDescription.Type.ANSWER);
    return setRemoteDescription(answer);
  }

  /**
   * Sets the other side's offer or answer; once set, candidates that arrived early are applied.
   * For an offer on a call configured with audio, the local audio track is added here, so the
   * answer will send it.
   */
  public CompletableFuture<Void> setRemoteDescription(SessionDescription description) {
    Objects.requireNonNull(description, "description");
    CompletableFuture<Void> out = new CompletableFuture<>();
    onExec(
        out,
        () -> {
          boolean offer = description.type() == SessionDescription.Type.OFFER;
          if (offer) {
            offerNanos = System.nanoTime();
          }
          pc.setRemoteDescription(
              toRtc(description),
              new Applied(
                  out,
                  () -> {
                    remoteCandidates.remoteDescriptionSet(this::applyCandidate);
                    if (offer && config.audio() && localAudio == null) {
                      addLocalAudio();
                    }
                    out.complete(null);
                  }));
        });
    return out;
  }

  /**
   * Callee side, after {@link #setRemoteDescription} with the offer: creates the answer, sets it as
   * local description and returns it for signaling. Local candidates start to trickle.
   */
  public CompletableFuture<SessionDescription> createAnswer() {
    CompletableFuture<SessionDescription> out = new CompletableFuture<>();
    onExec(out, () -> pc.createAnswer(new RTCAnswerOptions(), new Created(out)));
    return out;
  }

  /** A candidate from the other side; held back until the remote description is set. */
  public void addRemoteCandidate(IceCandidate candidate) {
    Objects.requireNonNull(candidate, "candidate");
    exec.execute(
        () -> {
          if (!closed) {
            remoteCandidates.offer(candidate, this::applyCandidate);
          }
        });
  }

  private void applyCandidate(IceCandidate c) {
    try {
      pc.addIceCandidate(new RTCIceCandidate( // webrtc-java wants null for "no mid", and an index >= 0
          c.sdpMid().isEmpty() ? null : c.sdpMid(), Math.max(0, c.sdpMLineIndex()), c.candidate()));
    } catch (Throwable t) {
      Guard.log().log(System.Logger.Level.DEBUG, name + ": candidate refused: " + t);
    }
  }

  // ---------------------------------------------------------------- state

  /** Completes when the chat channel opens; fails if the call ends first. */
  public CompletableFuture<Void> opened() {
    return opened;
  }

  /** Completes with the reason once the call is torn down. */
  public CompletableFuture<String> closed() {
    return closedFuture;
  }

  /** True once the call is torn down (or tearing down). */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Milliseconds from {@link #createOffer()} (or {@link #acceptOffer}) to the chat channel opening,
   * or -1 while it is not open.
   */
  public double handshakeMillis() {
    long open = openNanos;
    return open == 0 ? -1 : (open - (offerNanos == 0 ? createdNanos : offerNanos)) / 1e6;
  }

  /** Samples recorded from the other side's audio so far (0 without a recording). */
  public long recordedSamples() {
    AudioRecorder r = recorder;
    return r == null ? 0 : r.frames();
  }

  // ---------------------------------------------------------------- chat, files, audio

  /** Sends a chat message (queued until the chat channel opens). */
  public CompletableFuture<Void> sendText(String text) {
    Objects.requireNonNull(text, "text");
    CompletableFuture<Void> out = new CompletableFuture<>();
    onExec(
        out,
        () ->
            whenOpen(
                whenChatOpen,
                chat,
                out,
                () -> {
                  chat.sendText(text);
                  out.complete(null);
                }));
    return out;
  }

  /**
   * Sends a file (queued until the file channel opens, and behind earlier files). Completes when
   * the other side has stored it with a matching SHA-256; fails if it refuses it.
   */
  public CompletableFuture<FileTransfer> sendFile(Path file) {
    Objects.requireNonNull(file, "file");
    CompletableFuture<FileTransfer> out = new CompletableFuture<>();
    onExec(
        out,
        () ->
            whenOpen(
                whenFileOpen,
                fileChannel,
                out,
                () ->
                    fileSender
                        .send(file)
                        .whenComplete(
                            (ok, err) -> {
                              if (err != null) {
                                out.completeExceptionally(err);
                              } else {
                                out.complete(ok);
                              }
                            })));
    return out;
  }

  /**
   * Sends the audio of a WAV file in real time (after the call opens). Needs
   * {@link PeerConfig#audio()}. Completes when the last 10 ms frame was pushed.
   */
  public CompletableFuture<Void> sendAudio(Path wav) {
    Objects.requireNonNull(wav, "wav");
    return CompletableFuture.supplyAsync(() -> WavFiles.readMono48k(wav), owner.workers())
        .thenCompose(this::sendAudio);
  }

  /** Sends 48 kHz mono 16-bit samples in real time (after the call opens). */
  public CompletableFuture<Void> sendAudio(short[] samples48kMono) {
    if (!config.audio()) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("this call was set up without audio"));
    }
    return opened.thenCompose(
        v -> {
          AudioSender s = audioSender;
          return s == null || closed
              ? CompletableFuture.failedFuture(new MediaException("call closed"))
              : s.play(samples48kMono);
        });
  }

  /** A send waiting for its channel to open. */
  private record Pending(CompletableFuture<?> out, Runnable send) {}

  private void whenOpen(
      List<Pending> waiting, MessageChannel ch, CompletableFuture<?> out, Runnable send) {
    Runnable guarded =
        () -> {
          try {
            send.run();
          } catch (RuntimeException e) {
            out.completeExceptionally(e);
          }
        };
    if (ch != null && ch.isOpen()) {
      guarded.run();
    } else {
      waiting.add(new Pending(out, guarded));
    }
  }

  // ---------------------------------------------------------------- channels and tracks

  private void attach(RTCDataChannel ch) {
    channels.add(ch);
    String label = ch.getLabel();
    ch.registerObserver(new ChannelObserver(label, ch));
    MessageChannel adapter = new DataChannelAdapter(ch);
    if (CHAT.equals(label)) {
      chat = adapter;
    } else if (FILE.equals(label)) {
      fileChannel = adapter;
      fileSender = new FileSender(adapter, exec, owner.workers(), owner.timers());
      fileReceiver =
          new FileReceiver(
              config.receiveDir(),
              adapter,
              listener::onFileReceived,
              listener::onFileFailed);
    }
    RTCDataChannelState st = ch.getState();
    if (st == RTCDataChannelState.OPEN) {
      channelOpened(label, System.nanoTime());
    }
  }

  private void channelOpened(String label, long nanos) {
    if (CHAT.equals(label) && !opened.isDone()) {
      openNanos = nanos;
      opened.complete(null);
      listener.onOpen();
      drain(whenChatOpen);
    } else if (FILE.equals(label) && !fileOpened.isDone()) {
      fileOpened.complete(null);
      drain(whenFileOpen);
    }
  }

  private static void drain(List<Pending> waiting) {
    List<Pending> copy = new ArrayList<>(waiting);
    waiting.clear();
    copy.forEach(p -> p.send().run());
  }

  private static void fail(List<Pending> waiting, RuntimeException why) {
    List<Pending> copy = new ArrayList<>(waiting);
    waiting.clear();
    copy.forEach(p -> p.out().completeExceptionally(why));
  }

  private void channelState(String label, RTCDataChannel ch, long nanos) {
    if (closed) {
      return;
    }
    RTCDataChannelState st = ch.getState();
    if (st == RTCDataChannelState.OPEN) {
      channelOpened(label, nanos);
    } else if (st == RTCDataChannelState.CLOSED && CHAT.equals(label)) {
      teardown("the other side hung up");
    }
  }

  private void message(String label, boolean binary, byte[] data) {
    if (closed) {
      return;
    }
    if (CHAT.equals(label)) {
      listener.onText(new String(data, StandardCharsets.UTF_8));
    } else if (FILE.equals(label)) {
      if (binary) {
        fileReceiver.onChunk(data);
      } else {
        String msg = new String(data, StandardCharsets.UTF_8);
        if (FileHeader.isHeader(msg)) {
          fileReceiver.onHeader(msg);
        } else if (FileSender.isReply(msg)) {
          fileSender.onReply(msg);
        }
      }
    }
  }

  private void addLocalAudio() {
    audioSource = new CustomAudioSource();
    localAudio = owner.createAudioTrack(config, "audio-" + name, audioSource);
    audioRtpSender = pc.addTrack(localAudio, List.of("stream-" + name));
    audioSender = new AudioSender(audioSource, name);
  }

  private void remoteTrack(MediaStreamTrack track) {
    if (closed || !(track instanceof AudioTrack) || config.recordTo() == null || recorder != null) {
      return;
    }
    remoteAudio = (AudioTrack) track;
    recorder = new AudioRecorder(config.recordTo(), exec, listener::onAudioHeard);
    remoteAudio.addSink(recorder);
  }

  // ---------------------------------------------------------------- teardown

  /**
   * Ends the call and frees what can be freed, in the order that does not crash: stop pushing
   * audio; stop recording; per data channel unregister the observer, close, dispose; remove the
   * audio sender; close the peer connection; dispose the local track, then its source. Blocks
   * until done (at most about 10 s). Idempotent.
   */
  @Override
  public void close() {
    if (exec.inExecutor()) {
      teardown(LOCAL_CLOSE);
      return;
    }
    try {
      closeAsync().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      Guard.log().log(System.Logger.Level.WARNING, name + ": close did not finish: " + e);
    }
  }

  /**
   * Starts the same teardown as {@link #close()} without waiting (for event-loop threads);
   * completes with the reason the call ended.
   */
  public CompletableFuture<String> closeAsync() {
    exec.execute(() -> teardown(LOCAL_CLOSE));
    return closedFuture;
  }

  private void teardown(String reason) {
    if (closed) {
      return;
    }
    closed = true;
    if (audioSender != null) {
      Guard.quietly("stop audio", audioSender::close);
    }
    if (remoteAudio != null && recorder != null) {
      Guard.quietly("remove sink", () -> remoteAudio.removeSink(recorder));
    }
    if (recorder != null) {
      Guard.quietly("finish recording", recorder::close);
    }
    if (fileSender != null) {
      Guard.quietly("file sender", fileSender::close);
    }
    if (fileReceiver != null) {
      Guard.quietly("file receiver", fileReceiver::close);
    }
    for (RTCDataChannel ch : channels) {
      Guard.quietly("unregister", ch::unregisterObserver);
      Guard.quietly("close channel", ch::close);
      Guard.quietly("dispose channel", ch::dispose);
    }
    channels.clear();
    if (audioRtpSender != null) {
      Guard.quietly("remove track", () -> pc.removeTrack(audioRtpSender));
    }
    Guard.quietly("close pc", pc::close);
    if (localAudio != null) {
      Guard.quietly("dispose track", localAudio::dispose);
    }
    if (audioSource != null) {
      Guard.quietly("dispose source", audioSource::dispose);
    }
    owner.forget(this);
    MediaException ended = new MediaException("call ended: " + reason);
    opened.completeExceptionally(ended);
    fileOpened.completeExceptionally(ended);
    fail(whenChatOpen, ended);
    fail(whenFileOpen, ended);
    closedFuture.complete(reason);
    listener.onClosed(reason);
  }

  // ---------------------------------------------------------------- helpers

  private void onExec(CompletableFuture<?> out, Runnable body) {
    exec.execute(
        () -> {
          if (closed) {
            out.completeExceptionally(new MediaException("call closed"));
            return;
          }
          try {
            body.run();
          } catch (Throwable t) {
            out.completeExceptionally(t);
          }
        });
  }

  private static void requireType(SessionDescription d, SessionDescription.Type type) {
    if (Objects.requireNonNull(d, "description").type() != type) {
      throw new IllegalArgumentException("expected an " + type + ", got " + d.type());
    }
  }

  private static RTCSessionDescription toRtc(SessionDescription d) {
    RTCSdpType t = d.type() == SessionDescription.Type.OFFER ? RTCSdpType.OFFER : RTCSdpType.ANSWER;
    return new RTCSessionDescription(t, d.sdp());
  }

  private static SessionDescription fromRtc(RTCSessionDescription d) {
    SessionDescription.Type t =
        d.sdpType == RTCSdpType.OFFER ? SessionDescription.Type.OFFER : SessionDescription.Type.ANSWER;
    return new SessionDescription(t, d.sdp);
  }

  /** createOffer/createAnswer result: set it as local description, then complete. */
  private final class Created implements CreateSessionDescriptionObserver {
    private final CompletableFuture<SessionDescription> out;

    Created(CompletableFuture<SessionDescription> out) {
      this.out = out;
    }

    @Override
    public void onSuccess(RTCSessionDescription desc) {
      Guard.run(
          "create sdp",
          () ->
              onExec(
                  out,
                  () ->
                      pc.setLocalDescription(
                          desc, new Applied(out, () -> out.complete(fromRtc(desc))))));
    }

    @Override
    public void onFailure(String error) {
      Guard.run(
          "create sdp failed",
          () -> out.completeExceptionally(new MediaException("creating SDP failed: " + error)));
    }
  }

  /** set*Description result: continue on the executor. */
  private final class Applied implements SetSessionDescriptionObserver {
    private final CompletableFuture<?> out;
    private final Runnable next;

    Applied(CompletableFuture<?> out, Runnable next) {
      this.out = out;
      this.next = next;
    }

    @Override
    public void onSuccess() {
      Guard.run("set sdp", () -> onExec(out, next));
    }

    @Override
    public void onFailure(String error) {
      Guard.run(
          "set sdp failed",
          () -> out.completeExceptionally(new MediaException("setting SDP failed: " + error)));
    }
  }

  private final class Observer implements PeerConnectionObserver {
    @Override
    public void onIceCandidate(RTCIceCandidate c) {
      Guard.run(
          "ice candidate",
          () -> {
            if (c == null || c.sdp == null) {
              return;
            }
            IceCandidate ours = new IceCandidate(c.sdpMid == null ? "" : c.sdpMid, c.sdpMLineIndex, c.sdp);
            exec.execute(() -> localCandidate(ours));
          });
    }

    @Override
    public void onConnectionChange(RTCPeerConnectionState state) {
      Guard.run(
          "connection state",
          () ->
              exec.execute(
                  () -> {
                    if (closed) {
                      return;
                    }
                    listener.onConnectionState(String.valueOf(state));
                    if (state == RTCPeerConnectionState.FAILED) {
                      teardown("connection failed");
                    }
                  }));
    }

    @Override
    public void onDataChannel(RTCDataChannel ch) {
      Guard.run(
          "data channel",
          () ->
              exec.execute(
                  () -> {
                    if (closed) {
                      Guard.quietly("close late channel", ch::close);
                      Guard.quietly("dispose late channel", ch::dispose);
                    } else {
                      attach(ch);
                    }
                  }));
    }

    @Override
    public void onTrack(RTCRtpTransceiver transceiver) {
      Guard.run(
          "track",
          () -> {
            MediaStreamTrack track = transceiver.getReceiver().getTrack();
            exec.execute(() -> remoteTrack(track));
          });
    }
  }

  private void localCandidate(IceCandidate c) {
    if (closed) {
      return;
    }
    if (config.loopback()) {
      if (LoopbackCandidates.isIpv6(c.candidate())) {
        return;
      }
      c = LoopbackCandidates.rewrite(c);
    }
    listener.onLocalCandidate(c);
  }

  private final class ChannelObserver implements RTCDataChannelObserver {
    private final String label;
    private final RTCDataChannel ch;

    ChannelObserver(String label, RTCDataChannel ch) {
      this.label = label;
      this.ch = ch;
    }

    @Override
    public void onBufferedAmountChange(long previousAmount) {
      // never fires in webrtc-java 0.14.0; FileSender polls instead
    }

    @Override
    public void onStateChange() {
      Guard.run(
          "channel state",
          () -> {
            long now = System.nanoTime();
            exec.execute(() -> channelState(label, ch, now));
          });
    }

    @Override
    public void onMessage(RTCDataChannelBuffer buffer) {
      Guard.run(
          "channel message",
          () -> {
            ByteBuffer src = buffer.data.duplicate();
            byte[] copy = new byte[src.remaining()];
            src.get(copy);
            boolean binary = buffer.binary;
            exec.execute(() -> message(label, binary, copy));
          });
    }
  }
}
