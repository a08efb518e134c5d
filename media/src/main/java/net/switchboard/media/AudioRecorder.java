package net.switchboard.media;


import dev.onvoid.webrtc.media.audio.AudioTrackSink;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * Records what a remote audio track plays out into a mono 16-bit WAV file.
 *
 * <p>Registered as the track's {@link AudioTrackSink}: the native audio thread calls
 * {@link #onData} every 10 ms; the frame is copied and downmixed there (cheap, never blocking) and
 * written on the peer's executor. The WAV takes the sample rate of the first frame; later frames
 * at another rate are dropped and counted.
 */
final class AudioRecorder implements AudioTrackSink {
  private final Path file;
  private final Executor writer;
  private final Runnable firstFrame;
  private WavWriter wav;
  private volatile boolean closed;
  private volatile boolean heard;
  private volatile long dropped;

  AudioRecorder(Path file, Executor writer, Runnable firstFrame) {
    this.file = file;
    this.writer = writer;
    this.firstFrame = firstFrame;
  }

  @Override
  public void onData(byte[] data, int bitsPerSample, int sampleRate, int channels, int frames) {
    Guard.run(
        "audio sink",
        () -> {
          if (closed || bitsPerSample != 16 || channels < 1 || frames < 1) {
            return;
          }
          int need = frames * channels * 2;
          if (data == null || data.length < need) {
            return;
          }
          ByteBuffer b = ByteBuffer.wrap(data, 0, need).order(ByteOrder.nativeOrder());
          short[] mono = new short[frames];
          for (int i = 0; i < frames; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
              sum += b.getShort();
            }
            mono[i] = (short) (sum / channels);
          }
          writer.execute(() -> append(mono, sampleRate));
        });
  }

  private void append(short[] mono, int rate) {
    if (closed) {
      return;
    }
    if (wav == null) {
      wav = WavWriter.open(file, rate, 1);
    }
    if (rate != wav.rate()) {
      dropped++;
      return;
    }
    wav.write(mono, 0, mono.length);
    if (!heard) {
      heard = true;
      firstFrame.run();
    }
  }

  /** Samples written so far. */
  long frames() {
    WavWriter w = wav;
    return w == null ? 0 : w.frames();
  }

  /** Frames dropped because the rate changed. */
  long dropped() {
    return dropped;
  }

  /** Finishes the WAV. Call on the writer executor, after the sink was removed from the track. */
  void close() {
    closed = true;
    if (wav != null) {
      wav.close();
    }
  }
}
