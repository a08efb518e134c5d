package net.switchboard.media;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads WAV files into the one format the audio sender pushes: 16-bit signed PCM, 48 kHz, mono.
 *
 * <p>Java Sound decodes the container and sample width; channels are averaged down to mono and the
 * rate is converted by linear interpolation here, so any PCM WAV (8/16/24/32-bit, any rate, any
 * channel count) is accepted.
 */
public final class WavFiles {
  /** The rate audio is sent at. */
  public static final int RATE = 48_000;

  private WavFiles() {}

  /**
   * The samples of {@code wav} as 48 kHz mono.
   *
   * @throws MediaException when the file is not a PCM WAV Java Sound can read
   */
  public static short[] readMono48k(Path wav) {
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(wav));
        AudioInputStream in = AudioSystem.getAudioInputStream(raw)) {
      AudioFormat src = in.getFormat();
      int channels = Math.max(1, src.getChannels());
      float rate = src.getSampleRate();
      AudioFormat pcm16 = new AudioFormat(rate, 16, channels, true, false);
      byte[] bytes;
      try (AudioInputStream conv = AudioSystem.getAudioInputStream(pcm16, in)) {
        bytes = conv.readAllBytes();
      }
      short[] mono = downmix(bytes, channels);
      return resample(mono, Math.round(rate), RATE);
    } catch (UnsupportedAudioFileException | IllegalArgumentException e) {
      throw new MediaException("not a PCM WAV file: " + wav + " (" + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new MediaException("cannot read " + wav + ": " + e.getMessage(), e);
    }
  }

  /** Averages interleaved little-endian 16-bit frames of {@code channels} channels to mono. */
  static short[] downmix(byte[] pcm16le, int channels) {
    ByteBuffer b = ByteBuffer.wrap(pcm16le).order(ByteOrder.LITTLE_ENDIAN);
    int frames = pcm16le.length / (2 * channels);
    short[] out = new short[frames];
    for (int i = 0; i < frames; i++) {
      int sum = 0;
      for (int c = 0; c < channels; c++) {
        sum += b.getShort();
      }
      out[i] = (short) (sum / channels);
    }
    return out;
  }

  /** Linear-interpolation rate conversion (good enough for speech and test tones). */
  static short[] resample(short[] in, int fromRate, int toRate) {
    if (fromRate == toRate || in.length == 0) {
      return in;
    }
    int n = (int) ((long) in.length * toRate / fromRate);
    short[] out = new short[n];
    double step = (double) fromRate / toRate;
    for (int i = 0; i < n; i++) {
      double pos = i * step;
      int j = (int) pos;
      double frac = pos - j;
      int a = in[Math.min(j, in.length - 1)];
      int b = in[Math.min(j + 1, in.length - 1)];
      out[i] = (short) Math.round(a + (b - a) * frac);
    }
    return out;
  }

  /** Writes {@code samples} as a 16-bit mono WAV at {@code rate}. */
  public static void writeMono(Path wav, short[] samples, int rate) {
    try (WavWriter w = WavWriter.open(wav, rate, 1)) {
      w.write(samples, 0, samples.length);
    }
  }
}
