package net.switchboard.overlay.persist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.routing.Contact;

/**
 * A node's data directory (mode 0700): {@value #IDENTITY_FILE} (the identity key) and
 * {@value #ROUTING_FILE} (the routing-table snapshot).
 */
public final class DataDir {
  /** Identity key, PKCS#8 PEM. */
  public static final String IDENTITY_FILE = "identity.pem";
  /** Routing-table snapshot for warm restarts. */
  public static final String ROUTING_FILE = "routing-table.txt";

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
