package net.switchboard.simulations.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins the exact text of summary.json: key order, indentation, number and string forms. */
class SummaryJsonTest {

  @Test
  void everyKindOfValueIsWrittenAsBefore() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("median", 3.0);
    nested.put("p99", 12.345678);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seed", 42L);
    m.put("nodes", 200);
    m.put("churn", "poisson(rate=0.1/s)");
    m.put("rate", 0.25);
    m.put("tiny", 0.000012345678);
    m.put("missing", Double.NaN);
    m.put("infinite", Double.POSITIVE_INFINITY);
    m.put("flag", true);
    m.put("nothing", null);
    m.put("lookup_hops", nested);
    m.put("empty", new LinkedHashMap<>());
    m.put("quoted", "a \"b\" \\ c\nd\te");
    m.put("wall_seconds", 1.5);
    String expected = """
        {
          "seed": 42,
          "nodes": 200,
          "churn": "poisson(rate=0.1/s)",
          "rate": 0.25,
          "tiny": 0.0000123457,
          "missing": null,
          "infinite": null,
          "flag": true,
          "nothing": null,
          "lookup_hops": {
            "median": 3,
            "p99": 12.3457
          },
          "empty": {
          },
          "quoted": "a \\"b\\" \\\\ c\\nd\\te",
          "wall_seconds": 1.5
        }
        """;
    assertEquals(expected, SummaryJson.write(m));
  }

  @Test
  void aNonAsciiKeyAndValueStayAsTheyAre() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("grüße", "naïve/€");
    assertEquals("{\n  \"grüße\": \"naïve/€\"\n}\n", SummaryJson.write(m));
  }
}
