package net.switchboard.dht;

import net.switchboard.dht.seam.SignatureScheme;
import net.switchboard.dht.seam.SimulationSignatureScheme;
import net.switchboard.dht.testing.SimTestnet;

/** Manual probe (not a test): how long do N nodes take to join in simulation? */
public class ScaleProbe {
  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    long t0 = System.nanoTime();
    SimTestnet net = new SimTestnet(1, DhtConfig.defaults(), args.length > 1 ? SimulationSignatureScheme.INSTANCE : SignatureScheme.ed25519());
    for (int i = 0; i < n; i++) {
      net.grow(1);
      if ((i + 1) % 500 == 0) {
        System.out.printf("%d nodes %.1fs events=%d heapMB=%d%n", i + 1, (System.nanoTime() - t0) / 1e9, net.clock.executedEvents(),
            (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
      }
    }
    long sent = 0;
    for (DhtNode d : net.nodes) sent += d.metrics().bytesSent();
    System.out.printf("joined; bytes/node=%d avgTable=%.1f%n", sent / n, net.nodes.stream().mapToInt(DhtNode::routingTableSize).average().orElse(0));
    long v0 = System.nanoTime();
    net.clock.advance(DhtConfig.HOUR);
    long sent2 = 0;
    for (DhtNode d : net.nodes) sent2 += d.metrics().bytesSent();
    System.out.printf("1h idle: %.1fs wall, maintenance B/node/s=%.1f%n", (System.nanoTime() - v0) / 1e9, (sent2 - sent) / (double) n / 3600);
  }
}
