package net.switchboard.cli;

import net.switchboard.overlay.calls.LivePolicy;

import net.switchboard.signaling.call.ListCallPolicy;

import net.switchboard.overlay.calls.CallSettings;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.switchboard.dht.identity.PrintedId;
import picocli.CommandLine.Option;

/**
 * The call options of {@code switchboard node} (a picocli mixin): who may ring, what is answered
 * by itself, and which signaling transports the node takes besides the overlay.
 *
 * <p>The allow list is the node's contacts ({@code switchboard contacts add}) plus these. Lists: {@code --allow}/{@code --block} (repeatable), {@code --allow-file}/{@code --block-file},
 * and {@value #ALLOW_FILE}/{@value #BLOCK_FILE} in the data directory when present: one printed id
 * per line, {@code #} starts a comment.
 */
public final class CallOptions {
  /** Allow list kept in the data directory. */
  public static final String ALLOW_FILE = "allow.txt";
  /** Block list kept in the data directory. */
  public static final String BLOCK_FILE = "block.txt";

  @Option(names = "--auto-accept", paramLabel = "WHO", defaultValue = "allow-listed",
      description = "Calls answered without asking: allow-listed, everyone or never (default: ${DEFAULT-VALUE}). "
          + "Others ring until they time out.")
  String autoAccept;

  @Option(names = "--allow", paramLabel = "ID", description = "An identity on the allow list (repeatable).")
  List<String> allow = new ArrayList<>();

  @Option(names = "--allow-file", paramLabel = "FILE", description = "Allow list file, one id per line.")
  Path allowFile;

  @Option(names = "--block", paramLabel = "ID", description = "An identity whose calls are refused without a trace (repeatable).")
  List<String> block = new ArrayList<>();

  @Option(names = "--block-file", paramLabel = "FILE", description = "Block list file, one id per line.")
  Path blockFile;

  @Option(names = "--dnd", description = "Do not disturb: refuse every call without a trace.")
  boolean dnd;

  @Option(names = "--peerjs-url", paramLabel = "URL",
      description = "Also take signaling through this PeerJS server, e.g. ws://127.0.0.1:9000/.")
  URI peerJsUrl;

  @Option(names = "--peerjs-key", paramLabel = "KEY", defaultValue = "peerjs",
      description = "The PeerJS server's key (default: ${DEFAULT-VALUE}).")
  String peerJsKey;

  @Option(names = "--no-direct", description = "Do not listen for direct signaling (TCP at the UDP port number).")
  boolean noDirect;

  @Option(names = "--advertise-direct", description = "Tell callers this node's direct endpoint (reveals its address).")
  boolean advertiseDirect;

  @Option(names = "--loopback-media",
      description = "Announce 127.0.0.1 in ICE candidates (automatic when bound to a loopback address).")
  boolean loopbackMedia;

  /**
   * The policy from the options and list files.
   *
   * @throws IllegalArgumentException naming a bad id, file or value (a usage error)
   */
  public LivePolicy policy(Path dataDir, boolean restricted) {
    ListCallPolicy.AutoAccept mode = switch (autoAccept.toLowerCase(Locale.ROOT)) {
      case "allow-listed", "allowlisted", "allowed" -> ListCallPolicy.AutoAccept.ALLOW_LISTED;
      case "everyone", "all" -> ListCallPolicy.AutoAccept.EVERYONE;
      case "never", "none" -> ListCallPolicy.AutoAccept.NEVER;
      default -> throw new IllegalArgumentException(
          "--auto-accept must be allow-listed, everyone or never, got '" + autoAccept + "'");
    };
    return new LivePolicy(
        keys("--allow", allow, allowFile, dataDir == null ? null : dataDir.resolve(ALLOW_FILE)),
        keys("--block", block, blockFile, dataDir == null ? null : dataDir.resolve(BLOCK_FILE)),
        dnd, restricted, mode);
  }

  /**
   * Settings for {@link NodeCalls}; {@code restricted} is the node's restricted mode (only its
   * contacts may read its record, and only they, with the allow list, may ring).
   */
  public CallSettings settings(Path dataDir, boolean loopbackHost, boolean restricted) {
    if (peerJsUrl != null && (peerJsUrl.getHost() == null || peerJsUrl.getScheme() == null)) {
      throw new IllegalArgumentException("--peerjs-url must look like ws://host:port/, got '" + peerJsUrl + "'");
    }
    return CallSettings.defaults()
        .withPolicy(policy(dataDir, restricted))
        .withDataDir(dataDir)
        .withLoopbackMedia(loopbackMedia || loopbackHost)
        .withDirect(!noDirect, advertiseDirect)
        .withPeerJs(peerJsUrl, peerJsKey);
  }

  private static List<byte[]> keys(String option, List<String> ids, Path file, Path defaultFile) {
    List<byte[]> out = new ArrayList<>();
    for (String id : ids) {
      out.add(decode(option, id));
    }
    if (file != null) {
      if (!Files.isReadable(file)) {
        throw new IllegalArgumentException(option + "-file: cannot read " + file);
      }
      out.addAll(readList(option + "-file " + file, file));
    }
    if (defaultFile != null && Files.isReadable(defaultFile)) {
      out.addAll(readList(defaultFile.toString(), defaultFile));
    }
    return out;
  }

  /** Reads a list file: one printed id per line (first word), {@code #} comments. */
  static List<byte[]> readList(String what, Path file) {
    List<byte[]> out = new ArrayList<>();
    try {
      int n = 0;
      for (String line : Files.readAllLines(file)) {
        n++;
        String s = line.replaceAll("#.*", "").strip();
        if (s.isEmpty()) {
          continue;
        }
        out.add(decode(what + " line " + n, s.split("\\s+")[0]));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage());
    }
    return out;
  }

  static byte[] decode(String where, String id) {
    try {
      return PrintedId.decode(id.strip());
    } catch (PrintedId.InvalidIdException e) {
      throw new IllegalArgumentException(where + ": not a valid id '" + id + "' (" + e.getMessage() + ")");
    }
  }
}
