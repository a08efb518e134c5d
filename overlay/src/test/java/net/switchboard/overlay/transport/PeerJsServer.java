package net.switchboard.overlay.transport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real PeerJS server (npm package {@code peer}), installed into {@code target/peerjs} on first
 * use and started on 127.0.0.1 on a free port; {@link #close()} kills it.
 */
public final class PeerJsServer implements AutoCloseable {
  private static final Path HOME = Path.of(System.getProperty("user.dir"), "target", "peerjs");

  private final Process process;
  private final int port;
  private final Path log;

  private PeerJsServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** Installs {@code peer@1} if needed, starts it with messages expiring after {@code expireMillis}. */
  public static synchronized PeerJsServer start(long expireMillis) throws IOException, InterruptedException {
    Path bin = HOME.resolve("node_modules").resolve(".bin").resolve("peerjs");
    if (!Files.isExecutable(bin)) {
      Files.createDirectories(HOME);
      Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "peer@1")
          .directory(HOME.toFile())
          .redirectErrorStream(true)
          .redirectOutput(HOME.resolve("npm-install.log").toFile())
          .start();
      if (!npm.waitFor(300, TimeUnit.SECONDS) || npm.exitValue() != 0) {
        npm.destroyForcibly();
        throw new IOException("npm install peer@1 failed: " + Files.readString(HOME.resolve("npm-install.log")));
      }
    }
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile(HOME, "peerjs-", ".log");
    Process p = new ProcessBuilder(List.of(bin.toString(), "--port", Integer.toString(port), "--host", "127.0.0.1",
            "--expire_timeout", Long.toString(expireMillis)))
        .directory(HOME.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    PeerJsServer server = new PeerJsServer(p, port, log);
    try {
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
          .until(() -> {
            if (!p.isAlive()) {
              throw new IllegalStateException("peerjs exited: " + Files.readString(log));
            }
            return server.accepts();
          });
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private boolean accepts() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public int port() {
    return port;
  }

  /** {@code ws://127.0.0.1:PORT/}. */
  public URI url() {
    return URI.create("ws://127.0.0.1:" + port + "/");
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
