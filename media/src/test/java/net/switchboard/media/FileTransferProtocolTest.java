package net.switchboard.media;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file protocol (header, chunks, back-pressure, checksum, reply) over in-memory channels. */
class FileTransferProtocolTest {
  @TempDir Path tmp;

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
  private final SerialExecutor senderExec = new SerialExecutor(pool, "sender");
  private final SerialExecutor receiverExec = new SerialExecutor(pool, "receiver");
  private final List<FileTransfer> stored = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    pool.shutdownNow();
    timers.shutdownNow();
  }

  /** One direction of a channel: messages are delivered later, on the other side's executor. */
  private static final class Pipe implements MessageChannel {
    final AtomicLong buffered = new AtomicLong();
    final AtomicLong maxBuffered = new AtomicLong();
    final SerialExecutor deliverOn;
    volatile FileSender sender;
    volatile FileReceiver receiver;
    volatile UnaryOperator<byte[]> tamper = UnaryOperator.identity();

    Pipe(SerialExecutor deliverOn) {
      this.deliverOn = deliverOn;
    }

    @Override
    public void sendText(String text) {
      deliverOn.execute(
          () -> {
            if (FileHeader.isHeader(text)) {
              receiver.onHeader(text);
            } else {
              sender.onReply(text);
            }
          });
    }

    @Override
    public void sendBinary(byte[] message) {
      long now = buffered.addAndGet(message.length);
      maxBuffered.accumulateAndGet(now, Math::max);
      byte[] copy = tamper.apply(message.clone());
      deliverOn.execute(
          () -> {
            buffered.addAndGet(-message.length);
            receiver.onChunk(copy);
          });
    }

    @Override
    public long bufferedAmount() {
      return buffered.get();
    }

    @Override
    public boolean isOpen() {
      return true;
    }
  }

  private FileSender wire(Path inbox, Pipe forward) {
    Pipe back = new Pipe(senderExec);
    FileSender sender = new FileSender(forward, senderExec, pool, timers);
    FileReceiver receiver =
        new FileReceiver(inbox, back, stored::add, (name, why) -> failures.add(name + ": " + why));
    forward.receiver = receiver;
    back.sender = sender;
    return sender;
  }

  private Path randomFile(String name, int size) throws Exception {
    byte[] b = new byte[size];
    new Random(size).nextBytes(b);
    return Files.write(tmp.resolve(name), b);
  }

  @Test
  void sendsWithBackPressureAndTheReceiverVerifies() throws Exception {
    Path src = randomFile("big.bin", 3 * 1024 * 1024 + 7);
    Path inbox = tmp.resolve("inbox");
    Pipe forward = new Pipe(receiverExec);
    FileSender sender = wire(inbox, forward);
    FileTransfer sent = sender.send(src).get(20, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> stored.size() == 1);
    assertArrayEquals(Files.readAllBytes(src), Files.readAllBytes(stored.get(0).path()));
    assertEquals(Digests.sha256Hex(src), sent.sha256());
    assertTrue(
        forward.maxBuffered.get() <= FileSender.HIGH + FileSender.CHUNK,
        "never more than HIGH + one chunk buffered: " + forward.maxBuffered.get());
    try (var files = Files.list(inbox)) {
      assertEquals(1, files.count(), "no .part file left behind");
    }
  }

  @Test
  void emptyFilesAndFilesInARowArrive() throws Exception {
    Path empty = Files.write(tmp.resolve("empty.txt"), new byte[0]);
    Path small = Files.write(tmp.resolve("small.txt"), "hi".getBytes(StandardCharsets.UTF_8));
    Path inbox = tmp.resolve("inbox");
    FileSender sender = wire(inbox, new Pipe(receiverExec));
    CompletableFuture<FileTransfer> a = sender.send(empty);
    CompletableFuture<FileTransfer> b = sender.send(small);
    CompletableFuture<FileTransfer> c = sender.send(small);
    CompletableFuture.allOf(a, b, c).get(10, TimeUnit.SECONDS);
    assertEquals(0, Files.size(inbox.resolve("empty.txt")));
    assertEquals("hi", Files.readString(inbox.resolve("small.txt")));
    assertEquals("hi", Files.readString(inbox.resolve("small (1).txt")));
  }

  @Test
  void aCorruptedFileIsRefusedAndNotStored() throws Exception {
    Path src = randomFile("x.bin", 100_000);
    Path inbox = tmp.resolve("inbox");
    Pipe forward = new Pipe(receiverExec);
    forward.tamper =
        b -> {
          b[0] ^= 1;
          return b;
        };
    FileSender sender = wire(inbox, forward);
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> sender.send(src).get(10, TimeUnit.SECONDS));
    assertInstanceOf(MediaException.class, e.getCause());
    assertTrue(e.getCause().getMessage().contains("SHA-256 mismatch"), e.getCause().getMessage());
    assertEquals(1, failures.size());
    try (var files = Files.list(inbox)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aNodeWithoutReceiveDirRefusesFiles() throws Exception {
    Path src = randomFile("y.bin", 40_000);
    FileSender sender = wire(null, new Pipe(receiverExec));
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> sender.send(src).get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause().getMessage().contains("does not accept files"));
  }
}
