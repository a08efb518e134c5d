package net.switchboard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import net.switchboard.overlay.persist.DataDir;
import net.switchboard.overlay.persist.DataDir.LoadedIdentity;
import net.switchboard.overlay.persist.Passphrase;
import picocli.CommandLine.Option;

/** {@code --data-dir} and {@code --passphrase-file}, shared by every command that needs the identity. */
public final class DataDirOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "data",
      description = "Identity key and routing snapshot live here (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--passphrase-file",
      paramLabel = "FILE",
      description = "File whose first line is the identity key's passphrase "
          + "(else env " + Passphrase.ENV + "; neither: the key is stored unencrypted).")
  Path passphraseFile;

  /** The data directory path. */
  public Path path() {
    return dataDir;
  }

  /**
   * Loads the identity, creating (and announcing on {@code err}) a new one on first use.
   *
   * @throws CliException with a one-line reason when the key cannot be read
   */
  public LoadedIdentity loadIdentity(PrintWriter err) {
    try {
      char[] passphrase = Passphrase.resolve(passphraseFile, System.getenv());
      DataDir dir = DataDir.open(dataDir);
      LoadedIdentity loaded = dir.loadOrCreateIdentity(passphrase, new SecureRandom());
      if (loaded.created()) {
        err.println("created a new identity in " + dir.identityFile()
            + (passphrase == null ? "" : " (encrypted with the passphrase)"));
      } else if (!loaded.ownerOnly()) {
        err.println("warning: " + dir.identityFile() + " is readable by others; run chmod 600 on it");
      }
      return loaded;
    } catch (IOException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}
