package net.switchboard.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import net.switchboard.overlay.persist.DataDir;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code switchboard node} as a real process: ready line, admin API, join, and a graceful SIGTERM. */
class NodeProcessTest {
  @TempDir Path dir;
  final List<NodeProcess> started = new ArrayList<>();

  static final class NodeProcess {
    final Process process;
    final Path errFile;
    final List<String> stdout = new CopyOnWriteArrayList<>();

    NodeProcess(Process process, Path errFile) {
      this.process = process;
      this.errFile = errFile;
      BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      Thread t = new Thread(() -> in.lines().forEach(stdout::add));
      t.setDaemon(true);
      t.start();
    }

    List<String> stderr() {
      try {
        return Files.readAllLines(errFile);
      } catch (java.io.IOException e) {
        return List.of();
      }
    }

    JsonObject ready() {
      await().atMost(Duration.ofSeconds(30)).until(() -> !stdout.isEmpty() || !process.isAlive());
      assertTrue(process.isAlive(), "node exited: " + stderr());
      return new JsonObject(stdout.get(0));
    }

    boolean logged(String fragment) {
      return stderr().stream().anyMatch(l -> l.contains(fragment));
    }

    int terminate() throws InterruptedException {
      process.destroy(); // SIGTERM
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "did not stop on SIGTERM");
      return process.exitValue();
    }
  }

  NodeProcess node(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "node", "--host", "127.0.0.1", "--port", "0", "--admin-port", "0", "--gateway-port", "-1", "--json"));
    cmd.addAll(List.of(args));
    Path errFile = Files.createTempFile(dir, "node", ".err");
    NodeProcess p = new NodeProcess(new ProcessBuilder(cmd).redirectError(errFile.toFile()).start(), errFile);
    started.add(p);
    return p;
  }

  @AfterEach
  void killLeftovers() {
    started.forEach(p -> p.process.destroyForcibly());
  }

  @Test
  void aFoundingNodeAndAJoiningNodeServeAdminAndStopGracefullyOnSigterm() throws Exception {
    NodeProcess a = node("--data-dir", dir.resolve("a").toString());
    JsonObject readyA = a.ready();
    NodeProcess b = node("--data-dir", dir.resolve("b").toString(), "--bootstrap", readyA.getString("udp"));
    JsonObject readyB = b.ready();

    await().atMost(Duration.ofSeconds(30)).until(() -> b.logged("joined with 1 contacts"));
    assertTrue(a.logged("listening on udp 127.0.0.1:"), a.stderr().toString());
    assertTrue(a.logged("founding a new network"), a.stderr().toString());
    assertTrue(a.logged("admin API on http://127.0.0.1:" + readyA.getInteger("admin_port")), a.stderr().toString());

    HttpResponse<String> status = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + readyB.getInteger("admin_port") + "/status")).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonObject json = new JsonObject(status.body());
    assertEquals(readyB.getString("id"), json.getString("id"));
    assertEquals(1, json.getInteger("routing_table_size"));

    assertEquals(143, b.terminate()); // 128 + SIGTERM, after the shutdown hook ran
    assertTrue(b.logged("stopped"), b.stderr().toString());
    String snapshot = Files.readString(dir.resolve("b").resolve(DataDir.ROUTING_FILE));
    assertTrue(snapshot.contains(readyA.getString("node_id") + " " + readyA.getString("udp")), snapshot);
    assertEquals(143, a.terminate());
  }

  @Test
  void aTakenPortIsAOneLineErrorAndExitOne() throws Exception {
    NodeProcess a = node("--data-dir", dir.resolve("a").toString());
    int port = Integer.parseInt(a.ready().getString("udp").split(":")[1]);

    List<String> cmd = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "node", "--host", "127.0.0.1", "--port", String.valueOf(port), "--no-admin", "--gateway-port", "-1", "--data-dir", dir.resolve("b").toString());
    Process p = new ProcessBuilder(cmd).start();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertEquals(1, p.exitValue(), err);
    List<String> errorLines = err.lines().filter(l -> l.startsWith("switchboard node:")).toList();
    assertEquals(1, errorLines.size(), err);
    assertTrue(errorLines.get(0).contains("cannot bind UDP 127.0.0.1:" + port), err);
  }
}
