package net.switchboard.overlay.contacts;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.function.UnaryOperator;
import net.switchboard.overlay.persist.AtomicFiles;

/**
 * The contacts file {@value #FILE} in a node's data directory. Every write replaces the whole
 * file atomically ({@link AtomicFiles}: temp file, fsync, atomic rename, directory fsync), so a
 * reader, or a node restarted after a crash, sees the old list or the new one, never a torn file;
 * a temp file left by a crash mid-write is never read. Read-modify-write cycles of concurrent
 * commands are serialized by a lock on {@value #LOCK_FILE}.
 */
public final class ContactsFile {
  /** The contacts list, JSON. */
  public static final String FILE = "contacts.json";
  /** Held while a command changes the list. */
  public static final String LOCK_FILE = ".contacts.lock";

  private static final Object IN_PROCESS = new Object();

  private final Path file;

  private ContactsFile(Path file) {
    this.file = file;
  }

  /** The contacts file of the data directory {@code dataDir}. */
  public static ContactsFile in(Path dataDir) {
    return new ContactsFile(dataDir.resolve(FILE));
  }

  public Path path() {
    return file;
  }

  /**
   * The saved contacts; empty when there is no file yet.
   *
   * @throws IOException when the file cannot be read or is not a valid contacts file (the message
   *     names the file and the problem)
   */
  public ContactBook load() throws IOException {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return ContactBook.empty();
    }
    try {
      return ContactBook.parse(content);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + " is not a valid contacts file: " + e.getMessage(), e);
    }
  }

  /** Replaces the file with {@code book}, atomically and durably (mode 0600). */
  public void save(ContactBook book) throws IOException {
    AtomicFiles.createPrivateDirectory(file.toAbsolutePath().getParent());
    AtomicFiles.write(file, book.toBytes());
  }

  /**
   * Loads, applies {@code change} and saves (only if something changed) under the lock file, so
   * two commands changing the list at once do not lose either change.
   *
   * @return the book as saved
   */
  public ContactBook update(UnaryOperator<ContactBook> change) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    AtomicFiles.createPrivateDirectory(dir);
    synchronized (IN_PROCESS) { // file locks exclude other processes, not other threads
      return updateLocked(dir, change);
    }
  }

  private ContactBook updateLocked(Path dir, UnaryOperator<ContactBook> change) throws IOException {
    try (FileChannel ch = FileChannel.open(dir.resolve(LOCK_FILE),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = ch.lock()) {
      ContactBook before = load();
      ContactBook after = change.apply(before);
      if (!after.equals(before)) {
        save(after);
      }
      return after;
    }
  }

  /**
   * What identifies the file's current version: its file key (a new inode after every atomic
   * replace), modification time and size; null when there is no file. Compare two stamps to see
   * whether the list changed.
   */
  public Stamp stamp() {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(a.fileKey(), a.lastModifiedTime().toMillis(), a.size());
    } catch (IOException e) {
      return null;
    }
  }

  /** A version of the file, see {@link #stamp()}. */
  public record Stamp(Object fileKey, long modifiedMillis, long size) {
    static boolean same(Stamp a, Stamp b) {
      return Objects.equals(a, b);
    }
  }
}
