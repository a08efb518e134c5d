package net.switchboard.overlay.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Crash-safe file replacement: write a temp file, fsync it, rename it over the target, fsync the directory. */
public final class AtomicFiles {
  /** rw------- */
  public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
  /** rwx------ */
  public static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code content}, created with mode 0600 (on POSIX file systems).
   * Readers see the old content or the new, never a mix; after return the new content is on disk.
   */
  public static void write(Path target, byte[] content) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", ownerOnly(dir, OWNER_ONLY));
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer b = ByteBuffer.wrap(content);
        while (b.hasRemaining()) {
          ch.write(b);
        }
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
    fsyncDirectory(dir);
  }

  /** Creates {@code dir} (and parents) with mode 0700 if missing. */
  public static void createPrivateDirectory(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return;
    }
    try {
      Files.createDirectories(dir, ownerOnly(dir.toAbsolutePath().getParent(), OWNER_ONLY_DIR));
    } catch (FileAlreadyExistsException e) {
      throw new IOException("cannot create directory " + dir + ": a file of that name exists");
    } catch (FileSystemException e) {
      throw new IOException("cannot create directory " + dir + ": " + reason(e), e);
    }
  }

  /** A short reason for a file-system error ("permission denied", "no such file or directory"). */
  static String reason(FileSystemException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory: " + e.getFile();
    }
    return e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
  }

  /** True when {@code file} lives on a file system with POSIX permissions. */
  public static boolean isPosix(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static FileAttribute<?>[] ownerOnly(Path near, Set<PosixFilePermission> perms) {
    return near != null && isPosix(near)
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(perms)}
        : new FileAttribute<?>[0];
  }

  /** Makes the rename itself durable (Linux needs the directory fsynced; elsewhere this may be refused). */
  private static void fsyncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException e) {
      // not supported on this platform: the file itself is synced, which is the best we can do
    }
  }
}
