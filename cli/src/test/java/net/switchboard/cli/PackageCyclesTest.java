package net.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/** No package depends, directly or through others, on a package that depends on it (read off the jars by jdeps). */
class PackageCyclesTest {
  private static final List<String> MODULES = List.of(
      "seam", "netsim", "dht", "signaling", "media", "browser-gateway", "overlay", "simulations", "cli");

  @Test
  void thePackagesOfEveryModuleFormNoCycle() throws IOException {
    Map<String, Set<String>> uses = new HashMap<>();
    ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
    for (String module : MODULES) {
      StringWriter out = new StringWriter();
      int rc = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()),
          "-verbose:package", "-e", "net\\.switchboard\\..*", jar(module).toString());
      assertEquals(0, rc, "jdeps failed on " + module + ": " + out);
      for (String line : out.toString().split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 3 && f[1].equals("->") && f[0].startsWith("net.switchboard") && !f[0].equals(f[2])) {
          uses.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[2]);
        }
      }
    }
    assertTrue(uses.size() > 20, "jdeps found too few packages: " + uses.keySet());
    List<String> cycles = new ArrayList<>();
    for (String start : uses.keySet()) {
      // a package on a cycle reaches itself
      Set<String> seen = new HashSet<>();
      List<String> todo = new ArrayList<>(uses.get(start));
      while (!todo.isEmpty()) {
        String p = todo.remove(todo.size() - 1);
        if (p.equals(start)) {
          cycles.add(start);
          break;
        }
        if (seen.add(p)) {
          todo.addAll(uses.getOrDefault(p, Set.of()));
        }
      }
    }
    assertEquals(List.of(), cycles, "packages on a dependency cycle");
  }

  private static Path jar(String module) throws IOException {
    Path target = Path.of(System.getProperty("switchboard.root", "..")).resolve(module).resolve("target");
    if (module.equals("cli")) {
      return Path.of("target", "classes"); // this module's jar is packaged after its tests run
    }
    try (var files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches("switchboard-" + module + "-[^-]+(-SNAPSHOT)?\\.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no jar of " + module + " in " + target + " (run mvn verify)"));
    }
  }
}
