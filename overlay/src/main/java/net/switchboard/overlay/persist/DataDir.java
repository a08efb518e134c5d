package net.switchboard.overlay.persist;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.routing.Contact;

/**
 * A node's data directory (mode 0700): {@value #IDENTITY_FILE} (the identity key), {@value
 * #ROUTING_FILE} (the routing-table snapshot) and {@value #LOCK_FILE} (held while a node runs).
 */
public final class DataDir {
  /** Identity key, PKCS#8 PEM. */
  public static final String IDENTITY_FILE = "identity.pem";
  /** Routing-table snapshot for warm restarts. */
  public static final String ROUTING_FILE = "routing-table.txt";
  /** Held (locked) by the node running on this directory. */
  public static final String LOCK_FILE = "node.lock";

  private final Path dir;

  private DataDir(Path dir) {
    this.dir = dir;
  }

  /** Opens {@code dir}, creating it (mode 0700) if missing. */
  public static DataDir open(Path dir) throws IOException {
    AtomicFiles.createPrivateDirectory(dir);
    return new DataDir(dir);
  }

  /** An identity read from disk or created now. */
  public record LoadedIdentity(Identity identity, boolean created, boolean ownerOnly) {}

  /**
   * Reads the identity key, or creates one (encrypted if {@code passphrase} is non-null) when
   * there is none.
   */
  public LoadedIdentity loadOrCreateIdentity(char[] passphrase, RandomGenerator random) throws IOException {
    Path file = identityFile();
    if (Files.exists(file)) {
      return new LoadedIdentity(KeyFile.read(file, passphrase), false, KeyFile.isOwnerOnly(file));
    }
    Identity identity = Identity.generate(random);
    KeyFile.write(file, identity, passphrase);
    return new LoadedIdentity(identity, true, true);
  }

  /**
   * Locks the directory for one running node: two nodes on one data directory would share an
   * identity and overwrite each other's snapshot. Released by closing the returned handle (or by
   * the process ending).
   *
   * @throws IOException saying the directory is in use when another node holds it
   */
  public AutoCloseable lock() throws IOException {
    FileChannel channel = FileChannel.open(
        dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IOException("data directory " + dir + " is in use by another running node");
    }
    FileLock held = lock;
    return () -> {
      held.release();
      channel.close();
    };
  }

  /** The routing snapshot's contacts; empty when none was saved. */
  public List<Contact> loadRoutingSnapshot() throws IOException {
    return RoutingSnapshot.load(routingFile());
  }

  /** Atomically replaces the routing snapshot. */
  public void saveRoutingSnapshot(List<Contact> contacts) throws IOException {
    RoutingSnapshot.save(routingFile(), contacts);
  }

  public Path path() {
    return dir;
  }

  public Path identityFile() {
    return dir.resolve(IDENTITY_FILE);
  }

  public Path routingFile() {
    return dir.resolve(ROUTING_FILE);
  }
}
