package net.switchboard.cli;

import net.switchboard.overlay.contacts.ContactBook;
import net.switchboard.overlay.contacts.ContactsFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.switchboard.dht.identity.Identity;
import net.switchboard.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard contacts} and the contacts file: round trip, errors, atomic replacement. */
class ContactsFileTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static String id(int seed) {
    return Identity.generate(new SplittableRandom(seed)).printed();
  }

  static String mistype(String printed) {
    char c = printed.charAt(10);
    return printed.substring(0, 10) + (c == 'a' ? 'b' : 'a') + printed.substring(11);
  }

  @Test
  void addListRemoveRoundTrip() throws IOException {
    String data = dir.toString();
    String alice = id(1);
    String bob = id(2);

    Run add = run("contacts", "add", alice, "--name", "Alice", "--data-dir", data);
    assertEquals(0, add.exit(), add.err());
    assertEquals("added " + alice + " (Alice)", add.out().strip());
    assertTrue(add.err().contains("no node running"), add.err());
    assertEquals(0, run("contacts", "--data-dir", data, "add", bob.toUpperCase()).exit(), "ids are case-insensitive");

    Run list = run("contacts", "list", "--data-dir", data);
    assertEquals(List.of(alice + "  Alice", bob), list.out().strip().lines().toList());
    JsonObject json = new JsonObject(run("contacts", "list", "--json", "--data-dir", data).out());
    assertEquals(1, json.getInteger("version"));
    assertEquals(new JsonArray().add(new JsonObject().put("id", alice).put("name", "Alice")).add(new JsonObject().put("id", bob)),
        json.getJsonArray("contacts"));

    Run rename = run("contacts", "add", alice, "--name", "Alice L.", "--data-dir", data);
    assertEquals("updated " + alice + " (Alice L.)", rename.out().strip());
    assertEquals(2, ContactsFile.in(dir).load().size());

    Run remove = run("contacts", "remove", bob, "--data-dir", data);
    assertEquals(0, remove.exit(), remove.err());
    assertEquals("removed " + bob, remove.out().strip());
    Run byName = run("contacts", "remove", "Alice L.", "--data-dir", data);
    assertEquals(0, byName.exit(), byName.err());
    assertEquals(0, ContactsFile.in(dir).load().size());
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("contacts.json"))));
  }

  @Test
  void badInputGivesOneLineAndADistinctExitCode() {
    String data = dir.toString();
    Run typo = run("contacts", "add", mistype(id(3)), "--data-dir", data);
    assertEquals(2, typo.exit());
    assertEquals(1, typo.err().strip().lines().count(), typo.err());
    assertTrue(typo.err().contains("invalid id: checksum mismatch"), typo.err());

    Run missing = run("contacts", "remove", id(4), "--data-dir", data);
    assertEquals(ExitCode.NOT_FOUND.code(), missing.exit());
    assertTrue(missing.err().contains("not in your contacts"), missing.err());

    Run noSub = run("contacts", "--data-dir", data);
    assertEquals(2, noSub.exit());
    assertTrue(Files.notExists(dir.resolve("contacts.json")), "nothing written on bad input");
  }

  @Test
  void aCorruptFileIsAClearErrorNotAnEmptyList() throws IOException {
    Files.writeString(dir.resolve("contacts.json"), "{\"version\":1,\"contacts\":[{\"id\":\"nope\"}]}");
    Run list = run("contacts", "list", "--data-dir", dir.toString());
    assertEquals(1, list.exit());
    assertTrue(list.err().contains("is not a valid contacts file: contact 1: invalid id"), list.err());
    Run add = run("contacts", "add", id(5), "--data-dir", dir.toString());
    assertEquals(1, add.exit(), "a corrupt file is never overwritten blindly");
  }

  @Test
  void aTempFileLeftByACrashIsIgnored() throws IOException {
    ContactsFile file = ContactsFile.in(dir);
    ContactBook old = ContactBook.of(List.of(ContactBook.Entry.of(id(6), "old")));
    file.save(old);
    // a crash between writing the temp file and the rename leaves this behind: a torn new version
    byte[] next = ContactBook.of(List.of(ContactBook.Entry.of(id(7), "new"))).toBytes();
    Files.write(dir.resolve(".contacts.json.4711.tmp"), java.util.Arrays.copyOf(next, next.length / 2));

    assertEquals(old, file.load());
    Run list = run("contacts", "list", "--json", "--data-dir", dir.toString());
    assertEquals(0, list.exit(), list.err());
    assertEquals(id(6), new JsonObject(list.out()).getJsonArray("contacts").getJsonObject(0).getString("id"));
    assertEquals(0, run("contacts", "add", id(8), "--data-dir", dir.toString()).exit());
    assertEquals(2, file.load().size());
  }

  @Test
  void readersSeeTheOldListOrTheNewNeverATornOne() throws Exception {
    ContactsFile file = ContactsFile.in(dir);
    ContactBook a = ContactBook.of(List.of(ContactBook.Entry.of(id(9), "a".repeat(60))));
    List<ContactBook.Entry> many = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      many.add(ContactBook.Entry.of(id(100 + i), "contact " + i));
    }
    ContactBook b = ContactBook.of(many);
    file.save(a);
    AtomicBoolean writing = new AtomicBoolean(true);
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
      try {
        for (int i = 0; i < 40; i++) {
          file.save(i % 2 == 0 ? b : a);
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      } finally {
        writing.set(false);
      }
    });
    int reads = 0;
    while (writing.get() || reads < 10) {
      ContactBook seen = file.load();
      assertTrue(seen.equals(a) || seen.equals(b), "torn read: " + seen);
      reads++;
    }
    writer.get(30, TimeUnit.SECONDS);
    assertTrue(reads > 10);
    try (var files = Files.list(dir)) {
      assertEquals(List.of("contacts.json"), files.map(p -> p.getFileName().toString()).toList(),
          "no temp file left after clean writes");
    }
  }

  @Test
  void concurrentUpdatesLoseNoContact() throws Exception {
    ContactsFile file = ContactsFile.in(dir);
    List<CompletableFuture<Void>> adders = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int base = 200 + 20 * t;
      adders.add(CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 8; i++) {
          String id = id(base + i);
          try {
            file.update(book -> book.with(ContactBook.Entry.of(id, null)));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
      }));
    }
    CompletableFuture.allOf(adders.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    assertEquals(16, file.load().size());
  }

  @Test
  void namesAndVersionsAreChecked() {
    assertThrows(IllegalArgumentException.class, () -> ContactBook.Entry.of(id(1), "x".repeat(65)));
    assertThrows(IllegalArgumentException.class, () -> ContactBook.Entry.of(id(1), "bad\nname"));
    IllegalArgumentException v = assertThrows(IllegalArgumentException.class,
        () -> ContactBook.parse("{\"version\":2,\"contacts\":[]}".getBytes(StandardCharsets.UTF_8)));
    assertTrue(v.getMessage().contains("unsupported version 2"));
    Run badName = run("contacts", "add", id(1), "--name", "x".repeat(65), "--data-dir", dir.toString());
    assertEquals(2, badName.exit());
  }
}
