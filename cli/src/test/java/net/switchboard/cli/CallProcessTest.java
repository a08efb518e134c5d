package net.switchboard.cli;

import net.switchboard.overlay.calls.NodeCalls;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import net.switchboard.cli.Main;
import net.switchboard.media.WavFiles;
import net.switchboard.overlay.persist.DataDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls between real processes: two {@code switchboard node} processes (callee A, and B whose
 * identity places the calls) and {@code switchboard call} as a third process that joins through B's
 * data directory (or a blocked identity joining through A).
 */
class CallProcessTest {
  @TempDir static Path dir;
  static final List<Proc> started = new CopyOnWriteArrayList<>();
  static Proc nodeA;
  static Proc nodeB;
  static JsonObject readyA;
  static String idB;
  static String idBlocked;

  static final class Proc {
    final Process process;
    final Path errFile;
    final List<String> stdout = new CopyOnWriteArrayList<>();

    Proc(Process process, Path errFile) {
      this.process = process;
      this.errFile = errFile;
      BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Thread t = new Thread(() -> {
        try {
          in.lines().forEach(stdout::add);
        } catch (java.io.UncheckedIOException e) {
          // the process ended
        }
      });
      t.setDaemon(true);
      t.start();
    }

    String stderr() {
      try {
        return Files.readString(errFile);
      } catch (IOException e) {
        return "";
      }
    }

    JsonObject ready() {
      await().atMost(Duration.ofSeconds(60)).until(() -> !stdout.isEmpty() || !process.isAlive());
      assertTrue(process.isAlive(), "node exited: " + stderr());
      return new JsonObject(stdout.get(0));
    }

    int exit(long seconds) throws InterruptedException {
      assertTrue(process.waitFor(seconds, TimeUnit.SECONDS), "did not finish: " + stderr());
      return process.exitValue();
    }
  }

  static Proc run(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    cmd.addAll(List.of(args));
    Path errFile = Files.createTempFile(dir, "proc", ".err");
    Proc p = new Proc(new ProcessBuilder(cmd).redirectError(errFile.toFile()).start(), errFile);
    started.add(p);
    return p;
  }

  static Proc node(String dataDir, String... extra) throws IOException {
    List<String> args = new ArrayList<>(List.of("node", "--host", "127.0.0.1", "--port", "0", "--admin-port", "0",
        "--gateway-port", "-1", "--json", "--data-dir", dir.resolve(dataDir).toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  static String identityOf(String dataDir) throws IOException {
    return DataDir.open(dir.resolve(dataDir)).loadOrCreateIdentity(null, new SecureRandom()).identity().printed();
  }

  @BeforeAll
  static void twoNodes() throws Exception {
    idB = identityOf("b");
    idBlocked = identityOf("blocked");
    // A answers its allow list by itself (the default --auto-accept allow-listed) and blocks one identity
    nodeA = node("a", "--allow", idB, "--block", idBlocked);
    readyA = nodeA.ready();
    nodeB = node("b", "--bootstrap", readyA.getString("udp"));
    nodeB.ready();
    await().atMost(Duration.ofSeconds(30)).until(() -> nodeB.stderr().contains("joined with"));
  }

  @AfterAll
  static void stopAll() throws InterruptedException {
    for (Proc p : started) {
      p.process.destroy();
    }
    for (Proc p : started) {
      if (!p.process.waitFor(20, TimeUnit.SECONDS)) {
        p.process.destroyForcibly();
      }
    }
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void aFileSentBetweenTwoNodeProcessesArrivesIntact() throws Exception {
    Path file = dir.resolve("report.bin");
    byte[] content = new byte[2_500_000];
    new SecureRandom().nextBytes(content);
    Files.write(file, content);
    String sha = sha256(file);

    // through the node running on data dir b: no --bootstrap
    Proc call = run("call", readyA.getString("id"), "--data-dir", dir.resolve("b").toString(),
        "--send", file.toString(), "--timeout", "60", "--json");
    assertEquals(0, call.exit(120), call.stderr());
    await().atMost(Duration.ofSeconds(5)).until(() -> call.stdout.stream().anyMatch(l -> l.startsWith("{")));
    // (libwebrtc may print a line of its own at exit: take the JSON one)
    JsonObject out = new JsonObject(call.stdout.stream().filter(l -> l.startsWith("{")).findFirst().orElseThrow());
    assertEquals(sha, out.getJsonObject("file").getString("sha256"));
    assertTrue(out.getJsonObject("file").getBoolean("confirmed"));

    Path received = dir.resolve("a").resolve(NodeCalls.RECEIVED).resolve("report.bin");
    assertTrue(Files.exists(received), nodeA.stderr());
    assertEquals(sha, sha256(received));
    assertTrue(nodeA.stderr().contains("received file"), nodeA.stderr());
    assertTrue(nodeA.stderr().contains("incoming call"), nodeA.stderr());
  }

  @Test
  void audioSentIsHeardAndRecordedAtTheSentTone() throws Exception {
    double hz = 660;
    int rate = WavFiles.RATE;
    short[] tone = new short[rate * 3];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (short) Math.round(0.5 * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
    }
    Path wav = dir.resolve("tone.wav");
    WavFiles.writeMono(wav, tone, rate);
    Path recordings = dir.resolve("a").resolve(NodeCalls.RECORDINGS);
    List<Path> before = list(recordings);

    Proc call = run("call", readyA.getString("id"), "--data-dir", dir.resolve("b").toString(),
        "--audio", wav.toString(), "--timeout", "60");
    assertEquals(0, call.exit(120), call.stderr());
    await().atMost(Duration.ofSeconds(20)).until(() -> nodeA.stderr().contains("ended"));
    List<Path> after = list(recordings);
    after.removeAll(before);
    assertEquals(1, after.size(), "one new recording: " + after + "\n" + nodeA.stderr());

    short[] heard = WavFiles.readMono48k(after.get(0));
    assertTrue(heard.length > rate, "recorded " + heard.length + " samples");
    // skip the start (jitter buffer, codec warm-up), analyse one second
    int from = Math.min(heard.length - rate, rate / 2);
    double rms = rms(heard, from, rate);
    assertTrue(rms > 0.05, "recording is silent: rms " + rms);
    double atTone = goertzel(heard, from, rate, hz, rate);
    for (double other : new double[] {220, 440, 880, 1000, 1500, 2000, 3000}) {
      double p = goertzel(heard, from, rate, other, rate);
      assertTrue(atTone > 20 * p, "power at " + hz + " Hz " + atTone + " vs " + other + " Hz " + p);
    }
  }

  @Test
  void aCallThePolicyRefusesEndsWithAClearErrorAndTheCallerLearnsNothing() throws Exception {
    Proc call = run("call", readyA.getString("id"), "--data-dir", dir.resolve("blocked").toString(),
        "--bootstrap", readyA.getString("udp"), "--send", dir.resolve("b").resolve("identity.pem").toString(),
        "--timeout", "60");
    assertEquals(ExitCode.UNREACHABLE.code(), call.exit(120), call.stderr());
    String err = call.stderr();
    String lastLine = err.strip().lines().reduce((a, b) -> b).orElse("");
    assertTrue(lastLine.startsWith("switchboard call: cannot reach " + readyA.getString("id")), err);
    assertTrue(lastLine.contains("refused"), lastLine);
    await().atMost(Duration.ofSeconds(10)).until(() -> nodeA.stderr().contains("refused a call from " + idBlocked));
    assertTrue(!err.contains("connected"), err);
  }

  @Test
  void aMistypedIdIsABadInputError() throws Exception {
    String id = readyA.getString("id");
    String typo = (id.charAt(5) == 'a' ? "b" : "a");
    Proc call = run("call", id.substring(0, 5) + typo + id.substring(6), "--bootstrap", readyA.getString("udp"),
        "--data-dir", dir.resolve("b").toString());
    assertEquals(2, call.exit(60), call.stderr());
    assertEquals(1, call.stderr().strip().lines().count(), call.stderr());
  }

  static List<Path> list(Path d) throws IOException {
    if (!Files.isDirectory(d)) {
      return new ArrayList<>();
    }
    try (Stream<Path> s = Files.list(d)) {
      return new ArrayList<>(s.filter(p -> p.toString().endsWith(".wav")).toList());
    }
  }

  static double rms(short[] s, int from, int n) {
    double sum = 0;
    for (int i = from; i < from + n; i++) {
      double v = s[i] / 32768.0;
      sum += v * v;
    }
    return Math.sqrt(sum / n);
  }

  /** Goertzel power of {@code hz} over n samples. */
  static double goertzel(short[] s, int from, int n, double hz, int rate) {
    double w = 2 * Math.PI * hz / rate;
    double c = 2 * Math.cos(w);
    double s1 = 0;
    double s2 = 0;
    for (int i = from; i < from + n; i++) {
      double s0 = s[i] / 32768.0 + c * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    return s1 * s1 + s2 * s2 - c * s1 * s2;
  }
}
