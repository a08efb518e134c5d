package net.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** {@code bench dht} end to end on a small loopback network: one JSON object with every figure. */
class BenchDhtCliTest {

  private static JsonObject bench(String... extra) {
    String[] base = {"bench", "dht", "--nodes", "12", "--lookups", "40", "--warmup", "10", "--inflight", "4", "--json"};
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    MainTest.Run r = MainTest.run(args);
    assertEquals(0, r.exit(), r.err());
    return new JsonObject(r.out());
  }

  private static void assertFigures(JsonObject j) {
    assertEquals(12, j.getInteger("nodes"));
    assertEquals(40, j.getInteger("lookups"));
    assertEquals(10, j.getInteger("warmup"));
    assertEquals(1.0, j.getDouble("success_rate"));
    JsonObject lat = j.getJsonObject("latency_ms");
    assertTrue(lat.getDouble("median") > 0 && lat.getDouble("median") <= lat.getDouble("p95")
        && lat.getDouble("p95") <= lat.getDouble("max"), lat.encode());
    assertTrue(j.getJsonObject("hops").getDouble("median") >= 0);
    assertTrue(j.getDouble("rpcs_per_lookup") >= 0 && j.getDouble("throughput_per_s") > 0, j.encode());
    assertTrue(j.getDouble("rss_mb") > 0);
  }

  @Test
  void signedRecordsArePublishedAndEachResolvesAfterTheWarmUp() {
    JsonObject j = bench();
    assertEquals("signed-records", j.getString("mode"));
    assertFigures(j);
  }

  @Test
  void contactRecordsResolveThroughTheNodesOwnLookup() {
    JsonObject j = bench("--contact-records");
    assertEquals("contact-records", j.getString("mode"));
    assertFigures(j);
  }

  @Test
  void aNegativeWarmUpIsABadInputError() {
    MainTest.Run r = MainTest.run("bench", "dht", "--warmup", "-1");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--warmup"), r.err());
  }
}
