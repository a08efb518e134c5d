package net.switchboard.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends files over the {@code file} data channel: header, then the content in 16 KiB binary
 * messages, with back-pressure.
 *
 * <p>webrtc-java 0.14.0 never fires {@code onBufferedAmountChange} and silently closes a channel
 * with about 16 MB buffered, so the sender polls {@link MessageChannel#bufferedAmount()}: it stops
 * above {@link #HIGH} and resumes below {@link #LOW}. A transfer completes when the receiver
 * acknowledges the checksum. Files go one at a time, in order. All methods except {@link #send}
 * run on the peer's serial executor.
 */
final class FileSender {
  /** Stop sending above this many buffered bytes. */
  static final long HIGH = 1L << 20;
  /** Resume below this many buffered bytes. */
  static final long LOW = 256L << 10;
  /** Binary message size (the size every browser accepts). */
  static final int CHUNK = 16 * 1024;
  private static final long POLL_MICROS = 1_000;

  private final MessageChannel channel;
  private final Executor exec;
  private final Executor workers;
  private final ScheduledExecutorService timers;
  private final ArrayDeque<Job> queue = new ArrayDeque<>();
  private final ArrayDeque<Job> awaitingAck = new ArrayDeque<>();
  private Job current;
  private boolean waiting;
  private boolean closed;

  private static final class Job {
    final Path file;
    final String name;
    final CompletableFuture<FileTransfer> done = new CompletableFuture<>();
    long size;
    String sha256;
    FileChannel in;
    long sent;
    long startNanos;

    Job(Path file, String name) {
      this.file = file;
      this.name = name;
    }
  }

  FileSender(
      MessageChannel channel, Executor exec, Executor workers, ScheduledExecutorService timers) {
    this.channel = channel;
    this.exec = exec;
    this.workers = workers;
    this.timers = timers;
  }

  /** Queues {@code file}; completes once the receiver has stored it with a matching SHA-256. */
  CompletableFuture<FileTransfer> send(Path file) {
    Path name = file.getFileName();
    Job job = new Job(file, name == null ? "file" : name.toString());
    CompletableFuture.runAsync(
            () -> {
              try {
                job.size = Files.size(file);
              } catch (IOException e) {
                throw new MediaException("cannot read " + file + ": " + e.getMessage(), e);
              }
              job.sha256 = Digests.sha256Hex(file);
            },
            workers)
        .whenCompleteAsync(
            (ok, err) -> {
              if (err != null) {
                job.done.completeExceptionally(err.getCause() != null ? err.getCause() : err);
              } else if (closed) {
                job.done.completeExceptionally(new MediaException("call closed"));
              } else {
                queue.add(job);
                pump();
              }
            },
            exec);
    return job.done;
  }

  private void pump() {
    if (closed || waiting) {
      return;
    }
    try {
      while (true) {
        if (current == null) {
          current = queue.poll();
          if (current == null) {
            return;
          }
          start(current);
        }
        while (current.sent < current.size) {
          if (channel.bufferedAmount() > HIGH) {
            waitForLow();
            return;
          }
          sendChunk(current);
        }
        current.in.close();
        awaitingAck.add(current);
        current = null;
      }
    } catch (IOException | RuntimeException e) {
      Job failed = current;
      current = null;
      if (failed != null) {
        closeQuietly(failed);
        failed.done.completeExceptionally(
            e instanceof MediaException ? e : new MediaException("sending file failed", e));
      }
      if (!closed) {
        exec.execute(this::pump);
      }
    }
  }

  private void start(Job job) throws IOException {
    job.in = FileChannel.open(job.file, StandardOpenOption.READ);
    job.startNanos = System.nanoTime();
    channel.sendText(new FileHeader(job.size, job.sha256, job.name).encode());
  }

  private void sendChunk(Job job) throws IOException {
    int n = (int) Math.min(CHUNK, job.size - job.sent);
    ByteBuffer buf = ByteBuffer.allocate(n);
    while (buf.hasRemaining()) {
      if (job.in.read(buf, job.sent + buf.position()) < 0) {
        throw new MediaException(job.file + " shrank while being sent");
      }
    }
    channel.sendBinary(buf.array());
    job.sent += n;
  }

  private void waitForLow() {
    waiting = true;
    timers.schedule(() -> exec.execute(this::checkLow), POLL_MICROS, TimeUnit.MICROSECONDS);
  }

  private void checkLow() {
    if (closed) {
      return;
    }
    long buffered;
    try {
      buffered = channel.bufferedAmount();
    } catch (RuntimeException e) {
      buffered = 0; // let pump() hit the real error
    }
    if (buffered > LOW) {
      timers.schedule(() -> exec.execute(this::checkLow), POLL_MICROS, TimeUnit.MICROSECONDS);
      return;
    }
    waiting = false;
    pump();
  }

  /** Handles an {@code OK} or {@code ERR} reply from the receiver. */
  void onReply(String msg) {
    String[] f = msg.split("\t", 3);
    Job job = awaitingAck.poll();
    if (job == null) {
      return;
    }
    if (f[0].equals("OK") && f.length >= 2 && f[1].equals(job.sha256)) {
      long ms = (System.nanoTime() - job.startNanos) / 1_000_000;
      job.done.complete(new FileTransfer(job.name, job.size, job.sha256, job.file, ms));
    } else {
      String reason = f.length >= 3 ? f[2] : "receiver refused the file";
      job.done.completeExceptionally(new MediaException(job.name + ": " + reason));
    }
  }

  /** True for a reply this sender understands. */
  static boolean isReply(String msg) {
    return msg.startsWith("OK\t") || msg.startsWith("ERR\t");
  }

  /** Fails every pending transfer. */
  void close() {
    closed = true;
    MediaException gone = new MediaException("call closed before the file was acknowledged");
    if (current != null) {
      closeQuietly(current);
      current.done.completeExceptionally(gone);
      current = null;
    }
    for (Job j : queue) {
      j.done.completeExceptionally(gone);
    }
    for (Job j : awaitingAck) {
      j.done.completeExceptionally(gone);
    }
    queue.clear();
    awaitingAck.clear();
  }

  private static void closeQuietly(Job job) {
    if (job.in != null) {
      try {
        job.in.close();
      } catch (IOException ignored) {
        // nothing to do
      }
    }
  }
}
