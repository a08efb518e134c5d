package net.switchboard.media;


import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Streams 16-bit PCM into a WAV file: a header with placeholder sizes first, samples appended as
 * they come, the sizes patched in on {@link #close()}. Not thread-safe.
 */
public final class WavWriter implements AutoCloseable {
  private static final int HEADER = 44;

  private final FileChannel out;
  private final int rate;
  private final int channels;
  private long dataBytes;
  private boolean closed;

  private WavWriter(FileChannel out, int rate, int channels) {
    this.out = out;
    this.rate = rate;
    this.channels = channels;
  }

  /** Creates (or replaces) {@code wav}, creating its directory if needed. */
  public static WavWriter open(Path wav, int rate, int channels) {
    try {
      Path dir = wav.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      FileChannel ch =
          FileChannel.open(
              wav,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
      WavWriter w = new WavWriter(ch, rate, channels);
      w.writeHeader();
      return w;
    } catch (IOException e) {
      throw new MediaException("cannot write " + wav + ": " + e.getMessage(), e);
    }
  }

  /** Appends interleaved samples {@code [from, from+count)}. */
  public void write(short[] samples, int from, int count) {
    ByteBuffer b = ByteBuffer.allocate(count * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < count; i++) {
      b.putShort(samples[from + i]);
    }
    b.flip();
    try {
      while (b.hasRemaining()) {
        out.write(b, HEADER + dataBytes + b.position());
      }
      dataBytes += count * 2L;
    } catch (IOException e) {
      throw new MediaException("cannot append to WAV: " + e.getMessage(), e);
    }
  }

  /** Samples written per channel so far. */
  public long frames() {
    return dataBytes / (2L * channels);
  }

  /** The sample rate in the header. */
  public int rate() {
    return rate;
  }

  /** Patches the sizes into the header and closes the file. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (out) {
      writeHeader();
    } catch (IOException e) {
      throw new MediaException("cannot finish WAV: " + e.getMessage(), e);
    }
  }

  private void writeHeader() throws IOException {
    long data = Math.min(dataBytes, 0xFFFF_FFFFL - 36);
    ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
    h.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + data));
    h.put(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '}).putInt(16);
    h.putShort((short) 1).putShort((short) channels).putInt(rate);
    h.putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
    h.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) data);
    h.flip();
    while (h.hasRemaining()) {
      out.write(h, h.position());
    }
  }
}
