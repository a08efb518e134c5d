package net.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.identity.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's {@code --json} prints exactly one JSON document on stdout and nothing else, as a
 * real process set up the way the {@code switchboard} launcher sets it up (fd 1 pointed at
 * stderr, the command's stdout kept as fd 3), so native libraries cannot mix into it; failures
 * print the one error document with the exit code of the table in README.md.
 */
class JsonOutputTest {
  @TempDir Path dir;

  record Proc(int exit, String out, String err) {
    /** stdout parsed as one JSON object; Vert.x (Jackson) refuses anything after it. */
    JsonObject json() {
      return new JsonObject(out);
    }

    JsonObject error() {
      return json().getJsonObject("error");
    }
  }

  /** Runs {@code switchboard args...} as the launcher would, with a deadline. */
  Proc run(long timeoutSeconds, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", "-c",
        "exec 3>&1 1>&2; exec \"$0\" -Dswitchboard.stdout=/proc/self/fd/3 -Djava.io.tmpdir=\"$TMPDIR_JAVA\" -cp \"$CP\" "
            + Main.class.getName() + " \"$@\"",
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("CP", System.getProperty("java.class.path"));
    pb.environment().put("TMPDIR_JAVA", System.getProperty("java.io.tmpdir"));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("switchboard " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
    }
    return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void idPrintsOneDocument() throws Exception {
    Proc r = run(60, "id", "--json", "--data-dir", dir.resolve("a").toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals(56, r.json().getString("id").length());
  }

  @Test
  void contactsListPrintsOneDocument() throws Exception {
    Proc r = run(60, "contacts", "list", "--json", "--data-dir", dir.resolve("b").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.json().containsKey("contacts"), r.out());
  }

  @Test
  void aMistypedIdIsTheBadInputDocument() throws Exception {
    String id = Identity.generate(new java.security.SecureRandom()).printed();
    String typo = id.substring(0, 10) + (id.charAt(10) == 'a' ? 'b' : 'a') + id.substring(11);
    for (String command : List.of("resolve", "call")) {
      Proc r = run(60, command, typo, "--json", "--data-dir", dir.resolve("c").toString());
      assertEquals(ExitCode.BAD_INPUT.code(), r.exit(), command + ": " + r.err());
      assertEquals("bad_input", r.error().getString("code"), command);
      assertEquals(ExitCode.BAD_INPUT.code(), r.error().getInteger("exit"), command);
      assertTrue(r.err().strip().lines().count() >= 1 && r.err().contains(r.error().getString("message")), r.err());
    }
  }

  @Test
  void anUnknownOptionIsTheBadInputDocumentToo() throws Exception {
    Proc r = run(60, "id", "--json", "--no-such-option");
    assertEquals(ExitCode.BAD_INPUT.code(), r.exit());
    assertEquals("bad_input", r.error().getString("code"));
  }

  @Test
  void resolveWithNoNodeRunningIsTheFailedDocument() throws Exception {
    String id = Identity.generate(new java.security.SecureRandom()).printed();
    Proc r = run(60, "resolve", id, "--json", "--data-dir", Files.createDirectories(dir.resolve("empty")).toString());
    assertEquals(ExitCode.FAILED.code(), r.exit(), r.err());
    assertEquals("failed", r.error().getString("code"));
  }

  @Test
  void benchDhtPrintsOneDocument() throws Exception {
    Proc r = run(240, "bench", "dht", "--nodes", "8", "--lookups", "10", "--warmup", "0", "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals(1.0, r.json().getDouble("success_rate"));
  }

  @Test
  void benchCallPrintsOneDocumentWhateverWebRtcPrints() throws Exception {
    Proc r = run(240, "bench", "call", "--nodes", "4", "--calls", "1", "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals(1.0, r.json().getDouble("success_rate"));
  }

  @Test
  void benchGatewayPrintsOneDocument() throws Exception {
    Proc r = run(240, "bench", "gateway", "--nodes", "4", "--clients", "5", "--rounds", "1", "--pause-ms", "10", "--json");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.json().containsKey("round_trip_ms") || r.json().size() > 2, r.out());
  }

  @Test
  void withoutJsonABenchPrintsNameValueLines() throws Exception {
    Proc r = run(240, "bench", "dht", "--nodes", "8", "--lookups", "10", "--warmup", "0");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("success_rate\\s+1\\.0")), r.out());
  }
}
