package net.switchboard.overlay.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import net.switchboard.dht.identity.Id256;
import net.switchboard.dht.routing.Contact;
import net.switchboard.seam.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void replacesTheWholeFileAndLeavesNoTemporaryFiles() throws Exception {
    Path file = dir.resolve("state.txt");
    Files.writeString(file, "old content that is longer than the new one");

    AtomicFiles.write(file, "new".getBytes(StandardCharsets.UTF_8));

    assertEquals("new", Files.readString(file));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList());
    }
  }

  @Test
  void aRoutingSnapshotRoundTripsIpv4AndIpv6Contacts() throws Exception {
    List<Contact> contacts = List.of(
        new Contact(Id256.fromHex("11".repeat(32)), Endpoint.parse("192.0.2.7:7400")),
        new Contact(Id256.fromHex("ab".repeat(32)), Endpoint.parse("[2001:db8::1]:7401")));
    Path file = dir.resolve("routing-table.txt");

    RoutingSnapshot.save(file, contacts);

    assertEquals(contacts, RoutingSnapshot.load(file));
    assertTrue(Files.readString(file).startsWith(RoutingSnapshot.HEADER + "\n"));
  }

  @Test
  void aMissingSnapshotIsEmpty() throws Exception {
    assertEquals(List.of(), RoutingSnapshot.load(dir.resolve("none")));
  }

  @Test
  void aDamagedSnapshotNamesTheBadLine() {
    String text = RoutingSnapshot.encode(List.of(), Instant.EPOCH) + "zz 1.2.3.4:5\n";
    IOException e = assertThrows(IOException.class, () -> RoutingSnapshot.decode(text));
    assertTrue(e.getMessage().startsWith("routing snapshot line 3"), e.getMessage());
    assertThrows(IOException.class, () -> RoutingSnapshot.decode("something else\n"));
  }

  @Test
  void aSnapshotNeverResolvesHostNames() {
    String text = RoutingSnapshot.HEADER + "\n" + "11".repeat(32) + " example.invalid:7400\n";
    assertThrows(IOException.class, () -> RoutingSnapshot.decode(text));
  }
}
