package net.switchboard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Opens the jars a node runs on (built by this reactor before the cli module's tests) and checks
 * that no test fixture, fault switch, loopback fake, benchmark driver or forgeable signature scheme
 * ships in them: those live in test-jars, in the simulator, or in the cli's bench commands.
 */
class ProductionJarsTest {
  /** Class names (simple) that must never be in a production jar. */
  private static final List<String> TEST_ONLY_CLASSES = List.of(
      "Forgery", "FingerprintSwappingNode", "SimulatedBrowser", "GatewayBenchmark", "InProcessSignaling",
      "BareHandshakeBench", "LoopbackNetwork", "InMemoryNetwork", "ManualClock", "SimTestnet", "Testnet",
      "SimulationSignatureScheme", "FakePeer", "FakeMedia");
  /** Member names and option strings of the switches that used to be there. */
  private static final List<String> TEST_ONLY_STRINGS = List.of(
      "swapFingerprints", "clock-offset-ms", "offset_ms", "SWAPPED_FINGERPRINT");

  @ParameterizedTest
  @ValueSource(strings = {"seam", "netsim", "dht", "signaling", "media", "browser-gateway", "overlay"})
  void carriesNoTestOnlyCode(String module) throws IOException {
    Path jar = productionJar(module);
    List<String> found = new ArrayList<>();
    try (JarFile j = new JarFile(jar.toFile())) {
      int classes = 0;
      for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (!entry.getName().endsWith(".class")) {
          continue;
        }
        classes++;
        String simple = entry.getName().substring(entry.getName().lastIndexOf('/') + 1).replace(".class", "");
        String outer = simple.contains("$") ? simple.substring(0, simple.indexOf('$')) : simple;
        if (TEST_ONLY_CLASSES.contains(outer)) {
          found.add(entry.getName());
        }
        String constants;
        try (InputStream in = j.getInputStream(entry)) {
          constants = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
        for (String s : TEST_ONLY_STRINGS) {
          if (constants.contains(s)) {
            found.add(entry.getName() + " mentions " + s);
          }
        }
      }
      assertTrue(classes > 0, jar + " holds no classes: wrong jar?");
    }
    assertEquals(List.of(), found, "test-only code in " + jar);
  }

  @ParameterizedTest
  @ValueSource(strings = {"simulations"})
  void theForgeableSignatureSchemeLivesOnlyInTheSimulator(String module) throws IOException {
    try (JarFile j = new JarFile(productionJar(module).toFile())) {
      assertTrue(j.stream().anyMatch(e -> e.getName().endsWith("/SimulationSignatureScheme.class")));
    }
  }

  private static Path productionJar(String module) throws IOException {
    Path target = Path.of(System.getProperty("switchboard.root", "..")).resolve(module).resolve("target");
    try (var files = Files.list(target)) {
      return files
          .filter(p -> p.getFileName().toString().matches("switchboard-" + module + "-[^-]+(-SNAPSHOT)?\\.jar"))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no production jar of " + module + " in " + target));
    }
  }
}
