package net.switchboard.overlay.node;

import net.switchboard.seam.NodeLog;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.switchboard.dht.identity.Identity;
import net.switchboard.dht.routing.Contact;
import net.switchboard.overlay.persist.DataDir;
import net.switchboard.overlay.testnet.LocalTestnet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {
  @TempDir Path dir;

  OverlayNode startFrom(LocalTestnet net, Path data, List<net.switchboard.seam.Endpoint> bootstrap) throws Exception {
    Identity identity = DataDir.open(data).loadOrCreateIdentity(null, new SecureRandom()).identity();
    NodeConfig config = NodeConfig.defaults().withHost("127.0.0.1").withPort(0).withBootstrap(bootstrap)
        .withDataDir(data).withSnapshotIntervalMillis(100);
    return OverlayNode.start(net.vertx(), config, identity, new SecureRandom(), NodeLog.silent()).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aRestartedNodeKeepsItsIdentityAndIsWarmBeforeItJoins() throws Exception {
    Path data = dir.resolve("data");
    try (LocalTestnet net = LocalTestnet.start(6)) {
      OverlayNode first = startFrom(net, data, List.of(net.bootstrap()));
      int joined = first.join().get(10, TimeUnit.SECONDS);
      assertTrue(joined >= 6);
      String id = first.identity().printed();
      first.stop().get(10, TimeUnit.SECONDS);
      List<Contact> saved = DataDir.open(data).loadRoutingSnapshot();
      assertEquals(joined, saved.size());

      OverlayNode second = startFrom(net, data, List.of()); // no bootstrap: only the snapshot

      assertEquals(id, second.identity().printed());
      assertEquals(joined, second.call(d -> d.routingTableSize()).get(5, TimeUnit.SECONDS), "warm before join");
      assertTrue(second.join().get(10, TimeUnit.SECONDS) >= 6, "rejoins through its snapshot contacts");
      second.stop().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theSnapshotIsSavedPeriodicallyWhileRunning() throws Exception {
    Path data = dir.resolve("data");
    try (LocalTestnet net = LocalTestnet.start(3)) {
      OverlayNode node = startFrom(net, data, List.of(net.bootstrap()));
      node.join().get(10, TimeUnit.SECONDS);

      Path file = data.resolve(DataDir.ROUTING_FILE);
      await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(file) && DataDir.open(data).loadRoutingSnapshot().size() == 3);
      node.kill().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void twoNodesCannotShareADataDirectory() throws Exception {
    Path data = dir.resolve("data");
    try (LocalTestnet net = LocalTestnet.start(1)) {
      OverlayNode first = startFrom(net, data, List.of());

      java.util.concurrent.ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(
          java.util.concurrent.ExecutionException.class, () -> startFrom(net, data, List.of()));
      assertTrue(e.getCause().getMessage().contains("in use by another running node"), e.getCause().getMessage());

      first.stop().get(10, TimeUnit.SECONDS);
      startFrom(net, data, List.of()).kill().get(10, TimeUnit.SECONDS); // free again once stopped
    }
  }

  @Test
  void anUnreadableSnapshotIsIgnoredNotFatal() throws Exception {
    Path data = dir.resolve("data");
    DataDir.open(data);
    Files.writeString(data.resolve(DataDir.ROUTING_FILE), "garbage\n");
    try (LocalTestnet net = LocalTestnet.start(1)) {
      OverlayNode node = startFrom(net, data, List.of());
      assertEquals(0, node.call(d -> d.routingTableSize()).get(5, TimeUnit.SECONDS));
      node.kill().get(10, TimeUnit.SECONDS);
    }
  }
}
