package net.switchboard.simulations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SimulateCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("--churn SPEC"));
  }

  @Test
  void badInputGivesOneLineAndExitCode2() {
    for (String[] args : new String[][] {
        {"--nodes", "many"}, {"--churn", "weibull:shape=0.4"}, {"--k", "99"}, {"--loss", "2"}, {"--bogus", "1"},
        {"--duration"}, {"--partition", "start=3h,heal=2h"}}) {
      err.reset();
      assertEquals(2, run(args), String.join(" ", args));
      String e = err.toString(StandardCharsets.UTF_8);
      assertEquals(1, e.lines().count(), "one line for " + String.join(" ", args) + ": " + e);
      assertTrue(e.startsWith("simulate: "), e);
    }
  }

  @Test
  void aSmallRunWritesTheWholeReport(@TempDir Path dir) throws Exception {
    int code = run("--nodes", "40", "--duration", "30m", "--records", "10", "--seed", "9", "--out", dir.toString(),
        "--warmup", "2m", "--k", "8", "--republish", "10m", "--loss", "0.01", "--partition", "start=5m,heal=15m,fraction=0.3");
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    for (String f : new String[] {"summary.json", "timeseries.csv", "messages.csv", "availability.png", "holders.png",
        "latency.png", "traffic.png", "report.html"}) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
    String summary = Files.readString(dir.resolve("summary.json"));
    for (String key : new String[] {"records_published", "records_lost", "availability_min", "resolve_success_rate",
        "lookup_hops", "median", "p99", "maintenance_bytes_per_node_per_s", "wall_seconds", "\"seed\": 9"}) {
      assertTrue(summary.contains(key), key);
    }
    assertTrue(Files.readString(dir.resolve("report.html")).contains("availability.png"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("100%"), "progress bar");
  }
}
