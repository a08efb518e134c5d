package net.switchboard.overlay.contacts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalInt;
import net.switchboard.overlay.persist.AtomicFiles;

/**
 * {@value #FILE} in a node's data directory: the port of its admin API (on 127.0.0.1), written
 * when the API starts listening and deleted when the node stops, so commands run against the same
 * data directory ({@code switchboard resolve}, {@code switchboard contacts}) find the running node.
 * A file left by a crash names a port nobody answers on; readers treat that as "no node".
 */
public final class AdminPortFile {
  public static final String FILE = "admin.port";

  private AdminPortFile() {}

  /** Atomically writes {@code port} to {@code dataDir/admin.port}. */
  public static void write(Path dataDir, int port) throws IOException {
    AtomicFiles.write(dataDir.resolve(FILE), (port + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  /** The port written in {@code dataDir}, or empty when there is no (valid) file. */
  public static OptionalInt read(Path dataDir) {
    try {
      String s = Files.readString(dataDir.resolve(FILE), StandardCharsets.US_ASCII).strip();
      int port = Integer.parseInt(s);
      return port > 0 && port <= 65535 ? OptionalInt.of(port) : OptionalInt.empty();
    } catch (NoSuchFileException | NumberFormatException e) {
      return OptionalInt.empty();
    } catch (IOException e) {
      return OptionalInt.empty();
    }
  }

  /** Deletes the file if it names {@code port} (another node may have replaced it since). */
  public static void delete(Path dataDir, int port) {
    OptionalInt now = read(dataDir);
    if (now.isPresent() && now.getAsInt() == port) {
      try {
        Files.deleteIfExists(dataDir.resolve(FILE));
      } catch (IOException e) {
        // a stale file is harmless: nobody answers on the port
      }
    }
  }
}
