package net.switchboard.media;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Pushes 48 kHz mono 16-bit PCM into a {@link CustomAudioSource} in real time, 10 ms per push.
 *
 * <p>All pushes come from one dedicated thread (concurrent pushes race inside libwebrtc), each
 * with an exact 960-byte frame (the last one zero-padded). Clips queue and play one after another.
 * {@link #close()} stops pushing and waits for the thread, which must happen before the track and
 * source are disposed.
 */
final class AudioSender implements AutoCloseable {
  static final int FRAMES_PER_PUSH = WavFiles.RATE / 100;

  private final CustomAudioSource source;
  private final ScheduledExecutorService thread;
  private final ArrayDeque<Clip> clips = new ArrayDeque<>();
  private ScheduledFuture<?> ticker;
  private volatile boolean closed;

  private static final class Clip {
    final short[] samples;
    final CompletableFuture<Void> done = new CompletableFuture<>();
    int pos;

    Clip(short[] samples) {
      this.samples = samples;
    }
  }

  AudioSender(CustomAudioSource source, String name) {
    this.source = source;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "switchboard-audio-" + name);
              t.setDaemon(true);
              return t;
            });
  }

  /** Queues {@code samples} (48 kHz mono); completes when the last frame was pushed. */
  CompletableFuture<Void> play(short[] samples) {
    Clip clip = new Clip(samples);
    if (closed) {
      clip.done.completeExceptionally(new MediaException("call closed"));
      return clip.done;
    }
    thread.execute(
        () -> {
          clips.add(clip);
          if (ticker == null) {
            ticker = thread.scheduleAtFixedRate(this::tick, 0, 10, TimeUnit.MILLISECONDS);
          }
        });
    return clip.done;
  }

  private void tick() {
    Guard.run(
        "audio push",
        () -> {
          Clip clip = clips.peek();
          if (clip == null || closed) {
            if (ticker != null) {
              ticker.cancel(false);
              ticker = null;
            }
            return;
          }
          byte[] frame = new byte[FRAMES_PER_PUSH * 2];
          ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.nativeOrder());
          int n = Math.min(FRAMES_PER_PUSH, clip.samples.length - clip.pos);
          for (int i = 0; i < n; i++) {
            b.putShort(clip.samples[clip.pos + i]);
          }
          clip.pos += n;
          source.pushAudio(frame, 16, WavFiles.RATE, 1, FRAMES_PER_PUSH);
          if (clip.pos >= clip.samples.length) {
            clips.poll();
            clip.done.complete(null);
          }
        });
  }

  /** Stops pushing and waits (up to 2 s) until the push thread has finished. */
  @Override
  public void close() {
    closed = true;
    thread.shutdownNow();
    try {
      thread.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Clip c : clips) {
      c.done.completeExceptionally(new MediaException("call closed"));
    }
  }
}
