package net.switchboard.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Receives files from the {@code file} data channel: reads the header, writes the following binary
 * messages to a {@code .part} file, checks the SHA-256 and only then moves the file to its final
 * name in the receive directory, replying {@code OK} or {@code ERR} (after the local listener
 * was told, so the sender never learns the outcome before this side has acted on it). Runs on the peer's serial
 * executor (the data channel callback copies each message and hands it over).
 */
final class FileReceiver {
  private final Path dir;
  private final MessageChannel channel;
  private final Consumer<FileTransfer> stored;
  private final BiConsumer<String, String> failed;
  private Incoming current;

  private static final class Incoming {
    final FileHeader header;
    final MessageDigest digest = Digests.sha256();
    final long startNanos = System.nanoTime();
    FileChannel out;
    Path part;
    long received;
    String refusal;

    Incoming(FileHeader header) {
      this.header = header;
    }
  }

  /**
   * @param dir where files are stored; null refuses every file (its bytes are read and dropped)
   * @param channel where replies go
   * @param stored told about each stored file
   * @param failed told the name and reason of each refused or broken file
   */
  FileReceiver(
      Path dir,
      MessageChannel channel,
      Consumer<FileTransfer> stored,
      BiConsumer<String, String> failed) {
    this.dir = dir;
    this.channel = channel;
    this.stored = stored;
    this.failed = failed;
  }

  /** Handles a {@code FILE} header. */
  void onHeader(String msg) {
    if (current != null) {
      fail(current, "a new file started before this one ended");
    }
    FileHeader h;
    try {
      h = FileHeader.decode(msg);
    } catch (IllegalArgumentException e) {
      reply(FileHeader.error("0".repeat(64), "bad header: " + e.getMessage()));
      return;
    }
    Incoming in = new Incoming(h);
    current = in;
    if (dir == null) {
      in.refusal = "this node does not accept files";
    } else {
      try {
        Files.createDirectories(dir);
        in.part = Files.createTempFile(dir, ".incoming-", ".part");
        in.out = FileChannel.open(in.part, StandardOpenOption.WRITE);
      } catch (IOException e) {
        in.refusal = "cannot store: " + e.getMessage();
      }
    }
    if (h.size() == 0) {
      finish(in);
    }
  }

  /** Handles one binary message (already copied out of the native buffer). */
  void onChunk(byte[] data) {
    Incoming in = current;
    if (in == null) {
      return;
    }
    long room = in.header.size() - in.received;
    if (data.length > room) {
      fail(in, "more bytes than announced");
      return;
    }
    in.received += data.length;
    if (in.refusal == null) {
      in.digest.update(data);
      try {
        ByteBuffer b = ByteBuffer.wrap(data);
        while (b.hasRemaining()) {
          in.out.write(b);
        }
      } catch (IOException e) {
        in.refusal = "cannot store: " + e.getMessage();
      }
    }
    if (in.received == in.header.size()) {
      finish(in);
    }
  }

  private void finish(Incoming in) {
    current = null;
    closeOut(in);
    if (in.refusal != null) {
      deletePart(in);
      tell(() -> failed.accept(in.header.name(), in.refusal));
      reply(FileHeader.error(in.header.sha256(), in.refusal));
      return;
    }
    String sha = HexFormat.of().formatHex(in.digest.digest());
    if (!sha.equals(in.header.sha256())) {
      deletePart(in);
      String reason = "SHA-256 mismatch (got " + sha + ")";
      tell(() -> failed.accept(in.header.name(), reason));
      reply(FileHeader.error(in.header.sha256(), reason));
      return;
    }
    try {
      Path target = SafeNames.unique(dir, SafeNames.sanitize(in.header.name()));
      Files.move(in.part, target, StandardCopyOption.ATOMIC_MOVE);
      long ms = (System.nanoTime() - in.startNanos) / 1_000_000;
      FileTransfer done = new FileTransfer(in.header.name(), in.header.size(), sha, target, ms);
      tell(() -> stored.accept(done));
      reply(FileHeader.ok(sha));
    } catch (IOException e) {
      deletePart(in);
      tell(() -> failed.accept(in.header.name(), "cannot store: " + e.getMessage()));
      reply(FileHeader.error(sha, "cannot store: " + e.getMessage()));
    }
  }

  private void fail(Incoming in, String reason) {
    current = null;
    closeOut(in);
    deletePart(in);
    tell(() -> failed.accept(in.header.name(), reason));
    reply(FileHeader.error(in.header.sha256(), reason));
  }

  /** Runs a listener callback; a failing listener must not stop the protocol. */
  private static void tell(Runnable callback) {
    Guard.run("file listener", callback);
  }

  private void reply(String msg) {
    try {
      channel.sendText(msg);
    } catch (RuntimeException e) {
      // the channel is gone; the sender learns it by the channel closing
    }
  }

  /** Drops a partly received file (the call ended). */
  void close() {
    Incoming in = current;
    current = null;
    if (in != null) {
      closeOut(in);
      deletePart(in);
      tell(() -> failed.accept(in.header.name(), "call ended after " + in.received + " bytes"));
    }
  }

  private static void closeOut(Incoming in) {
    if (in.out != null) {
      try {
        in.out.close();
      } catch (IOException ignored) {
        // deleted next
      }
    }
  }

  private static void deletePart(Incoming in) {
    if (in.part != null) {
      try {
        Files.deleteIfExists(in.part);
      } catch (IOException ignored) {
        // best effort
      }
    }
  }
}
