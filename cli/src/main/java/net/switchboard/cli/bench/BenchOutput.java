package net.switchboard.cli.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.Map;

/** How every bench prints its result: one JSON document with {@code --json}, else aligned {@code name  value} lines. */
final class BenchOutput {
  private BenchOutput() {}

  static void print(PrintWriter out, JsonObject result, boolean json) {
    if (json) {
      out.println(result.encodePrettily());
    } else {
      lines(out, "", result);
    }
    out.flush();
  }

  private static void lines(PrintWriter out, String prefix, JsonObject o) {
    for (Map.Entry<String, Object> e : o) {
      String name = prefix + e.getKey();
      Object v = e.getValue();
      if (v instanceof JsonObject nested) {
        lines(out, name + ".", nested);
      } else if (v instanceof JsonArray a && a.size() > 8) {
        out.printf("%-36s %d values (see --json)%n", name, a.size());
      } else {
        out.printf("%-36s %s%n", name, v);
      }
    }
  }
}
