package net.switchboard.overlay.contacts;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.switchboard.dht.identity.PrintedId;
import net.switchboard.dht.identity.PrintedId.InvalidIdException;

/**
 * A node's contacts (its allow list), in the order they were added. Immutable: {@link #with} and
 * {@link #without} return changed copies. Serialized as {@code {"version":1,"contacts":[{"id":
 * printed id, "name": optional}]}}.
 */
public final class ContactBook {
  /** Format version written to the file. */
  public static final int VERSION = 1;
  /** Longest name, in characters. */
  public static final int MAX_NAME_CHARS = 64;

  /** One contact: its printed id, decoded public key, and an optional name. */
  public record Entry(String id, byte[] publicKey, String name) {
    /** @throws IllegalArgumentException on a bad id or name */
    public Entry {
      try {
        publicKey = PrintedId.decode(id);
      } catch (InvalidIdException e) {
        throw new IllegalArgumentException("invalid id: " + e.getMessage());
      }
      id = PrintedId.encode(publicKey); // canonical form (trimmed, lowercase)
      if (name != null) {
        name = name.strip();
        if (name.isEmpty()) {
          name = null;
        } else if (name.length() > MAX_NAME_CHARS || name.chars().anyMatch(Character::isISOControl)) {
          throw new IllegalArgumentException(
              "a name is 1.." + MAX_NAME_CHARS + " printable characters");
        }
      }
    }

    /** A contact by printed id. */
    public static Entry of(String id, String name) {
      return new Entry(id, null, name);
    }

    @Override
    public byte[] publicKey() {
      return publicKey.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Entry e && e.id.equals(id) && java.util.Objects.equals(e.name, name);
    }

    @Override
    public int hashCode() {
      return id.hashCode() * 31 + java.util.Objects.hashCode(name);
    }

    JsonObject toJson() {
      JsonObject o = new JsonObject().put("id", id);
      if (name != null) {
        o.put("name", name);
      }
      return o;
    }
  }

  private static final ContactBook EMPTY = new ContactBook(List.of());

  private final List<Entry> entries;

  private ContactBook(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  public static ContactBook empty() {
    return EMPTY;
  }

  public static ContactBook of(List<Entry> entries) {
    ContactBook book = EMPTY;
    for (Entry e : entries) {
      book = book.with(e);
    }
    return book;
  }

  public List<Entry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  /** The identity public keys, in order (for the restricted record's access list). */
  public List<byte[]> publicKeys() {
    List<byte[]> out = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      out.add(e.publicKey());
    }
    return out;
  }

  /** The contact with this printed id, or failing that the only one with this name. */
  public Optional<Entry> find(String idOrName) {
    String s = idOrName.strip();
    for (Entry e : entries) {
      if (e.id().equalsIgnoreCase(s)) {
        return Optional.of(e);
      }
    }
    List<Entry> named = entries.stream().filter(e -> s.equals(e.name())).toList();
    return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
  }

  /** Adds {@code entry}, or replaces the contact with the same id (keeping its place). */
  public ContactBook with(Entry entry) {
    List<Entry> out = new ArrayList<>(entries);
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).id().equals(entry.id())) {
        out.set(i, entry);
        return new ContactBook(out);
      }
    }
    out.add(entry);
    return new ContactBook(out);
  }

  /** Removes the contact with this printed id (no change when absent). */
  public ContactBook without(String id) {
    List<Entry> out = new ArrayList<>(entries);
    out.removeIf(e -> e.id().equals(id));
    return new ContactBook(out);
  }

  public JsonObject toJson() {
    JsonArray contacts = new JsonArray();
    entries.forEach(e -> contacts.add(e.toJson()));
    return new JsonObject().put("version", VERSION).put("contacts", contacts);
  }

  /** The file content: pretty JSON, UTF-8, with a final newline. */
  public byte[] toBytes() {
    return (toJson().encodePrettily() + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Parses a contacts file.
   *
   * @throws IllegalArgumentException saying what is wrong (not JSON, unknown version, a bad id)
   */
  public static ContactBook parse(byte[] content) {
    JsonObject doc;
    try {
      doc = new JsonObject(new String(content, StandardCharsets.UTF_8));
    } catch (DecodeException | ClassCastException e) {
      throw new IllegalArgumentException("not a JSON object");
    }
    Object version = doc.getValue("version");
    if (!(version instanceof Number n) || n.intValue() != VERSION) {
      throw new IllegalArgumentException("unsupported version " + version + " (expected " + VERSION + ")");
    }
    Object list = doc.getValue("contacts");
    if (!(list instanceof JsonArray array)) {
      throw new IllegalArgumentException("\"contacts\" must be an array");
    }
    List<Entry> out = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject o) || !(o.getValue("id") instanceof String id)) {
        throw new IllegalArgumentException("contact " + (i + 1) + " has no \"id\"");
      }
      Object name = o.getValue("name");
      if (name != null && !(name instanceof String)) {
        throw new IllegalArgumentException("contact " + (i + 1) + ": \"name\" must be a string");
      }
      try {
        out.add(Entry.of(id, (String) name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("contact " + (i + 1) + ": " + e.getMessage());
      }
    }
    return of(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ContactBook b && b.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "ContactBook" + entries.stream().map(Entry::id).toList();
  }
}
