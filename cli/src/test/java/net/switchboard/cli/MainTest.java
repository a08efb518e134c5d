package net.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.identity.PrintedId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {
    String[] errLines() {
      return err.isBlank() ? new String[0] : err.strip().split("\\R");
    }
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void idPrintsTheSameValidPrintedIdEveryTime() {
    String data = dir.resolve("data").toString();
    Run first = run("id", "--data-dir", data);
    Run second = run("id", "--data-dir", data);

    assertEquals(0, first.exit());
    assertEquals(0, second.exit());
    assertTrue(PrintedId.isValid(first.out().strip()), first.out());
    assertEquals(first.out(), second.out());
    assertTrue(first.err().contains("created a new identity"));
    assertEquals("", second.err());
  }

  @Test
  void idAsJsonGivesIdNodeIdAndPublicKeyThatAgree() throws Exception {
    Run r = run("id", "--data-dir", dir.toString(), "--json");

    assertEquals(0, r.exit());
    JsonObject json = new JsonObject(r.out());
    byte[] publicKey = HexFormat.of().parseHex(json.getString("public_key"));
    assertEquals(PrintedId.encode(publicKey), json.getString("id"));
    assertEquals(Identity.nodeIdOf(publicKey).toHex(), json.getString("node_id"));
  }

  @Test
  void idWithAPassphraseFileEncryptsAndAWrongOneFailsInOneLine() throws Exception {
    Path pass = dir.resolve("pass");
    Files.writeString(pass, "secret\n");
    Path wrong = dir.resolve("wrong");
    Files.writeString(wrong, "guess\n");
    String data = dir.resolve("data").toString();

    Run created = run("id", "--data-dir", data, "--passphrase-file", pass.toString());
    Run again = run("id", "--data-dir", data, "--passphrase-file", pass.toString());
    Run bad = run("id", "--data-dir", data, "--passphrase-file", wrong.toString());

    assertEquals(0, created.exit());
    assertEquals(created.out(), again.out());
    assertTrue(Files.readString(dir.resolve("data/identity.pem")).contains("ENCRYPTED PRIVATE KEY"));
    assertEquals(1, bad.exit());
    assertEquals(1, bad.errLines().length, bad.err());
    assertTrue(bad.err().startsWith("switchboard id: wrong passphrase for "), bad.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "node --bootstrap nonsense",
    "node --bootstrap 127.0.0.1:0",
    "node --bootstrap 127.0.0.1:99999",
    "node --port 70000",
    "node --port abc",
    "node --admin-port -5",
    "node --k 99",
    "node --alpha 0",
    "node --no-such-flag",
    "id --no-such-flag",
    "no-such-command",
    ""
  })
  void badInputIsOneLineOnStderrAndExitTwo(String line) {
    Run r = run(line.isEmpty() ? new String[0] : line.split(" "));

    assertEquals(2, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.errLines().length, r.err());
    assertTrue(r.err().startsWith("switchboard"), r.err());
    assertTrue(r.err().contains("--help"), r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "node --help", "id --help", "--version"})
  void helpAndVersionExitZero(String line) {
    Run r = run(line.split(" "));

    assertEquals(0, r.exit());
    assertTrue(r.out().contains("switchboard"), r.out());
  }

  @Test
  void everySubcommandAtEveryLevelAnswersHelpWithExitZero() {
    java.util.List<String> failures = new java.util.ArrayList<>();
    helpOfEachSubcommand(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
        new java.util.ArrayList<>(), failures);
    assertEquals(java.util.List.of(), failures);
  }

  private static void helpOfEachSubcommand(picocli.CommandLine cl, java.util.List<String> path, java.util.List<String> failures) {
    for (var sub : cl.getSubcommands().entrySet()) {
      if (sub.getKey().equals("help")) {
        continue;
      }
      java.util.List<String> args = new java.util.ArrayList<>(path);
      args.add(sub.getKey());
      java.util.List<String> withHelp = new java.util.ArrayList<>(args);
      withHelp.add("--help");
      Run r = run(withHelp.toArray(String[]::new));
      if (r.exit() != 0) { // some commands delegate help to their own parser writing to System.out
        failures.add(String.join(" ", withHelp) + " -> exit " + r.exit() + ": " + r.err());
      }
      helpOfEachSubcommand(sub.getValue(), args, failures);
    }
  }

  @Test
  void anUnusableDataDirFailsInOneLineWithExitOne() throws Exception {
    Path file = dir.resolve("a-file");
    Files.writeString(file, "x");

    Run r = run("id", "--data-dir", file.toString());

    assertEquals(1, r.exit());
    assertEquals(1, r.errLines().length, r.err());
    assertTrue(r.err().contains("cannot create directory"), r.err());
  }
}
