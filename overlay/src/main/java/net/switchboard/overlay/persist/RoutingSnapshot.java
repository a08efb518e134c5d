package net.switchboard.overlay.persist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.routing.Contact;
import net.switchboard.seam.Endpoint;

/**
 * The routing table saved for a warm restart, as text a person can read:
 *
 * <pre>
 * switchboard-routing-snapshot v1
 * # saved 2026-11-21T23:59:00Z, 2 contacts
 * 3f9a...64 hex digits... 192.0.2.7:7400
 * 81c0...64 hex digits... [2001:db8::1]:7400
 * </pre>
 *
 * Contacts read back are unproven: the DHT proves each again on first contact.
 */
public final class RoutingSnapshot {
  static final String HEADER = "switchboard-routing-snapshot v1";

  private RoutingSnapshot() {}

  /** The snapshot text of {@code contacts}. */
  public static String encode(List<Contact> contacts, Instant savedAt) {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    sb.append("# saved ").append(savedAt).append(", ").append(contacts.size()).append(" contacts\n");
    for (Contact c : contacts) {
      sb.append(c.id().toHex()).append(' ').append(c.endpoint()).append('\n');
    }
    return sb.toString();
  }

  /**
   * Parses snapshot text.
   *
   * @throws IOException naming the first bad line
   */
  public static List<Contact> decode(String text) throws IOException {
    String[] lines = text.split("\n", -1);
    if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
      throw new IOException("not a routing snapshot (first line is not '" + HEADER + "')");
    }
    List<Contact> out = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\s+");
      try {
        if (parts.length != 2) {
          throw new IllegalArgumentException("expected '<id> <host:port>'");
        }
        out.add(new Contact(Id256.fromHex(parts[0]), literalEndpoint(parts[1])));
      } catch (IllegalArgumentException e) {
        throw new IOException("routing snapshot line " + (i + 1) + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** Endpoint.parse would resolve names; a snapshot holds literals only. */
  private static Endpoint literalEndpoint(String text) {
    String host = text.substring(0, Math.max(0, text.lastIndexOf(':')));
    boolean literal = host.startsWith("[") || host.chars().allMatch(ch -> ch == '.' || Character.isDigit(ch));
    if (!literal || host.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' is not an ip:port literal");
    }
    return Endpoint.parse(text);
  }

  /** Atomically replaces {@code file} with a snapshot of {@code contacts}. */
  public static void save(Path file, List<Contact> contacts) throws IOException {
    AtomicFiles.write(file, encode(contacts, Instant.now()).getBytes(StandardCharsets.UTF_8));
  }

  /** The contacts in {@code file}; empty when there is no file yet. */
  public static List<Contact> load(Path file) throws IOException {
    try {
      return decode(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }
}
